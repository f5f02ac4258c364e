// `p4wb capture` when its interface is deleted mid-capture (a valid pcap of what came
// before, exit 1 with one line), `p4wb targets` listing programs of other tools (XDP via
// `ip link`, cls_bpf via `tc filter`) next to ours and tcx links, and a quiet lab: no
// IPv6 solicitations or other frames on `p4wb lab up` interfaces over 2 s.
#include "tests/kernel/lab_fixture.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include "runtime/pcap.h"

using namespace p4wb::tests;
using std::chrono::milliseconds;

namespace {

const std::string kP4wb = P4WB_BIN;
const std::string kBasic = std::string(P4WB_EXAMPLES) + "/basic_fwd.p4";
const std::string kOther = std::string(P4WB_TEST_FIXTURES) + "/other_tool.o";
const std::string kId = std::to_string(getpid());

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void expect(bool cond, const std::string& what, const std::string& output) {
  check(cond, what);
  if (!cond) std::cout << "  output was: " << output << "\n";
}

// Both ends of a fresh `p4wb lab up` stay silent for 2 s (IPv6 is off in lab namespaces).
void quietLab(const std::string& tmp) {
  const std::string lab = "p4wbq" + kId;
  auto up = cli("lab up " + lab);
  check(up.status == 0, "lab up " + lab);
  BackgroundCommand a({kP4wb, "capture", "--dev", "veth0", "--netns", lab, "-w", tmp + "/q0.pcap", "--seconds", "2", "--json"},
                      tmp + "/q0.out");
  BackgroundCommand b({kP4wb, "capture", "--dev", "peer0", "--netns", lab + "-peer", "-w", tmp + "/q1.pcap", "--seconds",
                       "2", "--json"},
                      tmp + "/q1.out");
  int sa = a.wait(std::chrono::seconds(10)), sb = b.wait(std::chrono::seconds(10));
  auto ja = parseJsonOutput(CommandResult{sa, a.output()}), jb = parseJsonOutput(CommandResult{sb, b.output()});
  const int na = ja.is_object() ? ja.value("captured", -1) : -1, nb = jb.is_object() ? jb.value("captured", -1) : -1;
  std::cout << "MEASURED: quiet lab: " << na << " frames on veth0, " << nb << " on peer0 in 2 s\n";
  expect(sa == 0 && sb == 0 && na == 0 && nb == 0, "a quiet lab shows no frames over 2 s on either end",
         a.output() + b.output());
  check(cli("lab down " + lab).status == 0, "lab down");
}

// Frames captured before the interface is deleted end up in a valid pcap.
void captureInterfaceGone(VethLab& lab, const std::string& tmp) {
  const std::string file = tmp + "/partial.pcap";
  BackgroundCommand cap({kP4wb, "capture", "--dev", lab.peer(), "--netns", lab.netns(), "-w", file, "--seconds", "30"},
                        tmp + "/partial.out");
  std::this_thread::sleep_for(milliseconds(700));  // the socket is open well before this
  auto sent = cli("send --dev " + lab.dev() + " --netns " + lab.netns() + " --packet 'dst=10.0.0.2 payload=c0ffee' --count 5");
  check(sent.status == 0, "send 5 frames towards the capturing end");
  std::this_thread::sleep_for(milliseconds(300));
  runCommand("ip -n " + lab.netns() + " link del " + lab.dev());  // takes the veth peer with it
  int status = cap.wait(std::chrono::seconds(5));
  const std::string out = cap.output();
  expect(status == 1 && has(out, "went away") && has(out, "5 frames written to " + file) &&
             std::count(out.begin(), out.end(), '\n') == 1,
         "capture whose interface is deleted: exit 1, one line, 5 frames written", out);
  auto frames = p4wb::runtime::readPcap(file);
  int ours = 0;
  if (frames)
    for (const auto& f : *frames)
      for (std::size_t i = 0; i + 3 <= f.size(); ++i)  // the payload (frames are padded to 60 bytes)
        if (f[i] == 0xc0 && f[i + 1] == 0xff && f[i + 2] == 0xee) {
          ++ours;
          break;
        }
  check(frames && ours == 5, "the partial pcap is valid and holds the 5 frames");
}

const nlohmann::json* findInterface(const nlohmann::json& targets, const std::string& name) {
  if (!targets.is_array() || targets.empty()) return nullptr;
  for (const auto& i : targets[0]["interfaces"])
    if (i.value("name", "") == name) return &i;
  return nullptr;
}

// Programs of other tools, ours, and a tcx link, all listed by `p4wb targets`.
void foreignPrograms(VethLab& lab, const std::string& tmp) {
  const std::string ns = lab.netns(), dev = lab.dev(), peer = lab.peer(), name = "tgt" + kId;
  lab.onTeardown(kP4wb + " unload " + name + " >/dev/null 2>&1");
  auto r = runCommand("ip -n " + ns + " link set dev " + peer + " xdpgeneric obj " + kOther + " sec xdp 2>&1");
  expect(r.status == 0, "another tool attaches XDP with `ip link` on " + peer, r.out);
  r = runCommand("tc -n " + ns + " qdisc add dev " + dev + " clsact 2>&1 && tc -n " + ns + " filter add dev " + dev +
                 " ingress pref 7 bpf da obj " + kOther + " sec tc 2>&1");
  expect(r.status == 0, "another tool adds a cls_bpf filter with `tc filter` on " + dev, r.out);
  r = cli("load " + kBasic + " --dev " + dev + " --netns " + ns + " --hook tc-ingress --name " + name);
  expect(r.status == 0, "our program on the same tc-ingress hook", r.out);
  BackgroundCommand tcx({kP4wb, "load", kBasic, "--no-pin", "--dev", dev, "--netns", ns, "--hook", "tc-egress"},
                        tmp + "/tcx.out");
  check(tcx.waitForOutput("attached prog id", std::chrono::seconds(30)), "a tcx program on tc-egress (load --no-pin)");

  auto j = parseJsonOutput(cli("targets --netns " + ns + " --json"));
  const nlohmann::json* d = findInterface(j, dev);
  const nlohmann::json* p = findInterface(j, peer);
  bool foreignTc = false, oursTc = false, tcxListed = false;
  if (d)
    for (const auto& t : (*d)["tc"]) {
      if (t.value("prog_name", "") == "other_tc" && !t.contains("name") && t.value("priority", 0) == 7 &&
          t.value("hook", "") == "tc-ingress")
        foreignTc = true;
      if (t.value("name", "") == name && t.value("hook", "") == "tc-ingress") oursTc = true;
      if (t.value("tcx", false) && t.value("hook", "") == "tc-egress") tcxListed = true;
    }
  check(foreignTc, "targets --json: the other tool's tc filter (prog other_tc, pref 7), not marked ours");
  check(oursTc, "targets --json: our tc filter on the same hook, marked with its NAME");
  check(tcxListed, "targets --json: the tcx program on tc-egress");
  check(p && (*p)["xdp"].is_object() && (*p)["xdp"].value("prog_name", "") == "other_xdp" &&
            (*p)["xdp"].value("mode", "") == "generic" && !(*p)["xdp"].contains("name"),
        "targets --json: the other tool's XDP program (other_xdp, generic), not marked ours");
  auto text = cli("targets --netns " + ns);
  expect(text.status == 0 && has(text.out, "other_tc") && has(text.out, "other_xdp") && has(text.out, "[" + name + "]") &&
             has(text.out, "(tcx)"),
         "targets (text) shows other_tc, other_xdp, ours as [NAME] and the tcx program", text.out);
  tcx.signal(SIGTERM);
  tcx.wait(std::chrono::seconds(5));
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: capture_targets needs root (namespaces, XDP, tc)\n";
    return 77;
  }
  char tmpl[] = "/tmp/p4wb-captgt-XXXXXX";
  const std::string tmp = mkdtemp(tmpl) ? tmpl : "/tmp";
  {
    quietLab(tmp);
    VethLab targets("tgt");
    targets.onTeardown("rm -rf " + tmp);
    check(targets.ok(), "veth lab for targets");
    if (targets.ok()) foreignPrograms(targets, tmp);
    VethLab capture("cap");
    check(capture.ok(), "veth lab for capture");
    if (capture.ok()) captureInterfaceGone(capture, tmp);
  }
  return finish();
}
