/* Test fixture for the runtime unit tests: a hand-written XDP program with the map
 * layout docs/schema.md describes (see xdp_fixture.schema.json), standing in for what
 * the P4 compiler will emit for resources/examples/basic_fwd.p4.
 *
 *   table ingress.ipv4_fwd: exact on the IPv4 destination (network order)
 *   value: u32 action_id (host order) | dmac[6] | smac[6]
 *   actions: 1 forward(dmac, smac) -> XDP_TX, 2 drop -> XDP_DROP,
 *            3 pass_to_kernel -> XDP_PASS (also the compiled-in default)
 *   stage counters: PERCPU_ARRAY p4wb_stages, ids as in the schema
 *   table ingress.routes: lpm_trie map only (see below)
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct fwd_value {
  __u32 action_id;
  __u8 dmac[6];
  __u8 smac[6];
} __attribute__((packed));

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 1024);
  __type(key, __u32);
  __type(value, struct fwd_value);
} ingress_ipv4_fwd SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct fwd_value);
} ingress_ipv4_fwd_def SEC(".maps");

/* Not used by the program: exercises lpm_trie key encoding (prefix length, an exact
 * bit<8> field, then the lpm IPv4 field) and a bit<9> host-order parameter. */
struct lpm_key {
  __u32 prefixlen;
  __u8 proto;
  __u32 dst;
} __attribute__((packed));

struct lpm_value {
  __u32 action_id;
  __u16 port;
} __attribute__((packed));

struct {
  __uint(type, BPF_MAP_TYPE_LPM_TRIE);
  __uint(max_entries, 64);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, struct lpm_key);
  __type(value, struct lpm_value);
} ingress_routes SEC(".maps");

#define STAGE_COUNT 10
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, STAGE_COUNT);
  __type(key, __u32);
  __type(value, __u64);
} p4wb_stages SEC(".maps");

enum {
  ST_START = 0, ST_IPV4 = 1, ST_HIT = 2, ST_MISS = 3, ST_FORWARD = 4, ST_DROP = 5,
  ST_PASS_ACTION = 6, ST_V_PASS = 7, ST_V_DROP = 8, ST_V_TX = 9,
};

static __always_inline void bump(__u32 id) {
  __u64 *slot = bpf_map_lookup_elem(&p4wb_stages, &id);
  if (slot) *slot += 1;
}

static __always_inline int verdict(int action) {
  bump(action == XDP_PASS ? ST_V_PASS : action == XDP_TX ? ST_V_TX : ST_V_DROP);
  return action;
}

SEC("xdp")
int p4wb_prog(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data;
  void *data_end = (void *)(long)ctx->data_end;
  struct ethhdr *eth = data;
  bump(ST_START);
  if ((void *)(eth + 1) > data_end) return verdict(XDP_DROP);
  if (eth->h_proto != bpf_htons(ETH_P_IP)) return verdict(XDP_PASS);
  struct iphdr *ip = (void *)(eth + 1);
  bump(ST_IPV4);
  if ((void *)(ip + 1) > data_end) return verdict(XDP_DROP);

  __u32 key = ip->daddr; /* bytes as in the packet: network order */
  struct fwd_value *val = bpf_map_lookup_elem(&ingress_ipv4_fwd, &key);
  __u32 action = 3;
  if (val) {
    bump(ST_HIT);
    action = val->action_id;
  } else {
    __u32 zero = 0;
    bump(ST_MISS);
    val = bpf_map_lookup_elem(&ingress_ipv4_fwd_def, &zero);
    if (val && val->action_id != 0) action = val->action_id;
  }
  if (action == 1 && val) {
    bump(ST_FORWARD);
    __builtin_memcpy(eth->h_dest, val->dmac, 6);
    __builtin_memcpy(eth->h_source, val->smac, 6);
    return verdict(XDP_TX);
  }
  if (action == 2) {
    bump(ST_DROP);
    return verdict(XDP_DROP);
  }
  bump(ST_PASS_ACTION);
  return verdict(XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
