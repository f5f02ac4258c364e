// ebpfFilter with a varbit: the filter accepts when the length byte is 2 and a local copy of
// the varbit compares equal (== on varbit: same length, same bytes).
#include "common.p4"
header opts_t { varbit<64> o; }
header l_t { bit<8> n; }
struct H { eth_t eth; l_t l; opts_t opts; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.l); pk.extract(hdr.opts, (bit<32>)hdr.l.n * 8); transition accept; } }
control F(inout H hdr, out bool accept) {
    opts_t want;
    apply { want = hdr.opts; accept = hdr.l.n == 2 && want.o == hdr.opts.o; }
}
ebpfFilter(P(), F()) main;
