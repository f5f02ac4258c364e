/* Kernel test fixture: programs "another tool" attaches with iproute2 (ip link ... xdp,
 * tc filter ... bpf), so `p4wb targets` can be checked to list programs that are not
 * ours. Both let every packet through. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int other_xdp(struct xdp_md *ctx) { return XDP_PASS; }

SEC("tc")
int other_tc(struct __sk_buff *skb) { return TC_ACT_OK; }

char LICENSE[] SEC("license") = "GPL";
