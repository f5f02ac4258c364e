// Hand-written XDP program with exactly the behaviour of resources/examples/
// acl_firewall.p4 as p4wb compiles it (tests/bench): same maps, verdicts, bytes.
//
// - Short Ethernet/IPv4/ports header: drop (P4 parser reject). Not IPv4: XDP_PASS.
//   Ports are read for TCP/UDP without options or fragment offset, else 0.
// - `ingress_acl` is a scanned ternary/range table (the layout p4wb gives such tables,
//   docs/schema.md): ARRAY, element 0 = control word (count | active half << 31), then
//   two halves of `size` slots sorted best priority first; a slot is the table value,
//   u32 priority, 16 key bytes, 16 mask bytes, u64 lo/hi per range key. bpf_loop runs
//   over the live slots; the first whose masked key and ranges match wins.
// - Actions 1 permit(rule) / 2 deny(rule) add one to `ingress_hits[rule]` (ARRAY of
//   u32, atomic add) and pass / drop; no match reads the default slot (0 = the
//   compiled-in deny(0)).
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

#define ACL_SIZE 1024

struct acl_value {
  __u32 action;
  __u32 rule;  // network order
};

struct acl_slot {
  struct acl_value value;
  __u32 priority;
  __u32 pad;
  __u64 key[2];
  __u64 mask[2];
  __u64 lo_sport, hi_sport;
  __u64 lo_dport, hi_dport;
};

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct acl_slot);
  __uint(max_entries, 1 + 2 * ACL_SIZE);
} ingress_acl SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct acl_value);
  __uint(max_entries, 1);
} ingress_acl_def SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, __u32);
  __uint(max_entries, 1025);
} ingress_hits SEC(".maps");

struct scan_ctx {
  __u64 key[2];
  __u64 sport, dport;
  __u32 base;
  __u32 result;
};

static long scan_slot(__u64 index, void* arg) {
  struct scan_ctx* c = arg;
  __u32 k = c->base + (__u32)index;
  struct acl_slot* s = bpf_map_lookup_elem(&ingress_acl, &k);
  if (!s) return 1;
  if (((c->key[0] & s->mask[0]) ^ s->key[0]) | ((c->key[1] & s->mask[1]) ^ s->key[1])) return 0;
  if (c->sport < s->lo_sport || c->sport > s->hi_sport) return 0;
  if (c->dport < s->lo_dport || c->dport > s->hi_dport) return 0;
  c->result = (__u32)index;
  return 1;
}

SEC("xdp")
int acl_firewall(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;
  if (eth->h_proto != __builtin_bswap16(ETH_P_IP)) return XDP_PASS;
  struct iphdr* ip = (void*)(eth + 1);
  if ((void*)(ip + 1) > data_end) return XDP_DROP;
  __u16 sport = 0, dport = 0;  // network order
  if (ip->ihl == 5 && !(ip->frag_off & __builtin_bswap16(0x1fff)) &&
      (ip->protocol == 6 || ip->protocol == 17)) {
    __u16* ports = (void*)(ip + 1);
    if ((void*)(ports + 2) > data_end) return XDP_DROP;
    sport = ports[0];
    dport = ports[1];
  }

  __u32 zero = 0;
  struct acl_value* v = 0;
  __u32* control = bpf_map_lookup_elem(&ingress_acl, &zero);
  if (control) {
    struct scan_ctx c = {.base = 1 + (*control >> 31) * ACL_SIZE, .result = 0xffffffff};
    __u8* key = (__u8*)c.key;  // src, dst, proto, sport, dport packed, network order
    __builtin_memcpy(key, &ip->saddr, 8);
    key[8] = ip->protocol;
    __builtin_memcpy(key + 9, &sport, 2);
    __builtin_memcpy(key + 11, &dport, 2);
    c.sport = __builtin_bswap16(sport);
    c.dport = __builtin_bswap16(dport);
    __u32 count = *control & 0x7fffffff;
    bpf_loop(count < ACL_SIZE ? count : ACL_SIZE, scan_slot, &c, 0);
    if (c.result != 0xffffffff) {
      __u32 k = c.base + c.result;
      v = bpf_map_lookup_elem(&ingress_acl, &k);
    }
  }
  __u32 rule = 0;
  int action = 2;  // compiled-in default: deny(0)
  if (!v) {
    v = bpf_map_lookup_elem(&ingress_acl_def, &zero);
    if (v && v->action != 0) {
      action = v->action;
      rule = __builtin_bswap32(v->rule);
    }
  } else {
    action = v->action;
    rule = __builtin_bswap32(v->rule);
  }
  if (action != 1 && action != 2) return XDP_PASS;
  __u32* hits = bpf_map_lookup_elem(&ingress_hits, &rule);
  if (hits) __sync_fetch_and_add(hits, 1);
  return action == 1 ? XDP_PASS : XDP_DROP;
}

char _license[] SEC("license") = "GPL";
