// Process-owned attachments through BPF links (see attach_link.h).
#include "runtime/attach_link.h"

#include <bpf/bpf.h>
#include <linux/if_link.h>
#include <net/if.h>

#include "runtime/netns.h"

namespace p4wb::runtime {

namespace {

// tcx attach types (Linux 6.6); not in the uapi headers libbpf 1.1 builds against.
constexpr int kTcxIngress = 46;
constexpr int kTcxEgress = 47;

int tcxType(Hook hook) { return hook == Hook::TcIngress ? kTcxIngress : kTcxEgress; }

std::string where(const Target& t) { return t.ifname + (t.netns.empty() ? "" : " (netns " + t.netns + ")"); }

std::uint32_t xdpFlags(XdpMode mode) {
  switch (mode) {
    case XdpMode::Native: return XDP_FLAGS_DRV_MODE;
    case XdpMode::Generic: return XDP_FLAGS_SKB_MODE;
    case XdpMode::Auto: return 0;
  }
  return 0;
}

// Runs in the target namespace: BPF_LINK_CREATE resolves the ifindex in the caller's.
Result<UniqueFd> createHere(int progFd, const Target& target, unsigned ifindex) {
  int fd = -1;
  if (target.hook == Hook::Xdp) {
    LIBBPF_OPTS(bpf_link_create_opts, opts, .flags = xdpFlags(target.mode));
    fd = bpf_link_create(progFd, static_cast<int>(ifindex), BPF_XDP, &opts);
  } else {
    fd = bpf_link_create(progFd, static_cast<int>(ifindex), static_cast<bpf_attach_type>(tcxType(target.hook)),
                         nullptr);
  }
  if (fd >= 0) return UniqueFd(fd);
  int err = -fd;
  if (target.hook != Hook::Xdp && err == EINVAL)
    return makeError(EOPNOTSUPP, "cannot attach to " + std::string(hookName(target.hook)) + " on " + where(target) +
                                     " with a tcx link (needs Linux 6.6+ and a tc program); load with a pin instead");
  if (err == EBUSY || err == EEXIST)
    return makeError(EEXIST, where(target) + " already has an XDP program attached; detach it first");
  return makeError(err, "cannot attach " + std::string(hookName(target.hook)) + " (" +
                            std::string(xdpModeName(target.mode)) + ") to " + where(target));
}

}  // namespace

Result<AttachLink> AttachLink::create(int progFd, const Target& target) {
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given to attach to");
  // Refuse up front with the id of what is there, like attach() does.
  if (target.hook == Hook::Xdp) {
    Result<Attachment> before = queryAttached(target);
    if (!before) return before.error();
    if (before->progId != 0)
      return makeError(EEXIST, where(target) + " already has XDP program id " + std::to_string(before->progId) +
                                   " attached; detach it first");
  }
  Result<UniqueFd> link = inNetns(target.netns, [&]() -> Result<UniqueFd> {
    unsigned ifindex = if_nametoindex(target.ifname.c_str());
    if (ifindex == 0) return makeError(ENODEV, "no interface " + where(target));
    return createHere(progFd, target, ifindex);
  });
  if (!link) return link.error();
  AttachLink out;
  out.m_link = std::move(*link);
  out.m_target = target;
  bpf_prog_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(progFd, &info, &len) == 0) out.m_attachment.progId = info.id;
  if (target.hook == Hook::Xdp)
    if (Result<Attachment> now = queryAttached(target)) out.m_attachment = *now;
  return out;
}

bool AttachLink::live() const {
  if (!m_link.valid()) return false;
  bpf_link_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(m_link.get(), &info, &len) != 0) return false;
  // XDP and tcx link info both start with the interface index (0 once it is gone).
  return info.xdp.ifindex != 0;
}

Result<std::vector<std::uint32_t>> queryTcxProgIds(unsigned ifindex, bool ingress) {
  std::uint32_t ids[64];
  std::uint32_t count = 64;
  std::uint32_t flags = 0;
  int err = bpf_prog_query(static_cast<int>(ifindex), static_cast<bpf_attach_type>(ingress ? kTcxIngress : kTcxEgress),
                           0, &flags, ids, &count);
  if (err == -EINVAL || err == -EOPNOTSUPP) return std::vector<std::uint32_t>{};  // no tcx here
  if (err) return makeError(err, "cannot query tcx programs on interface " + std::to_string(ifindex));
  return std::vector<std::uint32_t>(ids, ids + count);
}

}  // namespace p4wb::runtime
