// Control flow: a switch on a value nested inside an action_run switch and an if, with a
// default-less switch where no label matches (nothing runs).
#include "common.p4"
header h_t { bit<8> k; bit<4> m; bit<4> pad; bit<8> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action a() {}
    action b() {}
    table t { key = { hdr.h.k : exact; } actions = { a; b; } default_action = b(); }
    apply {
        switch (t.apply().action_run) {
            a: {
                switch (hdr.h.m) {
                    0: { hdr.h.r = 0xa0; }
                    1: { hdr.h.r = 0xa1; }
                }
            }
            b: {
                if (hdr.h.m != 0) {
                    switch (hdr.h.m) {
                        4w15: { hdr.h.r = 0xbf; }
                        default: { hdr.h.r = 0xb1; }
                    }
                }
            }
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
