// Internal (not public API): which BPF program id sits in a clsact tc filter slot. We ask
// the kernel with our own RTM_GETTFILTER dump because libbpf 1.1's bpf_tc_query and
// bpf_tc_attach report prog_id 0 on recent kernels (the dump there also lists the
// filter chain's head entry, which libbpf mistakes for the filter).
#pragma once

#include <cstdint>

#include "runtime/result.h"

namespace p4wb::runtime::detail {

// Program id of the BPF filter (handle, priority) on ifindex's clsact ingress or egress
// hook in the calling thread's namespace; 0 when there is none (or no clsact qdisc).
Result<std::uint32_t> queryTcFilterProgId(int ifindex, bool ingress, std::uint32_t handle,
                                          std::uint32_t priority);

}  // namespace p4wb::runtime::detail
