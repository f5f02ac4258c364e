#include "runtime/attach.h"

#include <bpf/libbpf.h>
#include <linux/if_link.h>
#include <net/if.h>

#include "runtime/netns.h"

namespace p4wb::runtime {

namespace {

Status tcNotSupported() { return makeError(ENOTSUP, "tc hooks: not yet supported"); }

std::uint32_t modeFlag(XdpMode mode) {
  switch (mode) {
    case XdpMode::Native: return XDP_FLAGS_DRV_MODE;
    case XdpMode::Generic: return XDP_FLAGS_SKB_MODE;
    case XdpMode::Auto: return 0;
  }
  return 0;
}

std::string where(const Target& target) {
  return target.ifname + (target.netns.empty() ? "" : " (netns " + target.netns + ")");
}

// Runs inside the target's namespace: resolves the interface and queries XDP there.
Result<Attachment> queryHere(const Target& target) {
  unsigned ifindex = if_nametoindex(target.ifname.c_str());
  if (ifindex == 0) return makeError(ENODEV, "no interface " + where(target));
  LIBBPF_OPTS(bpf_xdp_query_opts, opts);
  int err = bpf_xdp_query(static_cast<int>(ifindex), 0, &opts);
  if (err) return makeError(err, "cannot query XDP on " + where(target));
  Attachment a;
  a.ifindex = ifindex;
  if (opts.drv_prog_id) {
    a.progId = opts.drv_prog_id;
    a.mode = XdpMode::Native;
  } else if (opts.skb_prog_id) {
    a.progId = opts.skb_prog_id;
    a.mode = XdpMode::Generic;
  } else {
    a.progId = opts.prog_id;  // hardware offload, which we never request
  }
  return a;
}

Result<Attachment> attachHere(int progFd, const Target& target, bool replace) {
  Result<Attachment> before = queryHere(target);
  if (!before) return before;
  if (before->progId != 0 && !replace)
    return makeError(EEXIST, where(target) + " already has XDP program id " + std::to_string(before->progId) +
                                 " attached (" + std::string(xdpModeName(before->mode)) +
                                 "); detach it or ask to replace it");
  std::uint32_t flags = modeFlag(target.mode);
  if (!replace) flags |= XDP_FLAGS_UPDATE_IF_NOEXIST;
  // Replacing across modes (generic <-> native) is refused by the kernel; detach first.
  if (replace && before->progId != 0 && target.mode != XdpMode::Auto && before->mode != target.mode) {
    int err = bpf_xdp_detach(static_cast<int>(before->ifindex), modeFlag(before->mode), nullptr);
    if (err) return makeError(err, "cannot detach the previous XDP program from " + where(target));
  }
  int err = bpf_xdp_attach(static_cast<int>(before->ifindex), progFd, flags, nullptr);
  if (err) {
    std::string hint = err == -EOPNOTSUPP && target.mode == XdpMode::Native
                           ? "; the driver has no native XDP support, try generic mode"
                           : "";
    return makeError(err, "cannot attach XDP (" + std::string(xdpModeName(target.mode)) + ") to " +
                              where(target) + hint);
  }
  return queryHere(target);
}

Result<Attachment> replaceHere(int newProgFd, int oldProgFd, const Target& target) {
  unsigned ifindex = if_nametoindex(target.ifname.c_str());
  if (ifindex == 0) return makeError(ENODEV, "no interface " + where(target));
  LIBBPF_OPTS(bpf_xdp_attach_opts, opts, .old_prog_fd = oldProgFd);
  int err = bpf_xdp_attach(static_cast<int>(ifindex), newProgFd, modeFlag(target.mode) | XDP_FLAGS_REPLACE, &opts);
  if (err)
    return makeError(err, "cannot replace the XDP program on " + where(target) +
                              " (was it detached or replaced meanwhile?)");
  return queryHere(target);
}

Status detachHere(const Target& target, std::uint32_t expectedProgId) {
  Result<Attachment> now = queryHere(target);
  if (!now) return now.error();
  if (now->progId == 0) return {};
  if (expectedProgId != 0 && now->progId != expectedProgId)
    return makeError(EBUSY, where(target) + " now runs XDP program id " + std::to_string(now->progId) +
                                ", not ours (id " + std::to_string(expectedProgId) + "); left attached");
  int err = bpf_xdp_detach(static_cast<int>(now->ifindex), modeFlag(now->mode), nullptr);
  if (err) return makeError(err, "cannot detach XDP from " + where(target));
  return {};
}

}  // namespace

Result<Attachment> attach(int progFd, const Target& target, bool replace) {
  if (target.hook != Hook::Xdp) return tcNotSupported().error();
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given to attach to");
  return inNetns(target.netns, [&] { return attachHere(progFd, target, replace); });
}

Result<Attachment> replaceAttached(int newProgFd, int oldProgFd, const Target& target) {
  if (target.hook != Hook::Xdp) return tcNotSupported().error();
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given");
  return inNetns(target.netns, [&] { return replaceHere(newProgFd, oldProgFd, target); });
}

Status detach(const Target& target, std::uint32_t expectedProgId) {
  if (target.hook != Hook::Xdp) return tcNotSupported();
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given to detach from");
  return inNetns(target.netns, [&] { return detachHere(target, expectedProgId); });
}

Result<Attachment> queryAttached(const Target& target) {
  if (target.hook != Hook::Xdp) return tcNotSupported().error();
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given");
  return inNetns(target.netns, [&] { return queryHere(target); });
}

}  // namespace p4wb::runtime
