/* Initial table entries, mutable and const (P4 spec 14.2.1.4), for the kernel test
 * cli_const_entries: `fixed` has `const entries` (matched in code, never looked up; the
 * control plane may not change them) and a const default action; `initial` has a plain
 * `entries` list, installed into its map at load, which the control plane may modify or
 * delete like any other entry.
 */
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header tag_t { bit<8> k; bit<8> v; bit<8> w; }
struct hdrs_t { eth_t eth; tag_t tag; }

parser P(packet_in pk, out hdrs_t h) {
    state start { pk.extract(h.eth); pk.extract(h.tag); transition accept; }
}

control C(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    action set_v(bit<8> v) { h.tag.v = v; }
    action set_w(bit<8> w) { h.tag.w = w; }
    table fixed {
        key = { h.tag.k : exact; }
        actions = { set_v; }
        const entries = {
            1 : set_v(0xa1);
            2 : set_v(0xa2);
        }
        const default_action = set_v(0xff);
    }
    table initial {
        key = { h.tag.k : exact; }
        actions = { set_w; }
        entries = {
            1 : set_w(0xb1);
            2 : set_w(0xb2);
        }
        default_action = set_w(0xee);
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_TX;
        fixed.apply();
        initial.apply();
    }
}

control D(in hdrs_t h, packet_out pk) { apply { pk.emit(h.eth); pk.emit(h.tag); } }

xdp(P(), C(), D()) main;
