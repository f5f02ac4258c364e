// The empty XDP program: its ns/packet is the test harness's own cost, subtracted from
// both sides before the generated and hand-written programs are compared.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int empty(struct xdp_md* ctx) { return XDP_PASS; }

char _license[] SEC("license") = "GPL";
