// Sub-byte fields, select with masks/default, direct action calls, switch on action_run,
// exit and XDP_REDIRECT lower to a verifier-friendly program.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-asm %t.s --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// RUN: FileCheck %s --check-prefix=ASM < %t.s
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
struct hdrs_t { eth_t eth; ip_t ip; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) {
            0x0800 &&& 0xffff: ip;
            0x86dd: reject;
            default: accept;
        }
    }
    state ip {
        pkt.extract(h.ip);
        verify(h.ip.version == 4, error.NoMatch);
        transition select(h.ip.ihl, h.ip.proto) {
            (5, 17): accept;
            (5, _): accept;
            default: reject;
        }
    }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    action to_port(bit<32> port) {
        xout.output_port = port;
        xout.output_action = xdp_action.XDP_REDIRECT;
    }
    action decrement() {
        h.ip.ttl = h.ip.ttl - 1;
        h.ip.flags = 3w2;
        h.ip.frag[3:0] = 4w1;
    }
    table ports {
        key = { h.ip.src : exact; h.ip.proto : exact; }
        actions = { to_port; decrement; NoAction; }
        default_action = NoAction();
        size = 64;
    }
    apply {
        xout.output_action = xdp_action.XDP_PASS;
        if (!h.ip.isValid()) {
            exit;
        }
        if (h.ip.ttl <= 1) {
            xout.output_action = xdp_action.XDP_DROP;
            return;
        }
        decrement();
        switch (ports.apply().action_run) {
            to_port: { h.eth.src = h.eth.dst; }
            default: { }
        }
    }
}

control d(in hdrs_t h, packet_out pkt) {
    apply { pkt.emit(h); }
}

xdp(p(), c(), d()) main;

// IR: define dso_local {{.*}}i32 @p4wb_xdp(
// IR: call {{.*}}(i64 23 to ptr)
// IR-DAG: @c_ports = dso_local global
// IR-DAG: @c_ports_def = dso_local global

// SCHEMA: "name": "c.ports"
// SCHEMA: "key_size": 5
// SCHEMA: "value_size": 8
// SCHEMA: "name": "h.ip.src"
// SCHEMA-NEXT: "match": "exact"
// SCHEMA-NEXT: "bits": 32
// SCHEMA-NEXT: "offset": 0
// SCHEMA: "name": "h.ip.proto"
// SCHEMA-NEXT: "match": "exact"
// SCHEMA-NEXT: "bits": 8
// SCHEMA-NEXT: "offset": 4
// SCHEMA: "name": "c.to_port"
// SCHEMA: "name": "NoAction"
// SCHEMA: "kind": "parser_state"
// SCHEMA-NEXT: "name": "p.start"
// SCHEMA: "kind": "parser_state"
// SCHEMA-NEXT: "name": "p.ip"

// ASM: parser_select.p4:{{[0-9]+}}: pkt.extract(h.ip);
