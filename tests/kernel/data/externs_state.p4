// Data-plane state for tests/kernel/cli_externs.cpp: counters per protocol (dense) and per
// source address (sparse), a register the data plane writes (last IP length per
// protocol & 3) and one the control plane writes (mark[0] is copied into ip.id), and a
// flow table keyed by the 5-tuple whose new flows get backend p4wb_hash(key) & 3.
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
header l4_t { bit<16> sport; bit<16> dport; }
struct hdrs_t { eth_t eth; ip_t ip; l4_t l4; }
struct flow_key_t { bit<32> src; bit<32> dst; bit<8> proto; bit<16> sport; bit<16> dport; }
struct flow_state_t { bit<32> packets; bit<8> backend; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: accept; }
    }
    state ip {
        pkt.extract(h.ip);
        transition select(h.ip.proto) { 6: l4; 17: l4; default: accept; }
    }
    state l4 { pkt.extract(h.l4); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    CounterArray(32w256, false) proto_count;
    CounterArray(32w1024, true) src_count;
    Register<bit<16>, bit<32>>(32w4) last_len;
    Register<bit<16>, bit<32>>(32w4) mark;
    FlowTable<flow_key_t, flow_state_t>(32w64) flows;
    apply {
        xout.output_action = xdp_action.XDP_PASS;
        if (!h.ip.isValid()) return;
        proto_count.increment((bit<32>)h.ip.proto);
        src_count.increment(h.ip.src);
        last_len.write((bit<32>)(h.ip.proto & 3), h.ip.len);
        h.ip.id = mark.read(0);
        flow_key_t k;
        k.src = h.ip.src;
        k.dst = h.ip.dst;
        k.proto = h.ip.proto;
        k.sport = h.l4.sport;
        k.dport = h.l4.dport;
        flow_state_t st;
        if (!flows.lookup(k, st)) {
            st.backend = (bit<8>)(p4wb_hash<bit<32>, _>(k) & 3);
        }
        st.packets = st.packets + 1;
        flows.update(k, st);
    }
}

control d(in hdrs_t h, packet_out pkt) {
    apply { pkt.emit(h.eth); pkt.emit(h.ip); pkt.emit(h.l4); }
}

xdp(p(), c(), d()) main;
