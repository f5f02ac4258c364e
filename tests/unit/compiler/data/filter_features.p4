// Exercises much of the P4_16 front end on the ebpfFilter architecture: macros and
// conditionals, serializable enums, header stacks, select with tuples/masks/ranges,
// lpm/ternary tables with const entries, switch on action_run, casts, slices, concat.
#include <core.p4>
#include <ebpf_model.p4>

#define PORT_OF(x) ((x) + 16w1)
#ifdef NOT_DEFINED
#error should not fire
#elif 1 + 1 == 2 && defined(PORT_OF)
const bit<8> MODE = 8w3;
#else
#error should not fire either
#endif

typedef bit<32> addr_t;
enum bit<8> Proto { TCP = 6, UDP = 17 }
enum Color { RED, GREEN }
error { BadVersion }
match_kind { range_kind }

header eth_t { bit<48> dst; bit<48> src; bit<16> type_; }
header ip_t { bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id; bit<3> flags;
              bit<13> frag; bit<8> ttl; Proto proto; bit<16> csum; addr_t src; addr_t dst; }
header vlan_t { bit<16> tci; bit<16> type_; }
struct hdrs { eth_t eth; vlan_t[2] vlans; ip_t ip; }

parser p(packet_in pkt, out hdrs h) {
    bit<8> peek = 0;
    state start {
        pkt.extract(h.eth);
        peek = pkt.lookahead<bit<8>>();
        transition select(h.eth.type_, peek) {
            (0x8100, _): vlan;
            (0x0800 &&& 0xFFFF, 0x40 .. 0x4F): ip;
            default: reject;
        }
    }
    state vlan {
        pkt.extract(h.vlans.next);
        transition select(h.vlans.last.type_) { 0x8100: vlan; 0x0800: ip; default: accept; }
    }
    state ip {
        pkt.extract(h.ip);
        verify(h.ip.version == 4, error.BadVersion);
        transition accept;
    }
}

control f(inout hdrs h, out bool accept) {
    CounterArray(32w16, false) hits;
    bit<16> tmp;
    action set_ttl(bit<8> t) { h.ip.ttl = t; hits.increment((bit<32>)t); }
    action nop() {}
    table route {
        key = { h.ip.dst : lpm; h.ip.proto : exact @name("proto"); }
        actions = { set_ttl; nop; @defaultonly NoAction; }
        implementation = hash_table(64);
        const default_action = nop();
        const entries = {
            (0x0A000000 &&& 0xFF000000, Proto.TCP) : set_ttl(8w9);
            (_, _) : nop();
        }
    }
    apply {
        accept = true;
        tmp = h.eth.type_ >> 2 | 16w0x3 << 4;
        bit<32> wide = h.eth.type_ ++ h.ip.len;
        tmp = wide[15:0];
        if (h.ip.isValid() && h.ip.ttl[7:4] == 4w0 || !h.eth.isValid()) {
            accept = false;
            return;
        } else if (h.ip.proto == Proto.UDP) {
            h.ip.len = PORT_OF(h.ip.len) - (bit<16>)MODE;
        }
        switch (route.apply().action_run) {
            set_ttl: { h.ip.tos = h.ip.tos |+| 1; }
            nop:
            default: { exit; }
        }
        if (route.apply().hit) { h.vlans[0].setInvalid(); }
        int<8> s = -8s1;
        bool b = s < 0 ? true : false;
        accept = accept && b;
        Color c = Color.RED;
        accept = accept && c == Color.RED;
    }
}

ebpfFilter(p(), f()) main;
