// The p4wb subcommands beyond load/table/counters, driven through the CLI binary in a lab
// made by `p4wb lab up`: exec (both dialects, stdin, a bad line that writes nothing, a
// full map), stf, run --pcap/--packet, targets, send + capture, and the faults: interface
// deleted while attached, namespace deleted, stale pin directory; usage errors exit 2.
#include "tests/kernel/lab_fixture.h"

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "runtime/packet.h"
#include "runtime/pcap.h"

using namespace p4wb::tests;

namespace {

using p4wb::tests::check;

const std::string kP4wb = P4WB_BIN;
const std::string kData = P4WB_TEST_DATA;

nlohmann::json parse(const CommandResult& r) { return parseJsonOutput(r); }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::size_t entryCount(const std::string& name, const std::string& table) {
  auto j = parse(cli("table dump " + name + " " + table + " --json"));
  return j.is_object() && j.contains("entries") ? j["entries"].size() : ~std::size_t{0};
}

// Everything a test made, removed in reverse order whatever happens.
struct Cleanup {
  std::vector<std::string> commands;
  ~Cleanup() {
    for (auto it = commands.rbegin(); it != commands.rend(); ++it) runCommand(*it + " >/dev/null 2>&1");
  }
};

const std::string kFwd = "table_add ipv4_fwd forward 10.0.0.2 => 02:00:00:00:00:aa 02:00:00:00:00:bb\n";

void testExec(const std::string& name, const std::string& tmp) {
  writeText(tmp + "/ok.txt", "# runtime_CLI and nikss-ctl lines\n" + kFwd +
                                 "table add pipe 1 ingress_ipv4_fwd action name drop key 10.0.0.3\n"
                                 "table_set_default ipv4_fwd drop\n");
  auto r = cli("exec " + name + " " + tmp + "/ok.txt --json");
  auto j = parse(r);
  check(r.status == 0 && j.value("applied", 0) == 3, "exec applies 3 lines of both dialects");
  check(entryCount(name, "ipv4_fwd") == 2, "both entries are in the table");

  writeText(tmp + "/bad.txt", "table_add ipv4_fwd forward 10.0.0.4 => 02:00:00:00:00:01 02:00:00:00:00:02\n"
                              "table_add ipv4_fwd drop 10.0.0.5\n"
                              "\n"
                              "table_add ipv4_fwd forward 10.0.0.6 => 1.2.3.4 0\n");
  r = cli("exec " + name + " " + tmp + "/bad.txt");
  check(r.status == 1 && contains(r.out, tmp + "/bad.txt:4:"), "a bad line 4 is reported as FILE:4: why");
  check(entryCount(name, "ipv4_fwd") == 2, "nothing of the bad file was written");

  writeText(tmp + "/dup.txt", "table_add ipv4_fwd drop 10.0.0.7\ntable_add ipv4_fwd drop 10.0.0.7\n");
  r = cli("exec " + name + " " + tmp + "/dup.txt");
  check(r.status == 1 && contains(r.out, ":2:") && entryCount(name, "ipv4_fwd") == 2,
        "a key added twice in one file is caught before anything is written");

  r = runCommand("printf 'table_delete ipv4_fwd 10.0.0.3\\ntable_dump ipv4_fwd\\n' | " + kP4wb + " exec " + name);
  check(r.status == 0 && entryCount(name, "ipv4_fwd") == 1 && contains(r.out, "10.0.0.2"),
        "exec reads stdin and prints table_dump");
  r = cli("exec " + name + " " + tmp + "/ok.txt --check");
  check(r.status == 1 && contains(r.out, ":2:"), "--check reports the existing key of line 2");
}

void testMapFull(const std::string& name, const std::string& tmp) {
  std::string text;
  for (int i = 0; i < 1025; ++i)
    text += "table_add ipv4_fwd drop 10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256) + "\n";
  writeText(tmp + "/full.txt", text);
  auto r = cli("exec " + name + " " + tmp + "/full.txt");
  check(r.status == 1 && contains(r.out, "full") && entryCount(name, "ipv4_fwd") == 1,
        "1025 adds to a 1024-entry table: refused as full, nothing written");
  text.resize(text.rfind("table_add"));
  text.resize(text.rfind("table_add"));  // 1023 + the one entry already there = 1024
  writeText(tmp + "/fill.txt", text);
  r = cli("exec " + name + " " + tmp + "/fill.txt");
  check(r.status == 0 && entryCount(name, "ipv4_fwd") == 1024, "the table fills up to 1024");
  r = cli("table add " + name + " ipv4_fwd 10.9.9.9 drop");
  check(r.status == 1 && contains(r.out, "full") && std::count(r.out.begin(), r.out.end(), '\n') == 1,
        "table add to the full table: one line saying it is full");
  check(cli("table clear " + name + " ipv4_fwd").status == 0, "still usable: table clear");
}

void testRunAndStf(const std::string& name, const std::string& tmp) {
  check(cli("table add " + name + " ipv4_fwd 10.0.0.2 forward 02:00:00:00:00:aa 02:00:00:00:00:bb").status == 0,
        "forward entry for the run tests");
  auto r = cli("run " + name + " --packet 'dst=10.0.0.2 proto=udp' --json");
  check(r.status == 0 && parse(r).value("verdict", "") == "XDP_TX", "run --packet: XDP_TX");
  auto a = p4wb::runtime::buildPacket(*p4wb::runtime::parsePacketSpec("dst=10.0.0.2"));
  auto b = p4wb::runtime::buildPacket(*p4wb::runtime::parsePacketSpec("dst=10.0.0.77"));
  (void)p4wb::runtime::writePcap(tmp + "/in.pcap", {*a, *b, *a});
  r = cli("run " + name + " --pcap " + tmp + "/in.pcap --json");
  auto j = parse(r);
  check(r.status == 0 && j.is_array() && j.size() == 3 && j[0]["verdict"] == "XDP_TX" &&
            j[1]["verdict"] == "XDP_DROP" && j[2]["verdict"] == "XDP_TX",
        "run --pcap: one result per packet (TX, miss -> default drop set by exec, TX)", r);
  r = cli("stf " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 " + kData + "/basic_fwd.stf");
  check(r.status == 0 && contains(r.out, "3 passed, 0 failed"), "stf: 3 passed, 0 failed, exit 0");
  std::ifstream in(kData + "/basic_fwd.stf");
  std::string stf((std::istreambuf_iterator<char>(in)), {});
  stf.replace(stf.find("expect XDP_DROP"), 15, "expect XDP_PASS");
  writeText(tmp + "/bad.stf", stf);
  r = cli("stf " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 " + tmp + "/bad.stf");
  check(r.status == 1 && contains(r.out, "1 failed"), "stf with a wrong expectation: 1 failed, exit 1");
}

void testSendCapture(const std::string& lab, const std::string& name, const std::string& tmp) {
  const std::string peerNs = lab + "-peer";
  runCommand(kP4wb + " capture --dev peer0 --netns " + peerNs + " -w " + tmp + "/cap.pcap --in-only --seconds 2 > " +
             tmp + "/cap.out 2>&1 &");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto r = cli("send --dev peer0 --netns " + peerNs + " --packet 'dst=10.0.0.2' --count 3 --json");
  check(r.status == 0 && parse(r).value("sent", 0) == 3, "send 3 frames from peer0");
  for (int i = 0; i < 60 && !contains(runCommand("cat " + tmp + "/cap.out").out, "captured"); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto frames = p4wb::runtime::readPcap(tmp + "/cap.pcap");
  int rewritten = 0;
  if (frames)
    for (const auto& f : *frames)
      if (f.size() > 12 && f[5] == 0xaa && f[11] == 0xbb) ++rewritten;
  // The lab's interfaces also carry IPv6 neighbour discovery; count only our frames.
  check(frames && rewritten == 3,
        "capture on peer0 wrote a pcap with the 3 frames bounced back with new MACs",
        runCommand("cat " + tmp + "/cap.out; " + kP4wb + " run " + name + " --pcap " + tmp + "/cap.pcap"));
}

void testTargetsAndFaults(const std::string& lab, const std::string& name, Cleanup& cleanup) {
  auto r = cli("targets --netns " + lab + " --json");
  auto j = parse(r);
  bool marked = false;
  if (j.is_array() && !j.empty())
    for (const auto& i : j[0]["interfaces"])
      if (i["name"] == "veth0" && i["xdp"].is_object() && i["xdp"].value("name", "") == name) marked = true;
  check(r.status == 0 && marked, "targets --json lists veth0 with our program marked by NAME");

  const std::string gone = name + "-gone";
  cleanup.commands.push_back(kP4wb + " unload " + gone);
  check(cli("load " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --dev veth1 --netns " + lab + " --name " + gone).status == 0,
        "second program on veth1");
  const std::string capOut = "/tmp/p4wb-capgone-" + std::to_string(getpid()) + ".out";
  cleanup.commands.push_back("rm -f " + capOut + " " + capOut + ".pcap");
  runCommand("(" + kP4wb + " capture --dev veth1 --netns " + lab + " -w " + capOut + ".pcap --seconds 10; echo rc=$?) > " +
             capOut + " 2>&1 &");
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  runCommand("ip -n " + lab + " link del veth1");
  for (int i = 0; i < 50 && !contains(runCommand("cat " + capOut).out, "rc="); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto capGone = runCommand("cat " + capOut);
  check(contains(capGone.out, "went away") && contains(capGone.out, "rc=1"),
        "capture on an interface that is deleted: exit 1, 'went away'", capGone);
  r = cli("status " + gone + " --json");
  j = parse(r);
  check(r.status == 0 && j.is_array() && contains(j[0].value("state", ""), "interface gone"),
        "interface deleted while attached: status says 'interface gone'");
  r = cli("reload " + gone + " " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4");
  check(r.status == 1 && contains(r.out, "veth1") && std::count(r.out.begin(), r.out.end(), '\n') == 1,
        "reload onto the deleted interface: one-line error naming it");
  check(cli("table add " + gone + " ipv4_fwd 10.0.0.9 drop").status == 0, "its tables still work");
  check(cli("unload " + gone).status == 0, "unload after the interface vanished succeeds");

  const std::string stale = name + "-stale";
  cleanup.commands.push_back(kP4wb + " unload " + stale);
  mkdir(("/sys/fs/bpf/p4wb/" + stale).c_str(), 0700);
  r = cli("status " + stale);
  check(r.status == 0 && contains(r.out, "stale"), "stale pin directory: status says it is stale", r);
  check(cli("load " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --name " + stale).status == 0,
        "a load under the stale name cleans it up and works");
}

// tc-ingress through the CLI: load (compiled with the tc classifier), listed by targets,
// reloaded with the entry moved and the filter replaced, unloaded.
void testTc(const std::string& lab, const std::string& name, Cleanup& cleanup) {
  const std::string tc = name + "-tc";
  cleanup.commands.push_back(kP4wb + " unload " + tc);
  auto r = cli("load " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --dev veth1 --netns " + lab + " --hook tc-ingress --name " + tc);
  check(r.status == 0, "load --hook tc-ingress on veth1", r);
  check(cli("table add " + tc + " ipv4_fwd 10.0.0.2 drop").status == 0, "table add on the tc program");
  auto j = parse(cli("targets --netns " + lab + " --json"));
  std::uint32_t before = 0;
  if (j.is_array() && !j.empty())
    for (const auto& i : j[0]["interfaces"])
      if (i["name"] == "veth1" && i["tc_ingress"].is_object() && i["tc_ingress"].value("name", "") == tc)
        before = i["tc_ingress"].value("prog_id", 0u);
  check(before != 0, "targets lists the tc-ingress filter as ours");
  r = cli("reload " + tc + " " + kData + "/bulk_fwd.p4 --json");
  j = parse(r);
  check(r.status == 0 && j.value("entries_moved", 0) == 1 && j.value("old_prog_id", 0u) == before &&
            j.value("new_prog_id", 0u) != before,
        "reload of the tc program moves the entry and replaces the filter", r);
  auto st = parse(cli("status " + tc + " --json"));
  check(st.is_array() && st[0].value("state", "") == "attached", "status: the new tc program is attached");
  check(cli("unload " + tc).status == 0, "unload the tc program");
}

void testUsage(const std::string& name) {
  check(cli("run " + name).status == 2, "run without a packet: usage error, exit 2");
  check(cli("exec").status == 2, "exec without NAME: exit 2");
  check(cli("capture --dev x -w /dev/null").status == 2, "capture without a limit: exit 2");
  for (const char* c : {"exec", "stf", "run", "reload", "lab up", "lab down", "targets", "send", "capture"})
    check(cli(std::string(c) + " --help").status == 0, std::string(c) + " --help");
  // Missing privileges: the same binary as user nobody says so in one line.
  auto np = runCommand("setpriv --reuid=65534 --regid=65534 --clear-groups " + kP4wb + " load " +
                       std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --name np" + std::to_string(getpid()) + " 2>&1");
  check(np.status == 1 && contains(np.out, "needs root") && std::count(np.out.begin(), np.out.end(), '\n') == 1,
        "load without privileges: exit 1, one line saying root is needed", np);
  auto r = cli("exec no-such-program-" + std::to_string(getpid()) + " /dev/null");
  check(r.status == 1 && r.out.rfind("p4wb: ", 0) == 0, "unknown program: exit 1, 'p4wb: ...'");
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: cli_commands needs root (network namespaces, XDP)\n";
    return 77;
  }
  const std::string id = std::to_string(getpid());
  const std::string lab = "p4wbc" + id, name = "cli" + id;
  char tmpl[] = "/tmp/p4wb-cli-XXXXXX";
  const std::string tmp = mkdtemp(tmpl) ? tmpl : "/tmp";
  {
    Cleanup cleanup;
    cleanup.commands.push_back("rm -rf " + tmp);
    cleanup.commands.push_back("ip netns del " + lab + "-peer");
    cleanup.commands.push_back("ip netns del " + lab);
    cleanup.commands.push_back(kP4wb + " lab down " + lab);
    auto up = cli("lab up " + lab + " --pairs 2 --json");
    auto j = parse(up);
    check(up.status == 0 && j.value("pairs", nlohmann::json::array()).size() == 2, "lab up with 2 pairs");
    if (up.status != 0) goto done;
    check(cli("lab up " + lab).status == 1, "lab up of an existing lab: exit 1");
    cleanup.commands.push_back(kP4wb + " unload " + name);
    cleanup.commands.push_back(kP4wb + " unload " + name + "-peer");
    check(cli("load " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --dev veth0 --netns " + lab + " --name " + name).status == 0,
          "load basic_fwd on veth0");
    // Native XDP_TX frames reach a veth peer that runs XDP itself; an empty basic_fwd passes all.
    check(cli("load " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --dev peer0 --netns " + lab + "-peer --name " + name + "-peer").status == 0,
          "pass-through program on peer0");
    testExec(name, tmp);
    testMapFull(name, tmp);
    testRunAndStf(name, tmp);
    testSendCapture(lab, name, tmp);
    testTc(lab, name, cleanup);
    testTargetsAndFaults(lab, name, cleanup);
    testUsage(name);
    auto down = cli("lab down " + lab);
    check(down.status == 0 && runCommand("ip netns list | grep -c " + lab).out.find('0') == 0,
          "lab down removes both namespaces");
    auto st = cli("status " + name + " --json");
    check(st.status == 0 && contains(st.out, "interface gone"), "namespace deleted: status says interface gone");
    check(cli("unload " + name).status == 0, "unload after the namespace vanished succeeds");
    check(cli("lab down " + lab).status == 1, "lab down twice: exit 1");
  }
done:
  return finish();
}
