#include "runtime/privileges.h"

#include <charconv>
#include <cstdint>
#include <fstream>

namespace p4wb::runtime {

namespace {
constexpr int kCapNetAdmin = 12;
constexpr int kCapSysAdmin = 21;
constexpr int kCapBpf = 39;
}  // namespace

std::string Privileges::missingSummary() const {
  std::string missing;
  auto add = [&](bool have, const char* what) {
    if (!have) missing += (missing.empty() ? "" : ", ") + std::string(what);
  };
  add(bpf, "CAP_BPF (load programs)");
  add(netAdmin, "CAP_NET_ADMIN (attach to interfaces)");
  add(sysAdmin, "CAP_SYS_ADMIN (network namespaces)");
  if (missing.empty()) return {};
  return "missing " + missing + "; run as root or grant these capabilities";
}

Result<Privileges> currentPrivileges() {
  std::ifstream status("/proc/self/status");
  if (!status) return makeError(ENOENT, "cannot read /proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("CapEff:", 0) != 0) continue;
    std::string hex = line.substr(line.find_first_not_of(" \t", 7));
    std::uint64_t caps = 0;
    auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), caps, 16);
    if (ec != std::errc()) return makeError(EINVAL, "cannot parse CapEff in /proc/self/status");
    auto has = [&](int cap) { return (caps >> cap) & 1; };
    Privileges p;
    p.sysAdmin = has(kCapSysAdmin);
    p.netAdmin = has(kCapNetAdmin);
    p.bpf = has(kCapBpf) || p.sysAdmin;
    return p;
  }
  return makeError(ENOENT, "no CapEff line in /proc/self/status");
}

}  // namespace p4wb::runtime
