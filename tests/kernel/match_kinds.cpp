// exact, lpm, ternary and range tables end to end through the CLI: entries added with
// `p4wb table add` (--priority, P4 semantics) and `p4wb exec` in both dialects
// (runtime_CLI priorities, where the smallest wins, are converted; nikss `priority N`
// is P4), then `p4wb run` sends frames through BPF_PROG_TEST_RUN and the output frame
// shows which entry of every table won. Also: dump order and format, get/del by key
// and priority, duplicates, a full table, and the verifier's size for a 4096-slot scan.
#include "tests/kernel/lab_fixture.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace p4wb::tests;

namespace {

using p4wb::tests::check;

const std::string kData = P4WB_TEST_DATA;


bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The output frame (hex) of one packet through the loaded program.
std::string runFrame(const std::string& name, const std::string& packet) {
  auto j = parseJsonOutput(cli("run " + name + " --packet '" + packet + "' --json"));
  return j.is_object() ? j.value("output", std::string()) : std::string();
}

// Hex of the bytes each table writes: dst MAC (exact), src MAC (lpm), ToS (range), TTL (ternary).
std::string dmac(const std::string& f) { return f.size() >= 12 ? f.substr(0, 12) : ""; }
std::string smac(const std::string& f) { return f.size() >= 24 ? f.substr(12, 12) : ""; }
std::string tos(const std::string& f) { return f.size() >= 32 ? f.substr(30, 2) : ""; }
std::string ttl(const std::string& f) { return f.size() >= 46 ? f.substr(44, 2) : ""; }

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

void testExactLpm(const std::string& name) {
  check(cli("table add " + name + " exact_t 10.0.0.2 set_dmac 02:00:00:00:00:e1").status == 0, "exact entry added");
  check(cli("table add " + name + " lpm_t 10.0.0.0/8 set_smac 02:00:00:00:00:01").status == 0 &&
            cli("table add " + name + " lpm_t 10.0.0.0/24 set_smac 02:00:00:00:00:02").status == 0,
        "two lpm prefixes added");
  auto r = cli("table add " + name + " exact_t 10.0.0.3 set_dmac 02:00:00:00:00:e2 --priority 5");
  check(r.status == 1 && contains(r.out, "no priority"), "a priority on an exact table is refused", r);
  std::string f = runFrame(name, "dst=10.0.0.2 src=10.0.0.1 proto=udp");
  check(dmac(f) == "0200000000e1", "exact: 10.0.0.2 sets the dst MAC");
  check(smac(f) == "020000000002", "lpm: /24 beats /8");
}

void testTernary(const std::string& name, const std::string& tmp) {
  auto r = cli("table add " + name + " tern_t '10.0.0.0&&&255.0.0.0' _ set_ttl 10 --priority 10");
  check(r.status == 0, "ternary entry with --priority 10", r);
  r = cli("table add " + name + " tern_t 10.0.0.2/32 17 set_ttl 20 --priority 20");
  check(r.status == 0, "ternary entry with --priority 20 (v/len form)", r);
  check(ttl(runFrame(name, "dst=10.0.0.2 proto=udp")) == "14", "priority 20 beats 10 (TTL 20)");
  check(ttl(runFrame(name, "dst=10.9.0.2 proto=udp")) == "0a", "only the 10/8 entry matches 10.9.0.2 (TTL 10)");
  check(ttl(runFrame(name, "dst=11.0.0.2 proto=udp")) == "40", "no entry matches 11.0.0.2: TTL stays 64");

  // runtime_CLI: priority 5 after the params, smallest wins -> a very high P4 priority;
  // nikss-ctl: priority 50 in P4 terms, TCP only.
  writeText(tmp + "/tern.txt",
            "table_add tern_t set_ttl 10.0.0.0&&&255.255.0.0 17 => 30 5\n"
            "table add pipe 1 ingress_tern_t action name set_ttl key 10.0.0.2^255.255.255.255 6 data 40 priority 50\n");
  r = cli("exec " + name + " " + tmp + "/tern.txt --json");
  check(r.status == 0 && parseJsonOutput(r).value("applied", 0) == 2, "exec: runtime_CLI and nikss ternary lines", r);
  check(ttl(runFrame(name, "dst=10.0.0.2 proto=udp")) == "1e", "runtime_CLI priority 5 (BMv2: small wins) beats P4 20");
  check(ttl(runFrame(name, "dst=10.0.0.2 proto=tcp")) == "28", "TCP: nikss priority 50 beats 10");

  auto j = parseJsonOutput(cli("table dump " + name + " tern_t --json"));
  auto entries = j.is_object() ? j.value("entries", nlohmann::json::array()) : nlohmann::json::array();
  bool ordered = entries.size() == 4;
  for (std::size_t i = 1; ordered && i < entries.size(); ++i)
    ordered = entries[i - 1].value("priority", 0u) >= entries[i].value("priority", 0u);
  check(ordered, "dump lists 4 entries, best priority first");
  check(entries.size() == 4 && entries[0]["key"][0] == "10.0.0.0&&&255.255.0.0" &&
            entries[0].value("priority", 0u) == 16777216u - 5 && entries[3]["key"][1] == "_",
        "dump shows value&&&mask, _ and the converted priority");

  r = cli("table add " + name + " tern_t '10.0.0.0&&&255.0.0.0' _ set_ttl 11 --priority 10");
  check(r.status == 1 && contains(r.out, "already exists"), "same keys and priority: refused", r);
  r = cli("table add " + name + " tern_t '10.0.0.0&&&255.0.0.0' _ set_ttl 12 --priority 1");
  check(r.status == 0, "same keys, another priority: a second entry", r);
  r = cli("table get " + name + " tern_t '10.0.0.0&&&255.0.0.0' _");
  check(r.status == 1 && contains(r.out, "--priority"), "get of shared keys asks for the priority", r);
  r = cli("table get " + name + " tern_t '10.0.0.0&&&255.0.0.0' _ --priority 1 --json");
  check(r.status == 0 && parseJsonOutput(r)["params"][0] == "12", "get --priority 1 finds that one", r);
  r = cli("table del " + name + " tern_t '10.0.0.0&&&255.255.0.0' 17");
  check(r.status == 0, "del of the runtime_CLI entry by its keys", r);
  check(ttl(runFrame(name, "dst=10.0.0.2 proto=udp")) == "14", "after the del, priority 20 wins again");
  r = cli("table mod " + name + " tern_t 10.0.0.2/32 17 set_ttl 21 --priority 20");
  check(r.status == 0 && ttl(runFrame(name, "dst=10.0.0.2 proto=udp")) == "15", "mod changes the winner's action", r);
}

void testRange(const std::string& name, const std::string& tmp) {
  writeText(tmp + "/range.txt",
            "table_add range_t set_tos 1->100 10.0.0.0/8 17 => 7 1\n"
            "table_add range_t set_tos 80->80 10.0.0.0/8 17 => 9 2\n");
  auto r = cli("exec " + name + " " + tmp + "/range.txt");
  check(r.status == 0, "exec: runtime_CLI range lines", r);
  check(tos(runFrame(name, "dst=10.0.0.2 proto=udp dport=80")) == "07", "BMv2 priority 1 beats 2 (ToS 7)");
  check(tos(runFrame(name, "dst=10.0.0.2 proto=udp dport=101")) == "00", "port 101 is outside 1..100");
  r = cli("table add " + name + " range_t 80..80 10.0.0.1/32 17 set_tos 11 --priority 16777300");
  check(r.status == 0, "p4wb table add with a range and lpm+exact keys", r);
  check(tos(runFrame(name, "dst=10.0.0.2 src=10.0.0.1 proto=udp dport=80")) == "0b", "P4 priority 16777300 wins");
  check(tos(runFrame(name, "dst=10.0.0.2 src=10.0.0.9 proto=udp dport=80")) == "07", "its /32 misses 10.0.0.9");
  check(tos(runFrame(name, "dst=10.0.0.2 proto=tcp dport=80")) == "00", "the exact protocol must match");
  check(cli("table add " + name + " range_t 200..300 _ 17 set_tos 1 --priority 1").status == 0, "fourth entry");
  r = cli("table add " + name + " range_t 400..500 _ 17 set_tos 1 --priority 1");
  check(r.status == 1 && contains(r.out, "full"), "a fifth entry in a size-4 table: full", r);
  r = cli("table add " + name + " range_t 300..200 _ 17 set_tos 1 --priority 1");
  check(r.status == 1 && contains(r.out, "lo > hi"), "lo > hi is refused", r);
  r = cli("table clear " + name + " range_t");
  check(r.status == 0 && tos(runFrame(name, "dst=10.0.0.2 proto=udp dport=80")) == "00", "clear empties it", r);
}

// A 4096-entry scan verifies like a small one: the loop body is the bpf_loop callback.
void testVerifierSize(const std::string& tmp) {
  std::ifstream in(kData + "/match_kinds.p4");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto at = text.find("size = 4;");
  if (at != std::string::npos) text.replace(at, 9, "size = 4096;");
  writeText(tmp + "/big.p4", text);
  auto r = cli("run " + tmp + "/big.p4 --packet 'dst=10.0.0.2' --json");
  check(r.status == 0 && parseJsonOutput(r).value("verdict", "") == "XDP_PASS", "size 4096: loads and runs", r);
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: match_kinds needs root (BPF programs)\n";
    return 77;
  }
  const std::string name = "mk" + std::to_string(getpid());
  char tmpl[] = "/tmp/p4wb-mk-XXXXXX";
  const std::string tmp = mkdtemp(tmpl) ? tmpl : "/tmp";
  auto load = cli("load " + kData + "/match_kinds.p4 --name " + name);
  check(load.status == 0, "load match_kinds.p4 (no interface)", load);
  if (load.status == 0) {
    testExactLpm(name);
    testTernary(name, tmp);
    testRange(name, tmp);
    testVerifierSize(tmp);
    check(cli("unload " + name).status == 0, "unload");
  }
  runCommand("rm -rf " + tmp);
  return finish();
}
