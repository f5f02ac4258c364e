// A throwaway network namespace with one veth pair for kernel tests, plus helpers to
// run the p4wb CLI and to send/receive raw frames with AF_PACKET inside the namespace.
// Everything created is removed by the destructor, also when a check fails.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace p4wb::tests {

struct CommandResult {
  int status = -1;  // exit status, or -1 when it did not exit normally
  std::string out;  // stdout
};

// Runs a shell command line; stderr goes to the test log.
CommandResult runCommand(const std::string& commandLine);

// The JSON a command printed last (anything before the first '{' or '[' is skipped);
// null when there is none.
nlohmann::json parseJsonOutput(const CommandResult& r);

// PASS/FAIL bookkeeping shared by the kernel tests: check() prints one line per
// expectation; finish() prints "N passed, M failed" and returns the exit status.
void check(bool cond, const std::string& what);
// The same, printing the command's output when the expectation fails.
void check(bool cond, const std::string& what, const CommandResult& r);
int finish();

// Runs this build's p4wb CLI with `args` (a shell fragment), stderr folded into `out`.
CommandResult cli(const std::string& args);

// A command started in the background (fork + exec, no shell) with stdout and stderr
// going to `logFile`, so a test can signal it and time how it ends. The destructor
// kills (SIGKILL) and reaps it if it still runs.
class BackgroundCommand {
 public:
  BackgroundCommand(const std::vector<std::string>& argv, std::string logFile);
  ~BackgroundCommand();
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;

  int pid() const { return m_pid; }
  bool signal(int sig) const;
  // Waits until it exits: its exit status, 128+N when killed by signal N, -1 on timeout.
  int wait(std::chrono::milliseconds timeout);
  // Waits until its output contains `text`; false on timeout or when it exited first.
  bool waitForOutput(const std::string& text, std::chrono::milliseconds timeout);
  std::string output() const;  // everything it printed so far

 private:
  int m_pid = -1;
  std::string m_log;
  bool m_reaped = false;
};

class VethLab {
 public:
  // Creates namespace `p4wbt-<tag>-<pid>` holding veth pair dev/peer, both up,
  // IPv6 off (no stray router solicitations). For native XDP_TX frames to reach the
  // peer, the peer needs an XDP program of its own (a pass-through one will do).
  explicit VethLab(const std::string& tag);
  ~VethLab();
  VethLab(const VethLab&) = delete;
  VethLab& operator=(const VethLab&) = delete;

  bool ok() const { return m_ok; }
  const std::string& netns() const { return m_netns; }
  const std::string& dev() const { return m_dev; }    // where the program is attached
  const std::string& peer() const { return m_peer; }  // where test frames enter and leave

  // A raw socket bound to the peer, opened inside the namespace.
  int openPeerSocket();
  bool sendOnPeer(int fd, const std::vector<std::uint8_t>& frame);
  // Frames received on the peer (not our own sends) until `wait` passes.
  std::vector<std::vector<std::uint8_t>> receiveOnPeer(int fd, std::chrono::milliseconds wait);

  // Runs `fn` to remove something when the lab goes away (before the namespace).
  void onTeardown(std::string commandLine) { m_teardown.push_back(std::move(commandLine)); }

 private:
  std::string m_netns, m_dev, m_peer;
  std::vector<std::string> m_teardown;
  bool m_ok = false;
};

}  // namespace p4wb::tests
