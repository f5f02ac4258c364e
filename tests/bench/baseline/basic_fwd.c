// Hand-written XDP program with exactly the behaviour of resources/examples/basic_fwd.p4
// as p4wb compiles it: the yardstick for the generated code (tests/bench).
//
// - Ethernet, then IPv4 when etherType is 0x0800; a packet too short for a header it
//   must parse is dropped (P4 parser reject).
// - Exact match on the IPv4 destination in `ingress_ipv4_fwd` (same key/value layout as
//   the P4 program's schema, so the same entries can be written to both); a miss reads
//   slot 0 of `ingress_ipv4_fwd_def`, where action id 0 means the compiled-in default
//   (pass_to_kernel).
// - Actions: 1 forward(dmac, smac) rewrites both MACs and returns XDP_TX, 2 drop,
//   3 pass_to_kernel; anything else passes.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct fwd_key {
  __u32 dstAddr;  // network order, as in the packet
};

struct fwd_value {
  __u32 action;
  __u8 dmac[6];
  __u8 smac[6];
};

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, struct fwd_key);
  __type(value, struct fwd_value);
  __uint(max_entries, 1024);
} ingress_ipv4_fwd SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct fwd_value);
  __uint(max_entries, 1);
} ingress_ipv4_fwd_def SEC(".maps");

SEC("xdp")
int basic_fwd(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;
  if (eth->h_proto != __builtin_bswap16(ETH_P_IP)) return XDP_PASS;
  struct iphdr* ip = (void*)(eth + 1);
  if ((void*)(ip + 1) > data_end) return XDP_DROP;

  struct fwd_key key = {.dstAddr = ip->daddr};
  struct fwd_value* v = bpf_map_lookup_elem(&ingress_ipv4_fwd, &key);
  if (!v) {
    __u32 zero = 0;
    v = bpf_map_lookup_elem(&ingress_ipv4_fwd_def, &zero);
    if (!v || v->action == 0) return XDP_PASS;  // compiled-in default: pass_to_kernel
  }
  switch (v->action) {
    case 1:
      __builtin_memcpy(eth->h_dest, v->dmac, 6);
      __builtin_memcpy(eth->h_source, v->smac, 6);
      return XDP_TX;
    case 2:
      return XDP_DROP;
    default:
      return XDP_PASS;
  }
}

char _license[] SEC("license") = "GPL";
