/* Test fixture: a minimal tc (SCHED_CLS) program that counts packets in a PERCPU_ARRAY
 * and lets them through, for the runtime's tc attach tests. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, __u64);
} p4wb_stages SEC(".maps");

SEC("tc")
int p4wb_tc(struct __sk_buff *skb) {
  __u32 zero = 0;
  __u64 *slot = bpf_map_lookup_elem(&p4wb_stages, &zero);
  if (slot) *slot += 1;
  return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
