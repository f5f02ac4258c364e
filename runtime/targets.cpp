// Namespace and interface listing (see targets.h).
#include "runtime/targets.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>

#include <algorithm>
#include <map>

#include <bpf/bpf.h>

#include "runtime/attach_link.h"
#include "runtime/netns.h"
#include "runtime/tc_query.h"
#include "runtime/unique_fd.h"

namespace p4wb::runtime {

namespace {

int prefixLength(const sockaddr* mask) {
  if (!mask) return 0;
  const unsigned char* b = nullptr;
  std::size_t n = 0;
  if (mask->sa_family == AF_INET) {
    b = reinterpret_cast<const unsigned char*>(&reinterpret_cast<const sockaddr_in*>(mask)->sin_addr);
    n = 4;
  } else if (mask->sa_family == AF_INET6) {
    b = reinterpret_cast<const unsigned char*>(&reinterpret_cast<const sockaddr_in6*>(mask)->sin6_addr);
    n = 16;
  }
  int bits = 0;
  for (std::size_t i = 0; i < n; ++i) bits += __builtin_popcount(b[i]);
  return bits;
}

// Interfaces with flags and addresses, read with getifaddrs in the calling namespace.
Result<std::vector<InterfaceInfo>> readInterfaces() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return makeError(errno, "cannot list interfaces");
  std::map<std::string, InterfaceInfo> byName;
  for (ifaddrs* a = list; a; a = a->ifa_next) {
    InterfaceInfo& info = byName[a->ifa_name];
    info.name = a->ifa_name;
    info.index = if_nametoindex(a->ifa_name);
    info.up = a->ifa_flags & IFF_UP;
    info.running = a->ifa_flags & IFF_RUNNING;
    if (!a->ifa_addr) continue;
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw = nullptr;
    if (a->ifa_addr->sa_family == AF_INET) raw = &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr;
    else if (a->ifa_addr->sa_family == AF_INET6) raw = &reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr;
    if (raw && inet_ntop(a->ifa_addr->sa_family, raw, text, sizeof text))
      info.addresses.push_back(std::string(text) + "/" + std::to_string(prefixLength(a->ifa_netmask)));
  }
  freeifaddrs(list);
  std::vector<InterfaceInfo> out;
  for (auto& [name, info] : byName) out.push_back(std::move(info));
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.index < y.index; });
  return out;
}

// The kernel's name of a program ("" when it cannot be read).
std::string progNameById(std::uint32_t id) {
  if (id == 0) return {};
  UniqueFd fd(bpf_prog_get_fd_by_id(id));
  if (!fd.valid()) return {};
  bpf_prog_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(fd.get(), &info, &len) != 0) return {};
  return info.name;
}

// Every tc program of one interface, run in its namespace: cls_bpf filters, then tcx.
std::vector<TcProgram> tcProgramsHere(unsigned ifindex) {
  std::vector<TcProgram> out;
  for (Hook hook : {Hook::TcIngress, Hook::TcEgress}) {
    const bool ingress = hook == Hook::TcIngress;
    if (auto filters = detail::listTcFilters(static_cast<int>(ifindex), ingress))
      for (const detail::TcFilter& f : *filters)
        out.push_back({hook, f.progId, progNameById(f.progId), false, f.handle, f.priority, f.name});
    if (auto ids = queryTcxProgIds(ifindex, ingress))
      for (std::uint32_t id : *ids) out.push_back({hook, id, progNameById(id), true, 0, 0, {}});
  }
  return out;
}

}  // namespace

Result<NetnsInfo> describeNetns(const std::string& netns) {
  NetnsInfo ns;
  ns.name = netns;
  Result<std::vector<InterfaceInfo>> ifs = inNetns(netns, []() -> Result<std::vector<InterfaceInfo>> {
    Result<std::vector<InterfaceInfo>> list = readInterfaces();
    if (list)
      for (InterfaceInfo& i : *list) i.tc = tcProgramsHere(i.index);
    return list;
  });
  if (!ifs) return ifs.error();
  ns.interfaces = std::move(*ifs);
  Result<std::vector<InterfaceXdp>> xdp = listXdpAttachments(netns);
  for (InterfaceInfo& i : ns.interfaces) {
    if (xdp)
      for (const InterfaceXdp& x : *xdp)
        if (x.ifname == i.name) i.xdp = x.xdp;
    i.xdpProgName = progNameById(i.xdp.progId);
    Target t{netns, i.name, Hook::TcIngress, XdpMode::Auto};
    if (Result<Attachment> a = queryAttached(t)) i.tcIngressProgId = a->progId;
    t.hook = Hook::TcEgress;
    if (Result<Attachment> a = queryAttached(t)) i.tcEgressProgId = a->progId;
  }
  return ns;
}

Result<std::vector<NetnsInfo>> listTargets() {
  std::vector<NetnsInfo> out;
  Result<std::string> current = currentNetns();
  Result<NetnsInfo> here = describeNetns("");
  if (!here) return here.error();
  here->current = true;
  if (current) here->name = *current;
  out.push_back(std::move(*here));
  Result<std::vector<std::string>> names = listNetns();
  if (!names) return names.error();
  for (const std::string& n : *names) {
    if (current && n == *current) continue;
    Result<NetnsInfo> ns = describeNetns(n);
    if (ns) out.push_back(std::move(*ns));
    else out.push_back(NetnsInfo{n, false, {}, ns.error().render()});
  }
  return out;
}

}  // namespace p4wb::runtime
