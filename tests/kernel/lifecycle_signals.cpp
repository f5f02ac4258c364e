// Programs loaded without a pin (`p4wb load --no-pin`) live as long as the process that
// loaded them: detached on SIGINT, SIGTERM, at the end of --seconds, when killed with
// SIGKILL (the kernel drops the process's BPF link), for XDP and tc (tcx). An interface
// deleted under such a program ends the process with one line. Prints how long each
// detach took.
#include "tests/kernel/lab_fixture.h"

#include <net/if.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

#include "runtime/attach.h"
#include "runtime/attach_link.h"
#include "runtime/netns.h"

using namespace p4wb::tests;
namespace rt = p4wb::runtime;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

const std::string kP4wb = P4WB_BIN;
int g_case = 0;  // each case logs to its own file, so no output of an earlier one is read
const std::string kProgram = std::string(P4WB_EXAMPLES) + "/basic_fwd.p4";

// Program ids at the hook: XDP's one program, or every tcx program on tc ingress.
std::uint32_t attachedId(const VethLab& lab, const std::string& dev, const std::string& hook) {
  if (hook == "xdp") {
    auto a = rt::queryAttached(rt::Target{lab.netns(), dev, rt::Hook::Xdp, rt::XdpMode::Auto});
    return a ? a->progId : 0;
  }
  auto ids = rt::inNetns(lab.netns(), [&]() -> rt::Result<std::vector<std::uint32_t>> {
    return rt::queryTcxProgIds(if_nametoindex(dev.c_str()), true);
  });
  return ids && !ids->empty() ? ids->front() : 0;
}

// Milliseconds until nothing is attached at the hook (-1 if still attached after 3 s).
double msUntilDetached(const VethLab& lab, const std::string& hook, Clock::time_point since) {
  while (Clock::now() - since < std::chrono::seconds(3)) {
    if (attachedId(lab, lab.dev(), hook) == 0)
      return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
    std::this_thread::sleep_for(milliseconds(1));
  }
  return -1;
}

std::string fmt(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", ms);
  return buf;
}

// Starts `p4wb load --no-pin` on the lab's dev, ends it with `sig` (0: let --seconds 1
// run out), checks the hook is empty afterwards and the exit status.
void signalCase(const VethLab& lab, const std::string& hook, int sig, const std::string& log) {
  const std::string what = std::string(sig ? sigabbrev_np(sig) : "--seconds") + " (" + hook + ")";
  std::vector<std::string> argv = {kP4wb, "load", kProgram, "--no-pin", "--dev", lab.dev(), "--netns", lab.netns(),
                                   "--hook", hook};
  if (sig == 0) argv.insert(argv.end(), {"--seconds", "1"});
  BackgroundCommand p(argv, log + "." + std::to_string(++g_case));
  bool up = p.waitForOutput("attached prog id", std::chrono::seconds(30));
  check(up && attachedId(lab, lab.dev(), hook) != 0, what + ": load --no-pin attached the program");
  if (!up) {
    std::cout << "  output was: " << p.output() << "\n";
    return;
  }
  const auto t0 = Clock::now();
  if (sig) p.signal(sig);
  int status = p.wait(std::chrono::seconds(sig ? 10 : 15));
  const double exitMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  const double goneMs = msUntilDetached(lab, hook, t0);
  const int expected = sig == SIGKILL ? 128 + SIGKILL : 0;
  check(status == expected, what + ": process ended with status " + std::to_string(status) + " (expected " +
                                std::to_string(expected) + ")");
  check(goneMs >= 0, what + ": nothing attached afterwards");
  std::cout << "MEASURED: " << what << ": process gone after " << fmt(exitMs) << ", hook empty after "
            << fmt(goneMs) << (sig == 0 ? " (from start of wait, includes the 1 s)" : " (from the signal)") << "\n";
  if (sig && sig != SIGKILL)
    check(p.output().find("detached prog id") != std::string::npos, what + ": says it detached");
}

// An interface deleted under a --no-pin program: the process ends with exit 1 and one
// line naming the interface.
void interfaceGoneCase(const VethLab& lab, const std::string& log) {
  const std::string id = std::to_string(getpid());
  const std::string dev = "p4g" + id, peer = "p4h" + id;
  const std::string n = "ip -n " + lab.netns() + " ";
  if (runCommand(n + "link add " + dev + " type veth peer name " + peer).status != 0 ||
      runCommand(n + "link set " + dev + " up").status != 0) {
    check(false, "extra veth pair for the interface-gone case");
    return;
  }
  BackgroundCommand p({kP4wb, "load", kProgram, "--no-pin", "--dev", dev, "--netns", lab.netns()},
                      log + "." + std::to_string(++g_case));
  bool up = p.waitForOutput("attached prog id", std::chrono::seconds(30));
  check(up, "load --no-pin on " + dev);
  runCommand(n + "link del " + dev);
  int status = p.wait(std::chrono::seconds(5));
  std::string out = p.output();
  std::string last = out.substr(out.find('\n') + 1);  // after the "attached" line
  check(status == 1 && last.find("went away") != std::string::npos && last.find(dev) != std::string::npos &&
            std::count(last.begin(), last.end(), '\n') == 1,
        "interface deleted under a --no-pin program: exit 1, one line saying it went away");
  if (status != 1) std::cout << "  output was: " << out << "\n";
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: lifecycle_signals needs root (network namespaces, XDP)\n";
    return 77;
  }
  const std::string log = "/tmp/p4wb-lifecycle-" + std::to_string(getpid()) + ".log";
  {
    VethLab lab("sig");
    lab.onTeardown("rm -f " + log + ".*");
    check(lab.ok(), "veth lab");
    if (lab.ok()) {
      signalCase(lab, "xdp", SIGINT, log);
      signalCase(lab, "xdp", SIGTERM, log);
      signalCase(lab, "xdp", SIGKILL, log);
      signalCase(lab, "xdp", 0, log);
      signalCase(lab, "tc-ingress", SIGTERM, log);
      signalCase(lab, "tc-ingress", SIGKILL, log);
      interfaceGoneCase(lab, log);
    }
  }
  return finish();
}
