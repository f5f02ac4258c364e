// Network namespaces by name (/run/netns, as `ip netns` keeps them). Work inside another
// namespace runs on a dedicated short-lived thread that calls setns(CLONE_NEWNET); the
// calling thread's namespace never changes, so this is safe from any thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {

inline constexpr const char* kNetnsDir = "/run/netns";

// Names of the named namespaces, sorted. An absent /run/netns yields an empty list.
Result<std::vector<std::string>> listNetns();

// Name of the named namespace the calling thread is in (same inode as
// /proc/thread-self/ns/net), or "" when it is in an unnamed one (usually the initial
// namespace).
Result<std::string> currentNetns();

// Runs fn in namespace `netns` on a fresh thread and waits for it; netns == "" runs fn
// directly on the calling thread. ENOENT when the namespace does not exist, EPERM
// without CAP_SYS_ADMIN.
Status runInNetns(const std::string& netns, const std::function<Status()>& fn);

// Same, for any fn returning Result<T> or Status: inNetns(ns, [&] { return ...; }).
template <typename Fn>
auto inNetns(const std::string& netns, Fn&& fn) -> decltype(fn()) {
  using R = decltype(fn());
  std::optional<R> out;
  Status status = runInNetns(netns, [&]() -> Status {
    out.emplace(fn());
    return Status{};
  });
  if (!status.ok()) return R(status.error());
  return std::move(*out);
}

struct Interface {
  unsigned index = 0;
  std::string name;
};

// Interfaces of a namespace ("" = current), sorted by index.
Result<std::vector<Interface>> listInterfaces(const std::string& netns);

// ENODEV with "no interface veth9 in netns lab1" when absent.
Result<unsigned> interfaceIndex(const std::string& netns, const std::string& ifname);

}  // namespace p4wb::runtime
