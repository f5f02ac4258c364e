// Internal (not public API): which BPF program id sits in a clsact tc filter slot. We ask
// the kernel with our own RTM_GETTFILTER dump because libbpf 1.1's bpf_tc_query and
// bpf_tc_attach report prog_id 0 on recent kernels (the dump there also lists the
// filter chain's head entry, which libbpf mistakes for the filter).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime::detail {

// One BPF classifier on a clsact hook, whoever attached it.
struct TcFilter {
  std::uint32_t handle = 0;
  std::uint32_t priority = 0;  // tc "pref"
  std::uint32_t progId = 0;
  std::string name;  // TCA_BPF_NAME, e.g. "prog.o:[tc]" for filters added by iproute2
};

// Every BPF filter on ifindex's clsact ingress or egress hook in the calling thread's
// namespace (empty when there is no clsact qdisc).
Result<std::vector<TcFilter>> listTcFilters(int ifindex, bool ingress);

// Program id of the BPF filter (handle, priority) on ifindex's clsact ingress or egress
// hook in the calling thread's namespace; 0 when there is none (or no clsact qdisc).
Result<std::uint32_t> queryTcFilterProgId(int ifindex, bool ingress, std::uint32_t handle,
                                          std::uint32_t priority);

}  // namespace p4wb::runtime::detail
