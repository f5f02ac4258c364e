#include "runtime/lab.h"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "runtime/netns.h"

extern char** environ;

namespace p4wb::runtime {

namespace {

// Runs argv (no shell) and returns its stderr in the error when it fails.
Status runCommand(const std::vector<std::string>& argv) {
  int pipeFds[2];
  if (pipe2(pipeFds, O_CLOEXEC) != 0) return makeError(errno, "cannot create a pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeFds[1]);
  std::string command;
  for (const std::string& a : argv) command += (command.empty() ? "" : " ") + a;
  if (rc != 0) {
    close(pipeFds[0]);
    return makeError(rc, "cannot run " + command);
  }
  std::string errText;
  char buf[512];
  for (ssize_t n; (n = read(pipeFds[0], buf, sizeof buf)) > 0;) errText.append(buf, static_cast<std::size_t>(n));
  close(pipeFds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!errText.empty() && errText.back() == '\n') errText.pop_back();
    return makeError(EIO, "'" + command + "' failed" + (errText.empty() ? "" : ": " + errText));
  }
  return {};
}

Status setUpLab(const LabOptions& o) {
  const std::string& peer = o.peerNetns.empty() ? o.netns : o.peerNetns;
  std::vector<std::vector<std::string>> commands = {
      {"ip", "-n", o.netns, "link", "add", o.vethA, "type", "veth", "peer", "name", o.vethB, "netns", peer},
      {"ip", "-n", o.netns, "link", "set", "lo", "up"},
      {"ip", "-n", o.netns, "link", "set", o.vethA, "up"},
      {"ip", "-n", peer, "link", "set", "lo", "up"},
      {"ip", "-n", peer, "link", "set", o.vethB, "up"},
  };
  if (!o.addrA.empty()) commands.push_back({"ip", "-n", o.netns, "addr", "add", o.addrA, "dev", o.vethA});
  if (!o.addrB.empty()) commands.push_back({"ip", "-n", peer, "addr", "add", o.addrB, "dev", o.vethB});
  for (const auto& c : commands)
    if (Status s = runCommand(c); !s) return s;
  return {};
}

}  // namespace

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
  std::thread worker([&] {
    if (unshare(CLONE_NEWNET) != 0) {
      result = makeError(errno, "cannot create a network namespace");
      return;
    }
    if (mount("/proc/thread-self/ns/net", path.c_str(), "none", MS_BIND, nullptr) != 0)
      result = makeError(errno, "cannot bind-mount the new namespace at " + path);
  });
  worker.join();
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
