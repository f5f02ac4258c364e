// Attaching a loaded program to a Target and asking the kernel what is attached. XDP uses
// bpf_xdp_attach; tc-ingress/tc-egress add a direct-action BPF filter (handle 1,
// priority 0x4b0) on the clsact qdisc, created when missing. Both are netlink based, so
// attachments outlive our process and survive without pins.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/result.h"
#include "runtime/target.h"

namespace p4wb::runtime {

struct Attachment {
  unsigned ifindex = 0;
  std::uint32_t progId = 0;  // 0: nothing attached at this hook
  XdpMode mode = XdpMode::Auto;  // XDP: Native or Generic when progId != 0; tc: Auto
};

// Attaches progFd at target. Without `replace` it refuses (EEXIST, naming the program
// id already there) when the hook is taken (XDP: any program; tc: our filter slot).
// Returns what is attached afterwards (for XdpMode::Auto, the mode the kernel chose).
Result<Attachment> attach(int progFd, const Target& target, bool replace = false);

// Swaps the program at target from oldProgFd to newProgFd (XDP: atomically with
// XDP_FLAGS_REPLACE; tc: after checking oldProgFd is still ours). Fails with
// EEXIST/EBUSY, leaving things as they were, when oldProgFd is no longer attached.
// For XDP target.mode must be the mode actually in use (not Auto).
Result<Attachment> replaceAttached(int newProgFd, int oldProgFd, const Target& target);

// Detaches whatever is attached at target's hook; when expectedProgId != 0 only if that
// program is still the attached one (EBUSY otherwise). Target::mode Auto detaches in
// the mode the program is actually attached in. Nothing attached is not an error.
Status detach(const Target& target, std::uint32_t expectedProgId = 0);

// What is attached at target's hook (progId 0 when nothing).
Result<Attachment> queryAttached(const Target& target);

struct InterfaceXdp {
  std::string ifname;
  Attachment xdp;  // xdp.ifindex is the interface index; progId 0 when none
};

// Every interface of a namespace ("" = current) with its XDP program, for target lists.
Result<std::vector<InterfaceXdp>> listXdpAttachments(const std::string& netns);

}  // namespace p4wb::runtime
