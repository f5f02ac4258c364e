// Hand-written XDP program with exactly the behaviour of resources/examples/vswitch.p4
// as p4wb compiles it (tests/bench): same maps (names, key/value layout), verdicts, bytes.
//
// - Short Ethernet/802.1Q/IPv4 header: drop (P4 parser reject).
// - VLAN: the tag's VID, else `ingress_port_vlan` (exact ingress ifindex, 1 set_vlan),
//   else 1. `ingress_router_mac` (exact VID, dst MAC; 1 route) selects routing:
//   non-IPv4 passes, TTL <= 1 drops, `ingress_routes` (LPM dst) 1 set_nhop(vid, dmac,
//   smac, port, trunk) rewrites MACs, TTL and checksum (RFC 1624), 2 drop, miss drop.
// - Otherwise group addresses flood (XDP_PASS) and `ingress_mac_vlan` (exact VID, dst
//   MAC) 1 forward(port, trunk), 2 flood, 3 drop, miss flood.
// - Leaving: a trunk gets a tag (pushed if absent: 4 bytes in front via
//   bpf_xdp_adjust_head, MACs moved), an access port none (popped); port 0 = XDP_TX,
//   else bpf_redirect(port).
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct vlanhdr {
  __u16 tci;
  __u16 proto;
};

struct vid_mac_key {
  __u16 vid;  // network order, 12 bits
  __u8 mac[6];
};

struct action_value {
  __u32 action;
};

struct port_vlan_value {
  __u32 action;
  __u16 vid;  // network order
} __attribute__((packed));

struct l2_value {
  __u32 action;
  __u32 port;  // network order
  __u8 trunk;
} __attribute__((packed));

struct lpm_key {
  __u32 prefixlen;
  __u32 addr;
};

struct nhop_value {
  __u32 action;
  __u16 vid;
  __u8 dmac[6], smac[6];
  __u32 port;
  __u8 trunk;
} __attribute__((packed));

#define TABLE(name, ktype, vtype, size, maptype)   \
  struct {                                          \
    __uint(type, maptype);                          \
    __type(key, ktype);                             \
    __type(value, vtype);                           \
    __uint(max_entries, size);                      \
  } name SEC(".maps");                              \
  struct {                                          \
    __uint(type, BPF_MAP_TYPE_ARRAY);               \
    __type(key, __u32);                             \
    __type(value, vtype);                           \
    __uint(max_entries, 1);                         \
  } name##_def SEC(".maps");

TABLE(ingress_port_vlan, __u32, struct port_vlan_value, 256, BPF_MAP_TYPE_HASH)
TABLE(ingress_router_mac, struct vid_mac_key, struct action_value, 256, BPF_MAP_TYPE_HASH)
TABLE(ingress_mac_vlan, struct vid_mac_key, struct l2_value, 65536, BPF_MAP_TYPE_HASH)

struct {
  __uint(type, BPF_MAP_TYPE_LPM_TRIE);
  __type(key, struct lpm_key);
  __type(value, struct nhop_value);
  __uint(max_entries, 16384);
  __uint(map_flags, BPF_F_NO_PREALLOC);
} ingress_routes SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct nhop_value);
  __uint(max_entries, 1);
} ingress_routes_def SEC(".maps");

static __always_inline __u16 csum_replace2(__u16 check, __u16 old, __u16 new) {
  __u32 s = (__u16)~check + (__u16)~old + (__u32) new;
  s = (s & 0xffff) + (s >> 16);
  return ~(s + (s >> 16));
}

