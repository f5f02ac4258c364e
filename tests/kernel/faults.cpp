// Faults, each answered by one line `p4wb: ...` and exit 1 with the tool still usable:
// interface deleted while attached, namespace deleted, map full, verifier rejection (log
// kept, failing line named from BTF line info), missing capabilities, stale pins.
#include "tests/kernel/lab_fixture.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

using namespace p4wb::tests;

namespace {

const std::string kP4wb = P4WB_BIN;
const std::string kBasic = std::string(P4WB_EXAMPLES) + "/basic_fwd.p4";
const std::string kTiny = std::string(P4WB_TEST_DATA) + "/tiny_table.p4";
const std::string kReject = std::string(P4WB_TEST_FIXTURES) + "/verifier_reject.o";
const std::string kId = std::to_string(getpid());

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
bool exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

// Exit 1 and exactly one line, "p4wb: ...".
bool oneLineFailure(const CommandResult& r) {
  return r.status == 1 && r.out.rfind("p4wb: ", 0) == 0 && std::count(r.out.begin(), r.out.end(), '\n') == 1;
}

void expect(bool cond, const std::string& what, const CommandResult& r) {
  check(cond, what);
  if (!cond) std::cout << "  status " << r.status << ", output was: " << r.out << "\n";
}

// The tool still answers after a fault.
void stillUsable(const std::string& after) {
  auto r = cli("status --json");
  expect(r.status == 0 && parseJsonOutput(r).is_array(), "after " + after + ": `p4wb status --json` still works", r);
}

std::string stateOf(const std::string& name) {
  auto j = parseJsonOutput(cli("status " + name + " --json"));
  return j.is_array() && !j.empty() ? j[0].value("state", "") : "";
}

void interfaceDeleted(VethLab& lab) {
  const std::string name = "flt-if" + kId, dev = "p4i" + kId;
  lab.onTeardown(kP4wb + " unload " + name + " >/dev/null 2>&1");
  runCommand("ip -n " + lab.netns() + " link add " + dev + " type veth peer name p4j" + kId);
  auto r = cli("load " + kBasic + " --dev " + dev + " --netns " + lab.netns() + " --name " + name);
  expect(r.status == 0, "load on " + dev, r);
  runCommand("ip -n " + lab.netns() + " link del " + dev);
  r = cli("status " + name);
  expect(r.status == 0 && has(r.out, "interface gone") && has(r.out, dev), "interface deleted: status says 'interface gone'", r);
  r = cli("unload " + name);
  expect(r.status == 0 && !exists("/sys/fs/bpf/p4wb/" + name), "unload after the interface vanished: ok, pins removed", r);
  expect(oneLineFailure(cli("status " + name)), "status of the unloaded name: one line", cli("status " + name));
  stillUsable("interface deleted");
}

void namespaceDeleted() {
  const std::string ns = "p4wbt-fns-" + kId, name = "flt-ns" + kId;
  runCommand("ip netns add " + ns);
  runCommand("ip -n " + ns + " link add p4k" + kId + " type veth peer name p4l" + kId);
  auto r = cli("load " + kBasic + " --dev p4k" + kId + " --netns " + ns + " --name " + name);
  expect(r.status == 0, "load in namespace " + ns, r);
  runCommand("ip netns del " + ns);
  r = cli("status " + name);
  expect(r.status == 0 && has(r.out, "interface gone") && has(r.out, ns), "namespace deleted: status says so, naming it", r);
  r = cli("table add " + name + " ipv4_fwd 10.0.0.9 drop");
  expect(r.status == 0, "its pinned tables still work", r);
  r = cli("reload " + name + " " + kBasic);
  expect(oneLineFailure(r) && has(r.out, ns), "reload into the deleted namespace: one line naming it", r);
  r = cli("unload " + name);
  expect(r.status == 0 && !exists("/sys/fs/bpf/p4wb/" + name), "unload after the namespace vanished: ok, pins removed", r);
  runCommand("ip netns del " + ns + " 2>/dev/null");
  stillUsable("namespace deleted");
}

void mapFull() {
  const std::string name = "flt-full" + kId;
  auto r = cli("load " + kTiny + " --name " + name);
  expect(r.status == 0, "load tiny_table.p4 (by_type: 4 entries)", r);
  bool filled = true;
  for (int i = 1; i <= 4; ++i) filled = filled && cli("table add " + name + " by_type " + std::to_string(i) + " drop").status == 0;
  check(filled, "4 entries fill the table");
  r = cli("table add " + name + " by_type 5 drop");
  expect(oneLineFailure(r) && has(r.out, "full"), "a 5th entry: one line saying the table is full", r);
  auto dump = parseJsonOutput(cli("table dump " + name + " by_type --json"));
  check(dump.is_object() && dump["entries"].size() == 4, "still usable: dump shows the 4 entries");
  r = cli("table del " + name + " by_type 1");
  expect(r.status == 0 && cli("table add " + name + " by_type 5 drop").status == 0,
         "after a delete the 5th entry fits", r);
  cli("unload " + name);
}

void verifierRejection() {
  const std::string name = "flt-vr" + kId;
  auto r = cli("load " + kReject + " --name " + name);
  expect(oneLineFailure(r) && has(r.out, "verifier rejected") && has(r.out, "verifier_reject.c:11") &&
             has(r.out, "data[12]") && has(r.out, "invalid access to packet"),
         "verifier rejection: one line naming the C line (BTF line info), the instruction and the reason", r);
  const std::string log = r.out.substr(r.out.find("verifier log in ") + 16, std::string::npos);
  std::ifstream in(log.substr(0, log.find('\n')));
  std::string text((std::istreambuf_iterator<char>(in)), {});
  check(has(text, "invalid access to packet") && has(text, "@ verifier_reject.c:11"),
        "the full verifier log is kept in the file the line names");
  r = cli("load " + kReject + " --name " + name + " --verifier-log");
  expect(r.status == 1 && std::count(r.out.begin(), r.out.end(), '\n') > 3 && has(r.out, "processed"),
         "--verifier-log also prints the whole log", r);
  expect(oneLineFailure(cli("status " + name)), "the rejected program left no name behind", r);
  stillUsable("verifier rejection");
  runCommand("rm -f /run/p4wb/.logs/" + name + ".verifier.log");
}

void missingPrivileges(const VethLab& lab) {
  const std::string name = "flt-cap" + kId;
  const std::string noCaps = "setpriv --bounding-set=-all --inh-caps=-all " + kP4wb + " ";
  auto r = runCommand(noCaps + "load " + kBasic + " --dev " + lab.dev() + " --netns " + lab.netns() + " --name " + name + " 2>&1");
  expect(oneLineFailure(r) && has(r.out, "CAP_BPF") && has(r.out, "CAP_NET_ADMIN") && has(r.out, "CAP_SYS_ADMIN"),
         "load with every capability dropped: one line naming CAP_BPF, CAP_NET_ADMIN, CAP_SYS_ADMIN", r);
  r = runCommand("setpriv --bounding-set=-net_admin --inh-caps=-all " + kP4wb + " load " + kBasic + " --dev " +
                 lab.dev() + " --netns " + lab.netns() + " --name " + name + " 2>&1");
  expect(oneLineFailure(r) && has(r.out, "CAP_NET_ADMIN") && !has(r.out, "CAP_BPF"),
         "load without CAP_NET_ADMIN only: the line names exactly that one", r);
  r = cli("load " + kBasic + " --dev " + lab.dev() + " --netns " + lab.netns() + " --name " + name);
  expect(r.status == 0, "the same load with privileges works", r);
  r = runCommand(noCaps + "unload " + name + " 2>&1");
  expect(oneLineFailure(r) && has(r.out, "CAP_SYS_ADMIN"), "unload (detach in a namespace) without capabilities: one line naming CAP_SYS_ADMIN", r);
  check(stateOf(name) == "attached", "the refused unload left the program attached and known");
  r = runCommand(noCaps + "counters " + name + " --watch 0.1 --iterations 1 2>&1");
  expect(r.status == 0 || (oneLineFailure(r) && has(r.out, "CAP_")), "counters without capabilities: works or one line naming a capability", r);
  check(cli("unload " + name).status == 0, "with privileges unload works");
}

void stalePins() {
  // The pinned program is gone (pin removed behind our back, as after a bpffs remount).
  const std::string gone = "flt-st" + kId;
  check(cli("load " + kBasic + " --name " + gone).status == 0, "load " + gone);
  runCommand("rm -f /sys/fs/bpf/p4wb/" + gone + "/prog");
  check(has(stateOf(gone), "stale") && has(stateOf(gone), "gone"), "status NAME: stale, its pinned program is gone");
  auto all = cli("status");
  expect(all.status == 0 && has(all.out, gone + "  ") && has(all.out, "stale"), "status lists it as stale", all);
  auto r = cli("load " + kBasic + " --name " + gone);
  expect(r.status == 0 && stateOf(gone) == "not attached", "a load under the same name recovers it", r);
  cli("unload " + gone);

  // Directories only (a crash before anything was pinned).
  const std::string empty = "flt-se" + kId;
  mkdir(("/sys/fs/bpf/p4wb/" + empty).c_str(), 0700);
  r = cli("status " + empty);
  expect(r.status == 0 && has(r.out, "stale"), "an empty pin directory: status says stale", r);
  r = cli("unload " + empty);
  expect(r.status == 0 && !exists("/sys/fs/bpf/p4wb/" + empty), "unload removes it", r);

  // A live pinned program without its record: load refuses in one line, unload cleans.
  const std::string orphan = "flt-so" + kId;
  check(cli("load " + kBasic + " --name " + orphan).status == 0, "load " + orphan);
  runCommand("rm -f /run/p4wb/" + orphan + "/record.json");
  r = cli("status " + orphan);
  expect(r.status == 0 && has(r.out, "no record"), "pins without a record: status says stale, no record", r);
  r = cli("load " + kBasic + " --name " + orphan);
  expect(oneLineFailure(r) && has(r.out, "stale") && has(r.out, "unload"), "load over it: one line pointing to unload", r);
  r = cli("unload " + orphan);
  expect(r.status == 0 && cli("load " + kBasic + " --name " + orphan).status == 0, "unload, then load works", r);
  cli("unload " + orphan);
  stillUsable("stale pins");
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: faults needs root (namespaces, XDP, capabilities)\n";
    return 77;
  }
  {
    VethLab lab("flt");
    for (const char* n : {"flt-full", "flt-vr", "flt-cap", "flt-st", "flt-se", "flt-so"})
      lab.onTeardown(kP4wb + " unload " + n + kId + " >/dev/null 2>&1");
    lab.onTeardown("ip netns del p4wbt-fns-" + kId + " 2>/dev/null");
    check(lab.ok(), "veth lab");
    if (lab.ok()) {
      interfaceDeleted(lab);
      namespaceDeleted();
      mapFull();
      verifierRejection();
      missingPrivileges(lab);
      stalePins();
    }
  }
  return finish();
}
