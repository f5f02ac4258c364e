// Attaching a loaded program to a Target (XDP via bpf_xdp_attach, netlink based, so the
// attachment outlives our process) and asking the kernel what is attached. TC hooks are
// not implemented yet and fail with ENOTSUP "tc hooks: not yet supported".
#pragma once

#include <cstdint>

#include "runtime/result.h"
#include "runtime/target.h"

namespace p4wb::runtime {

struct Attachment {
  unsigned ifindex = 0;
  std::uint32_t progId = 0;  // 0: nothing attached at this hook
  XdpMode mode = XdpMode::Auto;  // Native or Generic when progId != 0
};

// Attaches progFd at target. Without `replace` it refuses (EEXIST, naming the program
// id already there) when the interface already has an XDP program. Returns what is
// attached afterwards (the mode the kernel actually chose for XdpMode::Auto).
Result<Attachment> attach(int progFd, const Target& target, bool replace = false);

// Atomically swaps the program at target from oldProgFd to newProgFd (XDP_FLAGS_REPLACE):
// fails with EEXIST/EBUSY, leaving things as they were, when oldProgFd is no longer the
// attached program. target.mode must be the mode actually in use (not Auto).
Result<Attachment> replaceAttached(int newProgFd, int oldProgFd, const Target& target);

// Detaches whatever is attached at target's hook; when expectedProgId != 0 only if that
// program is still the attached one (EBUSY otherwise). Target::mode Auto detaches in
// the mode the program is actually attached in. Nothing attached is not an error.
Status detach(const Target& target, std::uint32_t expectedProgId = 0);

// What is attached at target's hook (progId 0 when nothing).
Result<Attachment> queryAttached(const Target& target);

}  // namespace p4wb::runtime
