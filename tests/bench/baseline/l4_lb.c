// Hand-written XDP program with exactly the behaviour of resources/examples/l4_lb.p4 as
// p4wb compiles it (tests/bench): same maps (names, key/value layout), verdicts, bytes.
//
// - Short Ethernet/IPv4/TCP/UDP header: drop (P4 parser reject). Not IPv4, IP options,
//   fragments and other protocols: XDP_PASS.
// - `ingress_vips` (exact dst, proto, dport; 7 packed bytes): a hit with 1
//   set_group(id, mask) picks bucket = FNV-1a(5-tuple) & mask; any hit then looks up
//   `ingress_backends` (exact group, bucket; zero for a hit on NoAction); a miss passes.
// - backends: 1 set_backend(addr, dmac) rewrites the destination address (IPv4 and
//   TCP/UDP checksums updated per RFC 1624; a zero UDP checksum stays zero), moves the
//   destination MAC to the source and returns XDP_TX; 2 drop; a miss reads the default
//   slot (0 = the compiled-in drop).
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>

struct vip_key {
  __u32 addr;
  __u8 proto;
  __u16 port;
} __attribute__((packed));

struct vip_value {
  __u32 action;
  __u32 id;    // network order
  __u32 mask;  // network order
};

struct backend_key {
  __u32 group;   // network order
  __u32 bucket;  // network order
};

struct backend_value {
  __u32 action;
  __u32 addr;
  __u8 dmac[6];
} __attribute__((packed));

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, struct vip_key);
  __type(value, struct vip_value);
  __uint(max_entries, 1024);
} ingress_vips SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct vip_value);
  __uint(max_entries, 1);
} ingress_vips_def SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, struct backend_key);
  __type(value, struct backend_value);
  __uint(max_entries, 65536);
} ingress_backends SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __type(key, __u32);
  __type(value, struct backend_value);
  __uint(max_entries, 1);
} ingress_backends_def SEC(".maps");

// FNV-1a, 32 bit, over the bytes of the 5-tuple in network order.
static __always_inline __u32 fnv1a(const __u8* p, int n) {
  __u32 h = 0x811c9dc5;
#pragma unroll
  for (int i = 0; i < n; ++i) h = (h ^ p[i]) * 0x01000193;
  return h;
}

// RFC 1624 eqn. 3 for a 32-bit field, on network-order halves.
static __always_inline __u16 csum_replace4(__u16 check, __u32 old, __u32 new) {
  __u32 s = (__u16)~check + (__u16)~(old >> 16) + (__u16)~(old & 0xffff) + (new >> 16) + (new & 0xffff);
  s = (s & 0xffff) + (s >> 16);
  return ~(s + (s >> 16));
}

SEC("xdp")
int l4_lb(struct xdp_md* ctx) {
  void* data = (void*)(long)ctx->data;
  void* data_end = (void*)(long)ctx->data_end;
  struct ethhdr* eth = data;
  if ((void*)(eth + 1) > data_end) return XDP_DROP;
  if (eth->h_proto != __builtin_bswap16(ETH_P_IP)) return XDP_PASS;
  struct iphdr* ip = (void*)(eth + 1);
  if ((void*)(ip + 1) > data_end) return XDP_DROP;
  if (ip->ihl != 5 || (ip->frag_off & __builtin_bswap16(0x1fff))) return XDP_PASS;
  __u16* l4check;  // the TCP/UDP checksum to update, or 0 (UDP without checksum)
  __u16 sport, dport;
  if (ip->protocol == 6) {
    struct tcphdr* tcp = (void*)(ip + 1);
    if ((void*)(tcp + 1) > data_end) return XDP_DROP;
    sport = tcp->source;
    dport = tcp->dest;
    l4check = &tcp->check;
  } else if (ip->protocol == 17) {
    struct udphdr* udp = (void*)(ip + 1);
    if ((void*)(udp + 1) > data_end) return XDP_DROP;
    sport = udp->source;
    dport = udp->dest;
    l4check = udp->check ? &udp->check : 0;
  } else {
    return XDP_PASS;
  }

  struct vip_key vk = {.addr = ip->daddr, .proto = ip->protocol, .port = dport};
  struct vip_value* vip = bpf_map_lookup_elem(&ingress_vips, &vk);
  if (!vip) return XDP_PASS;  // the default action (set_group or NoAction) cannot change the packet
  struct backend_key bk = {0, 0};
  if (vip->action == 1) {
    struct {
      __u32 src, dst;
      __u8 proto;
      __u16 sport, dport;
    } __attribute__((packed)) t = {ip->saddr, ip->daddr, ip->protocol, sport, dport};
    bk.group = vip->id;
    bk.bucket = __builtin_bswap32(fnv1a((const __u8*)&t, sizeof t) & __builtin_bswap32(vip->mask));
  }
  struct backend_value* be = bpf_map_lookup_elem(&ingress_backends, &bk);
  if (!be) {
    __u32 zero = 0;
    be = bpf_map_lookup_elem(&ingress_backends_def, &zero);
    if (!be || be->action == 0) return XDP_DROP;  // compiled-in default: drop
  }
  if (be->action == 2) return XDP_DROP;
  if (be->action != 1) return XDP_PASS;
  __u32 old = ip->daddr, addr = be->addr;
  ip->daddr = addr;
  ip->check = csum_replace4(ip->check, old, addr);
  if (l4check) *l4check = csum_replace4(*l4check, old, addr);
  __builtin_memcpy(eth->h_source, eth->h_dest, 6);
  __builtin_memcpy(eth->h_dest, be->dmac, 6);
  return XDP_TX;
}

char _license[] SEC("license") = "GPL";
