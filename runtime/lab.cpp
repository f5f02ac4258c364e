#include "runtime/lab.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>
#include <thread>
#include <vector>

#include "runtime/netlink_link.h"
#include "runtime/netns.h"
#include "runtime/unique_fd.h"

namespace p4wb::runtime {

namespace {

// IPv6 off in the calling thread's namespace (its /proc/sys/net is the namespace's):
// "default" before the veths exist so they never get a link-local address, "all" for lo.
// Without it every new veth sends router and neighbour solicitations for seconds, which
// pollute captures and stage counters. No IPv6 in the kernel (ENOENT) is fine.
Status disableIpv6Here() {
  for (const char* conf : {"default", "all"}) {
    std::string path = std::string("/proc/sys/net/ipv6/conf/") + conf + "/disable_ipv6";
    UniqueFd fd(open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd.valid()) {
      if (errno == ENOENT) return {};
      return makeError(errno, "cannot open " + path);
    }
    if (write(fd.get(), "1", 1) != 1) return makeError(errno, "cannot write " + path);
  }
  return {};
}

Status setUpLab(const LabOptions& o) {
  const std::string& peer = o.peerNetns.empty() ? o.netns : o.peerNetns;
  UniqueFd peerFd;
  if (!o.peerNetns.empty()) {
    std::string path = std::string(kNetnsDir) + "/" + o.peerNetns;
    peerFd.reset(open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!peerFd.valid()) return makeError(errno, "cannot open network namespace " + o.peerNetns);
  }
  if (!o.peerNetns.empty())
    if (Status s = runInNetns(o.peerNetns, disableIpv6Here); !s) return s;
  Status here = runInNetns(o.netns, [&]() -> Status {
    if (Status s = disableIpv6Here(); !s) return s;
    if (Status s = detail::createVethPair(o.vethA, o.vethB, peerFd.get()); !s) return s;
    if (Status s = detail::setLinkUp("lo"); !s) return s;
    // GRO before up: veth enables its NAPI context when it opens with GRO requested.
    if (Status s = detail::setGro(o.vethA, true); !s) return s;
    if (Status s = detail::setLinkUp(o.vethA); !s) return s;
    if (!o.addrA.empty()) return detail::addAddress(o.vethA, o.addrA);
    return {};
  });
  if (!here) return here;
  return runInNetns(peer, [&]() -> Status {
    if (Status s = detail::setLinkUp("lo"); !s) return s;
    if (Status s = detail::setGro(o.vethB, true); !s) return s;
    if (Status s = detail::setLinkUp(o.vethB); !s) return s;
    if (!o.addrB.empty()) return detail::addAddress(o.vethB, o.addrB);
    return {};
  });
}

}  // namespace

Status addVethPair(const LabOptions& options) { return setUpLab(options); }

Status createNetns(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.')
    return makeError(EINVAL, "invalid namespace name '" + name + "'");
  if (mkdir(kNetnsDir, 0755) != 0 && errno != EEXIST) return makeError(errno, std::string("cannot create ") + kNetnsDir);
  std::string path = std::string(kNetnsDir) + "/" + name;
  int fd = open(path.c_str(), O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
  if (fd < 0) return makeError(errno, errno == EEXIST ? "network namespace " + name + " already exists"
                                                       : "cannot create " + path);
  close(fd);
  // A fresh namespace is made by a throwaway thread and kept alive by a bind mount,
  // exactly as `ip netns add` does; the calling thread stays where it is.
  Status result;
  try {
    std::thread worker([&] {
      if (unshare(CLONE_NEWNET) != 0) {
        result = makeError(errno, "cannot create a network namespace");
        return;
      }
      if (mount("/proc/thread-self/ns/net", path.c_str(), "none", MS_BIND, nullptr) != 0)
        result = makeError(errno, "cannot bind-mount the new namespace at " + path);
    });
    worker.join();
  } catch (const std::system_error& e) {
    result = makeError(e.code().value(), "cannot start a thread to create namespace " + name);
  }
  if (!result.ok()) unlink(path.c_str());
  return result;
}

Status deleteNetns(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.')
    return makeError(EINVAL, "invalid namespace name '" + name + "'");
  std::string path = std::string(kNetnsDir) + "/" + name;
  if (umount2(path.c_str(), MNT_DETACH) != 0 && errno != EINVAL && errno != ENOENT)
    return makeError(errno, "cannot unmount " + path);
  if (unlink(path.c_str()) != 0 && errno != ENOENT) return makeError(errno, "cannot remove " + path);
  return {};
}

Result<Lab> Lab::create(const LabOptions& options) {
  if (Status s = createNetns(options.netns); !s) return s.error();
  if (!options.peerNetns.empty()) {
    if (Status s = createNetns(options.peerNetns); !s) {
      (void)deleteNetns(options.netns);
      return s.error();
    }
  }
  Lab lab(options);
  if (Status s = setUpLab(options); !s) return s.error();  // lab's destructor cleans up
  return lab;
}

Lab::Lab(Lab&& other) noexcept : m_options(std::move(other.m_options)), m_alive(std::exchange(other.m_alive, false)) {}

Lab& Lab::operator=(Lab&& other) noexcept {
  if (this != &other) {
    (void)destroy();
    m_options = std::move(other.m_options);
    m_alive = std::exchange(other.m_alive, false);
  }
  return *this;
}

Lab::~Lab() { (void)destroy(); }

Status Lab::destroy() {
  if (!m_alive) return {};
  m_alive = false;
  // Deleting the namespaces destroys both veth ends with them.
  Status first = deleteNetns(m_options.netns);
  if (!m_options.peerNetns.empty()) {
    Status second = deleteNetns(m_options.peerNetns);
    if (first.ok()) first = second;
  }
  return first;
}

}  // namespace p4wb::runtime
