/* Test fixture: an XDP program the verifier must reject (it reads packet bytes without
 * a bounds check), so the runtime's verifier-log capture can be tested. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int p4wb_bad(struct xdp_md *ctx) {
  unsigned char *data = (unsigned char *)(long)ctx->data;
  return data[12] == 0x08 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
