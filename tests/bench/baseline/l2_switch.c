// Hand-written XDP program with exactly the behaviour of resources/examples/l2_switch.p4
// as p4wb compiles it (tests/bench): same maps (names, key/value layout), verdicts, bytes.
//
// - A frame shorter than Ethernet is dropped (P4 parser reject).
// - `ingress_blocked_src` (exact source MAC): action 1 = drop; a miss reads the default
//   slot, where 0 = the compiled-in NoAction and 1 = drop.
// - Group (multicast/broadcast) destinations flood (XDP_PASS to the Linux bridge).
// - `ingress_dmac` (exact destination MAC): 1 forward(port) (port 0 = XDP_TX, else
//   bpf_redirect(port)), 2 flood, 3 drop; a miss reads the default slot (0 = flood).
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

struct mac_key {
  __u8 addr[6];
};

struct src_value {
  __u32 action;
};

struct dmac_value {
  __u32 action;
  __u32 port;  // network order
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, struct mac_key);
  __type(value, struct src_value);
  __uint(max_entries, 1024);
} ingress_blocked_src SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct src_value);
  __uint(max_entries, 1);
} ingress_blocked_src_def SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, struct mac_key);
  __type(value, struct dmac_value);
  __uint(max_entries, 65536);
} ingress_dmac SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct dmac_value);
  __uint(max_entries, 1);
} ingress_dmac_def SEC(".maps");

SEC("xdp")
int l2_switch(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;

  __u32 zero = 0;
  struct mac_key src;
  __builtin_memcpy(src.addr, eth->h_source, 6);
  struct src_value* b = bpf_map_lookup_elem(&ingress_blocked_src, &src);
  if (!b) b = bpf_map_lookup_elem(&ingress_blocked_src_def, &zero);
  if (b && b->action == 1) return XDP_DROP;

  if (eth->h_dest[0] & 1) return XDP_PASS;  // group address: flood

  struct mac_key dst;
  __builtin_memcpy(dst.addr, eth->h_dest, 6);
  struct dmac_value* v = bpf_map_lookup_elem(&ingress_dmac, &dst);
  if (!v) {
    v = bpf_map_lookup_elem(&ingress_dmac_def, &zero);
    if (!v || v->action == 0) return XDP_PASS;  // compiled-in default: flood
  }
  switch (v->action) {
    case 1: {
      __u32 port = __builtin_bswap32(v->port);
      return port ? bpf_redirect(port, 0) : XDP_TX;
    }
    case 3:
      return XDP_DROP;
    default:
      return XDP_PASS;
  }
}

char _license[] SEC("license") = "GPL";
