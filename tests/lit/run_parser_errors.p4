// Parser rejects are counted per error kind as well as in <parser>.reject: a short packet
// (PacketTooShort), a failed verify (its error), no matching select case (NoMatch), a
// loop past 256 entries of a state (ParserTimeout), a varbit length over its maximum
// (HeaderTooShort) or not whole bytes (ParserInvalidArgument).
// REQUIRES: root
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 01" | FileCheck %s --check-prefix=SHORT
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 0000" | FileCheck %s --check-prefix=VERIFY
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 0700" | FileCheck %s --check-prefix=NOMATCH
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 0128" | FileCheck %s --check-prefix=TOOLONG
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 0103" | FileCheck %s --check-prefix=BITS
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 0200 0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" | FileCheck %s --check-prefix=LOOP
// SHORT: stages: p.start p.reject.PacketTooShort p.reject XDP_DROP
// VERIFY: stages: p.start p.reject.ParserInvalidArgument p.reject XDP_DROP
// NOMATCH: stages: p.start p.reject.NoMatch p.reject XDP_DROP
// TOOLONG: stages: p.start p.opts p.reject.HeaderTooShort p.reject XDP_DROP
// BITS: stages: p.start p.reject.ParserInvalidArgument p.opts p.reject XDP_DROP
// LOOP: stages: p.start p.skip p.reject.ParserTimeout p.reject XDP_DROP
// (stages are listed in id order: a reject stage gets its id where it is first used)
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header k_t { bit<8> kind; bit<8> len; }
header o_t { varbit<32> v; }
header b_t { bit<8> b; }
struct hdrs_t { eth_t eth; k_t k; o_t opts; b_t b; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        pkt.extract(h.k);
        verify(h.k.kind != 0, error.ParserInvalidArgument);
        transition select(h.k.kind) { 1: opts; 2: skip; }
    }
    state opts { pkt.extract(h.opts, (bit<32>)h.k.len); transition accept; }
    state skip { pkt.extract(h.b); transition skip; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_PASS; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
