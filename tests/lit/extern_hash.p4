// p4wb_hash<O>(data): 32-bit FNV-1a over the packed bytes of data (fields in order, each
// ceil(bits/8) bytes, network byte order), truncated to O; unrolled into xor/mul, no map.
// A list {a, b, c} and a struct holding the same fields hash the same.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
struct hdrs_t { eth_t eth; ip_t ip; }
struct flow_key_t { bit<32> src; bit<32> dst; bit<8> proto; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: accept; }
    }
    state ip { pkt.extract(h.ip); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        xout.output_action = xdp_action.XDP_TX;
        if (!h.ip.isValid()) return;
        flow_key_t k;
        k.src = h.ip.src;
        k.dst = h.ip.dst;
        k.proto = h.ip.proto;
        bit<32> fromList = p4wb_hash<bit<32>, _>({ h.ip.src, h.ip.dst, h.ip.proto });
        if (p4wb_hash<bit<32>, _>(k) != fromList) {
            xout.output_action = xdp_action.XDP_DROP;
        }
        h.eth.dst[31:0] = fromList;
        h.eth.src[15:0] = p4wb_hash<bit<16>, _>(h.ip.src);
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); pkt.emit(h.ip); } }

xdp(p(), c(), d()) main;

// No map for the hash (only the stage counters), then the FNV-1a offset basis and prime.
// IR-NOT: section ".maps"
// IR: @p4wb_stages = dso_local global {{.*}} section ".maps"
// IR-NOT: section ".maps"
// IR: define
// IR: xor i32 {{.*}}-2128831035
// IR: mul i32 {{.*}}16777619

// SCHEMA: "externs": []
