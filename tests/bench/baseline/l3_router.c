// Hand-written XDP program with exactly the behaviour of resources/examples/l3_router.p4
// as p4wb compiles it (tests/bench): same maps (names, key/value layout), verdicts, bytes.
//
// - Short Ethernet or IPv4 header: drop (P4 parser reject). Not IPv4: XDP_PASS.
// - IPv4 with version != 4, options (ihl != 5) or TTL <= 1: drop.
// - `ingress_ipv4_lpm` (LPM trie, key {u32 prefixlen, be32 dst}): 1 set_nhop(dmac, smac,
//   port) rewrites the MACs, decrements the TTL, updates the checksum (RFC 1624, on the
//   network-order words: one's-complement sums do not care about byte order), then
//   XDP_TX for port 0 or bpf_redirect(port); 2 drop. A miss reads the default slot
//   (0 = the compiled-in drop).
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct lpm_key {
  __u32 prefixlen;
  __u32 addr;  // network order
};

struct nhop_value {
  __u32 action;
  __u8 dmac[6];
  __u8 smac[6];
  __u32 port;  // network order
};

struct {
  __uint(type, BPF_MAP_TYPE_LPM_TRIE);
  __type(key, struct lpm_key);
  __type(value, struct nhop_value);
  __uint(max_entries, 65536);
  __uint(map_flags, BPF_F_NO_PREALLOC);
} ingress_ipv4_lpm SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct nhop_value);
  __uint(max_entries, 1);
} ingress_ipv4_lpm_def SEC(".maps");

// RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), 16-bit one's complement.
static __always_inline __u16 csum_replace2(__u16 check, __u16 old, __u16 new) {
  __u32 s = (__u16)~check + (__u16)~old + (__u32) new;
  s = (s & 0xffff) + (s >> 16);
  return ~(s + (s >> 16));
}

SEC("xdp")
int l3_router(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;
  if (eth->h_proto != __builtin_bswap16(ETH_P_IP)) return XDP_PASS;
  struct iphdr* ip = (void*)(eth + 1);
  if ((void*)(ip + 1) > data_end) return XDP_DROP;
  if (ip->version != 4 || ip->ihl != 5 || ip->ttl <= 1) return XDP_DROP;

  struct lpm_key key = {.prefixlen = 32, .addr = ip->daddr};
  struct nhop_value* v = bpf_map_lookup_elem(&ingress_ipv4_lpm, &key);
  if (!v) {
    __u32 zero = 0;
    v = bpf_map_lookup_elem(&ingress_ipv4_lpm_def, &zero);
    if (!v || v->action == 0) return XDP_DROP;  // compiled-in default: drop
  }
  switch (v->action) {
    case 1: {
      __builtin_memcpy(eth->h_dest, v->dmac, 6);
      __builtin_memcpy(eth->h_source, v->smac, 6);
      __u16* word = (__u16*)&ip->ttl;  // ttl and protocol
      __u16 old = *word;
      ip->ttl--;
      ip->check = csum_replace2(ip->check, old, *word);
      __u32 port = __builtin_bswap32(v->port);
      return port ? bpf_redirect(port, 0) : XDP_TX;
    }
    case 2:
      return XDP_DROP;
    default:
      return XDP_PASS;
  }
}

char _license[] SEC("license") = "GPL";
