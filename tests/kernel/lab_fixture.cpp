#include "tests/kernel/lab_fixture.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <thread>

namespace p4wb::tests {

namespace {
int g_passed = 0, g_failed = 0;
}  // namespace

void check(bool cond, const std::string& what) {
  std::cout << (cond ? "PASS: " : "FAIL: ") << what << "\n" << std::flush;
  (cond ? g_passed : g_failed)++;
}

void check(bool cond, const std::string& what, const CommandResult& r) {
  check(cond, what);
  if (!cond) std::cout << "  output was: " << r.out << "\n";
}

CommandResult cli(const std::string& args) { return runCommand(std::string(P4WB_BIN) + " " + args + " 2>&1"); }

int finish() {
  std::cout << g_passed << " passed, " << g_failed << " failed\n";
  return g_failed ? 1 : 0;
}

nlohmann::json parseJsonOutput(const CommandResult& r) {
  auto pos = r.out.find_first_of("{[");
  if (pos == std::string::npos) return nlohmann::json();
  auto j = nlohmann::json::parse(r.out.substr(pos), nullptr, false);
  return j.is_discarded() ? nlohmann::json() : j;
}

CommandResult runCommand(const std::string& commandLine) {
  CommandResult r;
  std::cerr << "+ " << commandLine << "\n";
  FILE* p = popen(commandLine.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& argv, std::string logFile)
    : m_log(std::move(logFile)) {
  std::cerr << "+ (background)";
  for (const auto& a : argv) std::cerr << " " << a;
  std::cerr << " > " << m_log << "\n";
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  m_pid = fork();
  if (m_pid == 0) {
    int fd = open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    execv(args[0], args.data());
    _exit(127);
  }
}

BackgroundCommand::~BackgroundCommand() {
  if (m_pid > 0 && !m_reaped) {
    kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
  }
}

bool BackgroundCommand::signal(int sig) const { return m_pid > 0 && !m_reaped && kill(m_pid, sig) == 0; }

int BackgroundCommand::wait(std::chrono::milliseconds timeout) {
  if (m_pid <= 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int st = 0;
    pid_t r = waitpid(m_pid, &st, WNOHANG);
    if (r == m_pid) {
      m_reaped = true;
      return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    }
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

bool BackgroundCommand::waitForOutput(const std::string& text, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (output().find(text) != std::string::npos) return true;
    siginfo_t info{};
    // Exited already (left to wait() to reap): no more output will come.
    if (m_reaped || (waitid(P_PID, static_cast<id_t>(m_pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
                     info.si_pid == m_pid))
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return output().find(text) != std::string::npos;
}

std::string BackgroundCommand::output() const {
  std::ifstream in(m_log, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

VethLab::VethLab(const std::string& tag) {
  const std::string id = std::to_string(getpid());
  m_netns = "p4wbt-" + tag + "-" + id;
  m_dev = "p4a" + id;
  m_peer = "p4b" + id;
  const std::string n = "ip -n " + m_netns + " ";
  m_ok = runCommand("ip netns add " + m_netns).status == 0 &&
         runCommand(n + "link add " + m_dev + " type veth peer name " + m_peer).status == 0 &&
         runCommand("ip netns exec " + m_netns +
                    " sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1")
                 .status == 0 &&
         runCommand(n + "link set " + m_dev + " up").status == 0 &&
         runCommand(n + "link set " + m_peer + " up").status == 0;
}

VethLab::~VethLab() {
  for (auto it = m_teardown.rbegin(); it != m_teardown.rend(); ++it) runCommand(*it);
  runCommand("ip netns del " + m_netns + " 2>/dev/null");
}

int VethLab::openPeerSocket() {
  int fd = -1;
  std::thread t([&] {
    int nsfd = open(("/run/netns/" + m_netns).c_str(), O_RDONLY | O_CLOEXEC);
    if (nsfd < 0 || setns(nsfd, CLONE_NEWNET) != 0) return;
    close(nsfd);
    int s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
    if (s < 0) return;
    sockaddr_ll sll{};
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETH_P_ALL);
    sll.sll_ifindex = static_cast<int>(if_nametoindex(m_peer.c_str()));
    if (sll.sll_ifindex == 0 || bind(s, reinterpret_cast<sockaddr*>(&sll), sizeof sll) != 0) {
      close(s);
      return;
    }
    fd = s;
  });
  t.join();
  return fd;
}

bool VethLab::sendOnPeer(int fd, const std::vector<std::uint8_t>& frame) {
  return send(fd, frame.data(), frame.size(), 0) == static_cast<ssize_t>(frame.size());
}

std::vector<std::vector<std::uint8_t>> VethLab::receiveOnPeer(int fd,
                                                              std::chrono::milliseconds wait) {
  std::vector<std::vector<std::uint8_t>> frames;
  auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    std::vector<std::uint8_t> buf(2048);
    sockaddr_ll from{};
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(fd, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
    if (n <= 0) break;
    if (from.sll_pkttype == PACKET_OUTGOING) continue;
    buf.resize(static_cast<std::size_t>(n));
    frames.push_back(std::move(buf));
  }
  return frames;
}

}  // namespace p4wb::tests
