// Namespace and interface listing (see targets.h).
#include "runtime/targets.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>

#include <algorithm>
#include <map>

#include "runtime/netns.h"

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

}  // namespace

Result<NetnsInfo> describeNetns(const std::string& netns) {
  NetnsInfo ns;
  ns.name = netns;
  Result<std::vector<InterfaceInfo>> ifs = inNetns(netns, [] { return readInterfaces(); });
  if (!ifs) return ifs.error();
  ns.interfaces = std::move(*ifs);
  Result<std::vector<InterfaceXdp>> xdp = listXdpAttachments(netns);
  for (InterfaceInfo& i : ns.interfaces) {
    if (xdp)
      for (const InterfaceXdp& x : *xdp)
        if (x.ifname == i.name) i.xdp = x.xdp;
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
