// Hand-written XDP program with exactly the behaviour of resources/examples/conntrack.p4
// as p4wb compiles it (tests/bench): same maps (names, key/value layout), verdicts.
//
// - Short Ethernet/IPv4/TCP(14 bytes)/UDP header: drop (P4 parser reject). Not IPv4, IP
//   options, other protocols: XDP_PASS.
// - `ingress_inside` (LPM on the source; 1 set_inside) says whether the sender is inside
//   (a miss reads the default slot: set_inside there counts too).
// - `ingress_conns` (LRU hash, key = packed 5-tuple, value u8 state 1 NEW/2 ESTABLISHED):
//   from inside: FIN/RST removes the flow, an unknown flow is added as NEW; pass.
//   From outside: return traffic of a known flow passes (FIN/RST removes it, else it
//   becomes ESTABLISHED); anything else is decided by `ingress_services` (exact proto,
//   dport: 1 allow, 2 deny; miss: default slot, 0 = the compiled-in deny).
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct flow_key {
  __u32 src, dst;
  __u8 proto;
  __u16 sport, dport;
} __attribute__((packed));

struct lpm_key {
  __u32 prefixlen;
  __u32 addr;
};

struct svc_key {
  __u8 proto;
  __u16 port;
} __attribute__((packed));

struct action_value {
  __u32 action;
};

struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __type(key, struct flow_key);
  __type(value, __u8);
  __uint(max_entries, 65536);
} ingress_conns SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_LPM_TRIE);
  __type(key, struct lpm_key);
  __type(value, struct action_value);
  __uint(max_entries, 1024);
  __uint(map_flags, BPF_F_NO_PREALLOC);
} ingress_inside SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct action_value);
  __uint(max_entries, 1);
} ingress_inside_def SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, struct svc_key);
  __type(value, struct action_value);
  __uint(max_entries, 4096);
} ingress_services SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct action_value);
  __uint(max_entries, 1);
} ingress_services_def SEC(".maps");

// The first 14 bytes of TCP, as the P4 program parses them.
struct tcp14 {
  __u16 source, dest;
  __u32 seq, ack;
  __u8 doff, flags;
};

struct udp8 {
  __u16 source, dest, len, check;
};

SEC("xdp")
int conntrack(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;
  if (eth->h_proto != __builtin_bswap16(ETH_P_IP)) return XDP_PASS;
  struct iphdr* ip = (void*)(eth + 1);
  if ((void*)(ip + 1) > data_end) return XDP_DROP;
  if (ip->ihl != 5) return XDP_PASS;
  struct flow_key flow = {.src = ip->saddr, .dst = ip->daddr, .proto = ip->protocol};
  __u8 flags = 0;
  if (ip->protocol == 6) {
    struct tcp14* tcp = (void*)(ip + 1);
    if ((void*)(tcp + 1) > data_end) return XDP_DROP;
    flow.sport = tcp->source;
    flow.dport = tcp->dest;
    flags = tcp->flags;
  } else if (ip->protocol == 17) {
    struct udp8* udp = (void*)(ip + 1);
    if ((void*)(udp + 1) > data_end) return XDP_DROP;
    flow.sport = udp->source;
    flow.dport = udp->dest;
  } else {
    return XDP_PASS;
  }
  int ends = (flags & 0x05) != 0;  // FIN or RST

  __u32 zero = 0;
  struct lpm_key lk = {32, ip->saddr};
  struct action_value* in = bpf_map_lookup_elem(&ingress_inside, &lk);
  if (!in) in = bpf_map_lookup_elem(&ingress_inside_def, &zero);
  if (in && in->action == 1) {
    if (ends) {
      bpf_map_delete_elem(&ingress_conns, &flow);
    } else if (!bpf_map_lookup_elem(&ingress_conns, &flow)) {
      __u8 st = 1;
      bpf_map_update_elem(&ingress_conns, &flow, &st, BPF_ANY);
    }
    return XDP_PASS;
  }
  struct flow_key reply = {flow.dst, flow.src, flow.proto, flow.dport, flow.sport};
  __u8* state = bpf_map_lookup_elem(&ingress_conns, &reply);
  if (state) {
    if (ends) {
      bpf_map_delete_elem(&ingress_conns, &reply);
    } else if (*state != 2) {
      __u8 st = 2;
      bpf_map_update_elem(&ingress_conns, &reply, &st, BPF_ANY);
    }
    return XDP_PASS;
  }
  struct svc_key sk = {ip->protocol, flow.dport};
  struct action_value* v = bpf_map_lookup_elem(&ingress_services, &sk);
  if (!v) {
    v = bpf_map_lookup_elem(&ingress_services_def, &zero);
    if (!v || v->action == 0) return XDP_DROP;  // compiled-in default: deny
  }
  return v->action == 1 ? XDP_PASS : v->action == 2 ? XDP_DROP : XDP_PASS;
}

char _license[] SEC("license") = "GPL";