// Tagging for the output port, then the verdict. `tagged`: the frame has a tag now.
static __always_inline int send(struct xdp_md* ctx, int tagged, __u16 vid, __u32 port_be, __u8 trunk) {
  if (trunk && !tagged) {
    if (bpf_xdp_adjust_head(ctx, -4)) return XDP_ABORTED;
    void* data = (void*)(long)ctx->data;
    if (data + 18 > (void*)(long)ctx->data_end) return XDP_ABORTED;
    __builtin_memmove(data, data + 4, 12);
    *(__u16*)(data + 12) = __builtin_bswap16(ETH_P_8021Q);
    *(__u16*)(data + 14) = __builtin_bswap16(vid & 0xfff);
  } else if (!trunk && tagged) {
    void* data = (void*)(long)ctx->data;
    if (data + 18 > (void*)(long)ctx->data_end) return XDP_ABORTED;
    __builtin_memmove(data + 4, data, 12);
    if (bpf_xdp_adjust_head(ctx, 4)) return XDP_ABORTED;
  } else if (trunk) {
    void* data = (void*)(long)ctx->data;
    if (data + 18 > (void*)(long)ctx->data_end) return XDP_ABORTED;
    __u16* tci = data + 14;
    *tci = (*tci & __builtin_bswap16(0xf000)) | __builtin_bswap16(vid & 0xfff);
  }
  __u32 port = __builtin_bswap32(port_be);
  return port ? bpf_redirect(port, 0) : XDP_TX;
}

SEC("xdp")
int vswitch(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;
  __u16 proto = eth->h_proto;
  void* l3 = eth + 1;
  int tagged = 0;
  __u16 vid = 1;
  __u32 zero = 0;
  if (proto == __builtin_bswap16(ETH_P_8021Q)) {
    struct vlanhdr* vlan = l3;
    if ((void*)(vlan + 1) > data_end) return XDP_DROP;
    tagged = 1;
    vid = __builtin_bswap16(vlan->tci) & 0xfff;
    proto = vlan->proto;
    l3 = vlan + 1;
  }
  struct iphdr* ip = 0;
  if (proto == __builtin_bswap16(ETH_P_IP)) {
    ip = l3;
    if ((void*)(ip + 1) > data_end) return XDP_DROP;
  }
  if (!tagged) {
    __u32 port = __builtin_bswap32(ctx->ingress_ifindex);
    struct port_vlan_value* pv = bpf_map_lookup_elem(&ingress_port_vlan, &port);
    if (!pv) pv = bpf_map_lookup_elem(&ingress_port_vlan_def, &zero);
    if (pv && pv->action == 1) vid = __builtin_bswap16(pv->vid);
  }
  struct vid_mac_key k = {.vid = __builtin_bswap16(vid)};
  __builtin_memcpy(k.mac, eth->h_dest, 6);
  struct action_value* rm = bpf_map_lookup_elem(&ingress_router_mac, &k);
  if (!rm) rm = bpf_map_lookup_elem(&ingress_router_mac_def, &zero);
  if (rm && rm->action == 1) {
    if (!ip) return XDP_PASS;
    if (ip->ttl <= 1) return XDP_DROP;
    struct lpm_key lk = {32, ip->daddr};
    struct nhop_value* nh = bpf_map_lookup_elem(&ingress_routes, &lk);
    if (!nh) {
      nh = bpf_map_lookup_elem(&ingress_routes_def, &zero);
      if (!nh || nh->action == 0) return XDP_DROP;  // compiled-in default: drop
    }
    if (nh->action == 2) return XDP_DROP;
    if (nh->action != 1) return XDP_PASS;
    __builtin_memcpy(eth->h_dest, nh->dmac, 6);
    __builtin_memcpy(eth->h_source, nh->smac, 6);
    __u16* word = (__u16*)&ip->ttl;
    __u16 old = *word;
    ip->ttl--;
    ip->check = csum_replace2(ip->check, old, *word);
    return send(ctx, tagged, __builtin_bswap16(nh->vid), nh->port, nh->trunk & 1);
  }
  if (eth->h_dest[0] & 1) return XDP_PASS;
  struct l2_value* l2 = bpf_map_lookup_elem(&ingress_mac_vlan, &k);
  if (!l2) {
    l2 = bpf_map_lookup_elem(&ingress_mac_vlan_def, &zero);
    if (!l2 || l2->action == 0) return XDP_PASS;  // compiled-in default: flood
  }
  if (l2->action == 3) return XDP_DROP;
  if (l2->action != 1) return XDP_PASS;
  return send(ctx, tagged, vid, l2->port, l2->trunk & 1);
}

char _license[] SEC("license") = "GPL";
