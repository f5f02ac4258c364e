#include "runtime/netns.h"

#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <thread>

#include "runtime/unique_fd.h"

namespace p4wb::runtime {

Result<std::vector<std::string>> listNetns() {
  std::vector<std::string> names;
  std::error_code ec;
  if (!std::filesystem::exists(kNetnsDir, ec)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(kNetnsDir, ec))
    names.push_back(entry.path().filename().string());
  if (ec) return makeError(ec.value(), std::string("cannot list ") + kNetnsDir);
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> currentNetns() {
  struct stat self {};
  if (stat("/proc/thread-self/ns/net", &self) != 0) return makeError(errno, "cannot stat /proc/thread-self/ns/net");
  Result<std::vector<std::string>> names = listNetns();
  if (!names) return names.error();
  for (const std::string& name : *names) {
    struct stat st {};
    std::string path = std::string(kNetnsDir) + "/" + name;
    if (stat(path.c_str(), &st) == 0 && st.st_dev == self.st_dev && st.st_ino == self.st_ino) return name;
  }
  return std::string();
}

Status runInNetns(const std::string& netns, const std::function<Status()>& fn) {
  if (netns.empty()) return fn();
  if (netns.find('/') != std::string::npos || netns == "." || netns == "..")
    return makeError(EINVAL, "invalid namespace name '" + netns + "'");
  std::string path = std::string(kNetnsDir) + "/" + netns;
  UniqueFd nsFd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!nsFd.valid()) {
    int err = errno;
    return makeError(err, err == ENOENT ? "no network namespace named " + netns
                                        : "cannot open network namespace " + netns);
  }
  Status result;
  // setns() changes only the calling thread's namespace; a throwaway thread keeps the
  // caller's thread (and any other thread) where it was.
  try {
    std::thread worker([&] {
      if (setns(nsFd.get(), CLONE_NEWNET) != 0) {
        result = makeError(errno, "cannot enter network namespace " + netns);
        return;
      }
      result = fn();
    });
    worker.join();
  } catch (const std::system_error& e) {  // thread creation failed (resource limits)
    return makeError(e.code().value(), std::string("cannot start a thread for netns ") + netns);
  }
  return result;
}

Result<std::vector<Interface>> listInterfaces(const std::string& netns) {
  return inNetns(netns, []() -> Result<std::vector<Interface>> {
    struct if_nameindex* list = if_nameindex();
    if (!list) return makeError(errno, "cannot list network interfaces");
    std::vector<Interface> out;
    for (struct if_nameindex* it = list; it->if_index != 0; ++it) out.push_back({it->if_index, it->if_name});
    if_freenameindex(list);
    std::sort(out.begin(), out.end(), [](const Interface& a, const Interface& b) { return a.index < b.index; });
    return out;
  });
}

Result<unsigned> interfaceIndex(const std::string& netns, const std::string& ifname) {
  return inNetns(netns, [&]() -> Result<unsigned> {
    unsigned index = if_nametoindex(ifname.c_str());
    if (index == 0)
      return makeError(ENODEV, "no interface " + ifname +
                                   (netns.empty() ? " in the current netns" : " in netns " + netns));
    return index;
  });
}

}  // namespace p4wb::runtime
