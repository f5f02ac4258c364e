// Extern state through the CLI: tests/kernel/data/externs_state.p4 is loaded onto a veth
// in a namespace of its own, real frames (send on the peer) and test runs go through it,
// then its counters, registers and flows are read, written, deleted and reset with
// `p4wb counter|register|flows` and with runtime_CLI lines (`p4wb exec`); the backend
// the program picked with p4wb_hash is compared with FNV-1a computed here, as a C
// baseline would; bpftool shows the BTF field names.
#include "tests/kernel/lab_fixture.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

using namespace p4wb::tests;

namespace {

const std::string kP4wb = P4WB_BIN;
const std::string kProgram = std::string(P4WB_TEST_DATA) + "/externs_state.p4";

nlohmann::json json(const std::string& args) { return parseJsonOutput(cli(args + " --json")); }
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::uint32_t fnv1a(const std::vector<std::uint8_t>& bytes) {
  std::uint32_t h = 0x811c9dc5u;
  for (std::uint8_t b : bytes) h = (h ^ b) * 0x01000193u;
  return h;
}

// entries[i].value.<field> of a --json read, -1 when absent.
long long valueOf(const nlohmann::json& j, std::size_t i, const std::string& field) {
  if (!j.is_object() || !j.contains("entries") || j["entries"].size() <= i) return -1;
  const auto& v = j["entries"][i]["value"];
  return v.contains(field) && v[field].is_number() ? v[field].get<long long>() : -1;
}

std::size_t entries(const nlohmann::json& j) {
  return j.is_object() && j.contains("entries") ? j["entries"].size() : ~std::size_t{0};
}

void testCounters(const std::string& name) {
  check(valueOf(json("counter read " + name + " proto_count 17"), 0, "count") == 3 &&
            valueOf(json("counter read " + name + " c.proto_count 6"), 0, "count") == 2,
        "counter read: 3 UDP frames from the wire, 2 TCP test runs", cli("counter read " + name + " proto_count"));
  check(entries(json("counter read " + name + " proto_count")) == 2 &&
            entries(json("counter read " + name + " proto_count --all")) == 256,
        "counter read without INDEX: the 2 non-zero counters; --all: all 256", cli("externs " + name));
  auto sparse = json("counter read " + name + " src_count");
  check(entries(sparse) == 1 && sparse["entries"][0]["key"]["index"] == 167772161u &&
            valueOf(sparse, 0, "count") == 5,
        "sparse counter: one entry, index 10.0.0.1 as u32, count 5", cli("counter read " + name + " src_count"));
  check(valueOf(json("counter read " + name + " src_count 7"), 0, "count") == 0,
        "sparse counter never counted reads 0", cli("counter read " + name + " src_count 7"));
}

void testRegisters(const std::string& name) {
  check(valueOf(json("register read " + name + " last_len 1"), 0, "value") == 28 &&
            valueOf(json("register read " + name + " last_len 2"), 0, "value") == 40,
        "register written by the data plane: UDP (17&3=1) len 28, TCP (6&3=2) len 40",
        cli("register read " + name + " last_len --all"));
  auto r = cli("register read " + name + " last_len");
  check(r.status == 0 && contains(r.out, "c.last_len[1] = 28") && contains(r.out, "c.last_len[2] = 40"),
        "register read text: the non-zero slots as NAME[i] = v", r);
  check(cli("register write " + name + " mark 0 0x1234").status == 0, "register write mark[0] = 0x1234",
        cli("register write " + name + " mark 0 0x1234"));
  auto run = parseJsonOutput(cli("run " + name + " --packet 'dst=10.0.0.2 proto=udp' --json"));
  std::string out = run.is_object() ? run.value("output", "") : "";
  check(contains(out, "0800 4500 001c 1234") || contains(out, "08004500001c1234") ||
            contains(out, "08 00 45 00 00 1c 12 34"),
        "the data plane reads the value the CLI wrote (ip.id = mark[0])", CommandResult{0, run.dump()});
  r = cli("register read " + name + " mark 9");
  check(r.status == 1 && contains(r.out, "out of range"), "register index 9 of 4: out of range", r);
  r = cli("counter read " + name + " mark 0");
  check(r.status == 1 && contains(r.out, "not a counter"), "a register named as counter: refused", r);
  r = cli("counter reset " + name + " proto_count 6");
  check(r.status == 0 && valueOf(json("counter read " + name + " proto_count 6"), 0, "count") == 0 &&
            valueOf(json("counter read " + name + " proto_count 17"), 0, "count") == 4,
        "counter reset of one index leaves the others", r);
}

void testFlows(const std::string& name) {
  auto dump = json("flows dump " + name + " flows");
  check(entries(dump) == 2, "flows dump: the UDP and the TCP flow", cli("flows dump " + name + " flows"));
  const std::vector<std::uint8_t> udpKey = {10, 0, 0, 1, 10, 0, 0, 2, 17, 0x04, 0xd2, 0, 80};
  auto udp = json("flows get " + name + " flows 10.0.0.1 10.0.0.2 17 1234 80");
  check(valueOf(udp, 0, "packets") == 4 && valueOf(udp, 0, "backend") == static_cast<long long>(fnv1a(udpKey) & 3),
        "flows get: 4 packets, backend = FNV-1a of the packed 5-tuple & 3 (same as C)",
        cli("flows get " + name + " flows 10.0.0.1 10.0.0.2 17 1234 80"));
  auto r = cli("flows put " + name + " flows 10.0.0.9 10.0.0.2 6 1 2 '=>' 7 3");
  check(r.status == 0 && valueOf(json("flows get " + name + " flows 10.0.0.9 10.0.0.2 6 1 2"), 0, "packets") == 7,
        "flows put then get", r);
  r = cli("flows dump " + name + " flows");
  check(contains(r.out, "{src=10.0.0.9, dst=10.0.0.2, proto=6, sport=1, dport=2} => {packets=7, backend=3}"),
        "flows dump text names the fields", r);
  auto bpf = runCommand("bpftool map dump name c_flows 2>&1");
  check(contains(bpf.out, "\"sport\"") && contains(bpf.out, "\"packets\""),
        "bpftool map dump shows the BTF field names", bpf);
  check(cli("flows del " + name + " flows 10.0.0.9 10.0.0.2 6 1 2").status == 0 &&
            cli("flows get " + name + " flows 10.0.0.9 10.0.0.2 6 1 2").status == 1,
        "flows del: the flow is gone", cli("flows dump " + name + " flows"));
  r = cli("flows clear " + name + " flows");
  check(r.status == 0 && contains(r.out, "deleted 2") && entries(json("flows dump " + name + " flows")) == 0,
        "flows clear deletes the remaining 2", r);
}

void testScript(const std::string& name, const std::string& tmp) {
  std::ofstream(tmp + "/ext.txt") << "counter_read proto_count 17\n"
                                     "register_write mark 1 99\n"
                                     "register_read mark 1\n"
                                     "counter_reset proto_count\n"
                                     "register_reset last_len\n";
  auto r = cli("exec " + name + " " + tmp + "/ext.txt --json");
  auto j = parseJsonOutput(r);
  bool reads = j.is_object() && j["dumps"].size() == 2 && j["dumps"][0]["entries"][0]["params"][0] == "4" &&
               j["dumps"][1]["entries"][0]["params"][0] == "99";
  check(r.status == 0 && reads, "exec: counter_read 17 -> 4, register_write + register_read -> 99", r);
  check(entries(json("counter read " + name + " proto_count")) == 0 &&
            entries(json("register read " + name + " last_len")) == 0,
        "exec: counter_reset and register_reset zeroed everything", cli("counter read " + name + " proto_count"));
  std::ofstream(tmp + "/bad.txt") << "register_write mark 2 5\nregister_write mark 0 70000\n";
  r = cli("exec " + name + " " + tmp + "/bad.txt");
  check(r.status == 1 && contains(r.out, "bad.txt:2:") &&
            valueOf(json("register read " + name + " mark 2"), 0, "value") == 0,
        "exec: a value too wide for bit<16> on line 2, line 1 not written", r);
  r = cli("register reset " + name + " mark");
  check(r.status == 0 && entries(json("register read " + name + " mark")) == 0, "register reset", r);
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: cli_externs needs root (network namespaces, XDP)\n";
    return 77;
  }
  const std::string name = "ext" + std::to_string(getpid());
  char tmpl[] = "/tmp/p4wb-ext-XXXXXX";
  const std::string tmp = mkdtemp(tmpl) ? tmpl : "/tmp";
  {
    VethLab lab("ext");
    lab.onTeardown("rm -rf " + tmp);
    lab.onTeardown(kP4wb + " unload " + name);
    p4wb::tests::check(lab.ok(), "veth lab in its own namespace");
    if (!lab.ok()) return finish();
    auto load = cli("load " + kProgram + " --dev " + lab.dev() + " --netns " + lab.netns() + " --name " + name);
    check(load.status == 0, "load externs_state.p4 onto " + lab.dev(), load);
    if (load.status != 0) return finish();
    auto ext = json("externs " + name);
    check(ext.is_array() && ext.size() == 5, "externs lists 2 counters, 2 registers, 1 flow table",
          cli("externs " + name));
    auto send = cli("send --dev " + lab.peer() + " --netns " + lab.netns() +
                    " --packet 'dst=10.0.0.2 proto=udp' --count 3");
    check(send.status == 0, "3 UDP frames sent on the peer", send);
    for (int i = 0; i < 50 && valueOf(json("counter read " + name + " proto_count 17"), 0, "count") < 3; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (int i = 0; i < 2; ++i) cli("run " + name + " --packet 'dst=10.0.0.2 proto=tcp'");
    testCounters(name);
    testRegisters(name);
    testFlows(name);
    testScript(name, tmp);
  }
  return finish();
}
