#include "runtime/attach.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/if_link.h>
#include <net/if.h>

#include "runtime/netns.h"
#include "runtime/tc_query.h"

namespace p4wb::runtime {

namespace {

// Our tc filter's identity on the clsact hook: one p4wb program per direction and
// interface. Other filters (other handle/priority) are left alone.
constexpr std::uint32_t kTcHandle = 1;
constexpr std::uint32_t kTcPriority = 0x4b0;

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

// --- tc (clsact, direct-action BPF filter), run inside the target namespace. ---

Result<bpf_tc_hook> tcHook(const Target& target) {
  unsigned ifindex = if_nametoindex(target.ifname.c_str());
  if (ifindex == 0) return makeError(ENODEV, "no interface " + where(target));
  LIBBPF_OPTS(bpf_tc_hook, hook, .ifindex = static_cast<int>(ifindex),
              .attach_point = target.hook == Hook::TcIngress ? BPF_TC_INGRESS : BPF_TC_EGRESS);
  return hook;
}

// libbpf rejects opts structs whose padding is not zero ("non-zero extra bytes"); a copy
// (e.g. through Result) does not keep padding zeroed, so build a fresh one for each call.
#define P4WB_FRESH_TC_HOOK(var, from) \
  LIBBPF_OPTS(bpf_tc_hook, var, .ifindex = (from).ifindex, .attach_point = (from).attach_point)

Result<Attachment> queryTcHere(const Target& target) {
  Result<bpf_tc_hook> hook = tcHook(target);
  if (!hook) return hook.error();
  Result<std::uint32_t> id =
      detail::queryTcFilterProgId(hook->ifindex, target.hook == Hook::TcIngress, kTcHandle, kTcPriority);
  if (!id) return makeError(id.error().errnum, "cannot query tc on " + where(target) + ": " + id.error().message);
  Attachment a;
  a.ifindex = static_cast<unsigned>(hook->ifindex);
  a.progId = *id;
  return a;
}

Result<Attachment> attachTcHere(int progFd, const Target& target, bool replace) {
  Result<Attachment> before = queryTcHere(target);
  if (!before) return before;
  if (before->progId != 0 && !replace)
    return makeError(EEXIST, where(target) + " already has program id " + std::to_string(before->progId) +
                                 " at " + std::string(hookName(target.hook)) + "; detach it or ask to replace it");
  Result<bpf_tc_hook> hook = tcHook(target);
  if (!hook) return hook.error();
  // An existing clsact qdisc is reported as EEXIST, or EINVAL by recent kernels
  // ("exclusivity flag on"); either way the attach below tells whether it is usable.
  P4WB_FRESH_TC_HOOK(fresh, *hook);
  int err = bpf_tc_hook_create(&fresh);
  if (err && err != -EEXIST && err != -EINVAL)
    return makeError(err, "cannot create the clsact qdisc on " + where(target));
  LIBBPF_OPTS(bpf_tc_opts, opts, .prog_fd = progFd, .flags = replace ? static_cast<std::uint32_t>(BPF_TC_F_REPLACE) : 0u,
              .handle = kTcHandle, .priority = kTcPriority);
  P4WB_FRESH_TC_HOOK(fresh2, *hook);
  err = bpf_tc_attach(&fresh2, &opts);
  // libbpf 1.1 can misread the kernel's echo of a replaced filter on recent kernels and
  // report EINVAL although the filter is in place: trust the kernel's own listing.
  // Seen for first attaches too (kernel 6.x echo), so check whenever EINVAL comes back.
  if (err == -EINVAL) {
    bpf_prog_info info{};
    std::uint32_t len = sizeof info;
    Result<Attachment> now = queryTcHere(target);
    if (now && bpf_obj_get_info_by_fd(progFd, &info, &len) == 0 && now->progId == info.id) return now;
  }
  if (err)
    return makeError(err, "cannot attach to " + std::string(hookName(target.hook)) + " on " + where(target) +
                              (err == -EINVAL ? " (is it a tc/SCHED_CLS program?)" : ""));
  return queryTcHere(target);
}

Status detachTcHere(const Target& target, std::uint32_t expectedProgId) {
  Result<Attachment> now = queryTcHere(target);
  if (!now) return now.error();
  if (now->progId == 0) return {};
  if (expectedProgId != 0 && now->progId != expectedProgId)
    return makeError(EBUSY, where(target) + " now runs program id " + std::to_string(now->progId) +
                                " at " + std::string(hookName(target.hook)) + ", not ours (id " +
                                std::to_string(expectedProgId) + "); left attached");
  Result<bpf_tc_hook> hook = tcHook(target);
  if (!hook) return hook.error();
  LIBBPF_OPTS(bpf_tc_opts, opts, .handle = kTcHandle, .priority = kTcPriority);
  P4WB_FRESH_TC_HOOK(fresh, *hook);
  int err = bpf_tc_detach(&fresh, &opts);
  if (err) return makeError(err, "cannot detach from " + std::string(hookName(target.hook)) + " on " + where(target));
  return {};
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
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given to attach to");
  return inNetns(target.netns, [&] {
    return target.hook == Hook::Xdp ? attachHere(progFd, target, replace) : attachTcHere(progFd, target, replace);
  });
}

Result<Attachment> replaceAttached(int newProgFd, int oldProgFd, const Target& target) {
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given");
  if (target.hook != Hook::Xdp) {
    // tc has no compare-and-swap; check the old program is still ours, then replace.
    bpf_prog_info info{};
    std::uint32_t len = sizeof info;
    if (bpf_obj_get_info_by_fd(oldProgFd, &info, &len) != 0) return makeError(errno, "cannot query the old program");
    return inNetns(target.netns, [&]() -> Result<Attachment> {
      Result<Attachment> now = queryTcHere(target);
      if (!now) return now;
      if (now->progId != info.id)
        return makeError(EBUSY, where(target) + " no longer runs the program being replaced");
      return attachTcHere(newProgFd, target, true);
    });
  }
  return inNetns(target.netns, [&] { return replaceHere(newProgFd, oldProgFd, target); });
}

Status detach(const Target& target, std::uint32_t expectedProgId) {
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given to detach from");
  return inNetns(target.netns, [&] {
    return target.hook == Hook::Xdp ? detachHere(target, expectedProgId) : detachTcHere(target, expectedProgId);
  });
}

Result<Attachment> queryAttached(const Target& target) {
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given");
  return inNetns(target.netns, [&] { return target.hook == Hook::Xdp ? queryHere(target) : queryTcHere(target); });
}

Result<std::vector<InterfaceXdp>> listXdpAttachments(const std::string& netns) {
  return inNetns(netns, [&]() -> Result<std::vector<InterfaceXdp>> {
    struct if_nameindex* list = if_nameindex();
    if (!list) return makeError(errno, "cannot list network interfaces");
    std::vector<InterfaceXdp> out;
    Status failed;
    for (struct if_nameindex* it = list; it->if_index != 0 && failed.ok(); ++it) {
      Target t{netns, it->if_name, Hook::Xdp, XdpMode::Auto};
      Result<Attachment> a = queryHere(t);
      if (a) out.push_back({it->if_name, *a});
      else if (a.error().errnum != ENODEV) failed = a.error();  // ENODEV: vanished meanwhile
    }
    if_freenameindex(list);
    if (!failed) return failed.error();
    return out;
  });
}

}  // namespace p4wb::runtime
