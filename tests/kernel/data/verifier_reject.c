/* Kernel test fixture: an XDP program the verifier must reject. It reads byte 12 of the
 * packet without checking the packet is that long, so the kernel refuses it with
 * "invalid access to packet". Built with -g: the BTF line info lets p4wb name the
 * rejected line (the one marked below). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int reject_me(struct xdp_md *ctx) {
  unsigned char *data = (unsigned char *)(long)ctx->data;
  int ethertype_hi = data[12]; /* REJECTED LINE: no bounds check */
  return ethertype_hi == 0x08 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
