// p4wb-bench: generated XDP against hand-written C on the same packets and tables.
//
// For each case: compile the P4 example (with and without stage counters), load it and
// the hand-written baseline (tests/bench/baseline/), write the same table entries into
// both (the baseline uses the P4 program's map layout), then time every packet of the
// mix with BPF_PROG_TEST_RUN (repeat R, wall clock around the syscall / R), alternating
// the programs in each round, median over rounds. Net ratio = (p4 - empty) / (c - empty).
// Also: xlated instruction counts, verifier stack depth, whether outputs are identical.
#include "compiler/driver/driver.h"
#include "runtime/loaded_program.h"
#include "runtime/object_spec.h"
#include "runtime/table.h"
#include "runtime/test_run.h"

#include <bpf/bpf.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace rt = p4wb::runtime;
using Bytes = std::vector<std::uint8_t>;

namespace {

struct Options {
  unsigned repeat = 1000000;
  unsigned rounds = 5;
  bool json = false;
  bool verbose = false;
};

struct Program {
  std::optional<rt::LoadedProgram> prog;
  unsigned xlatedInsns = 0;
  int stackDepth = -1;
};

[[noreturn]] void die(const std::string& what) {
  std::cerr << "p4wb-bench: " << what << "\n";
  std::exit(1);
}

template <typename T>
T must(rt::Result<T> r, const std::string& what) {
  if (!r.ok()) die(what + ": " + r.error().render() + "\n" + r.error().detail);
  return std::move(r.value());
}
void must(const rt::Status& s, const std::string& what) {
  if (!s.ok()) die(what + ": " + s.error().render());
}

unsigned xlatedInsns(int fd) {
  bpf_prog_info info{};
  __u32 len = sizeof info;
  if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0) return 0;
  return info.xlated_prog_len / 8;
}

// "stack depth 24" (or "24+0" with subprograms) from a stats-level verifier log.
int stackDepth(const std::string& log) {
  std::smatch m;
  static const std::regex re("stack depth ([0-9+]+)");
  if (!std::regex_search(log, m, re)) return -1;
  int total = 0;
  std::string s = m[1];
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t plus = s.find('+', pos);
    total += std::stoi(s.substr(pos, plus - pos));
    pos = plus == std::string::npos ? s.size() : plus + 1;
  }
  return total;
}

Program loadObject(const rt::ObjectSpec& spec, const std::string& what) {
  rt::LoadOptions lo;
  lo.logLevel = 4;
  Program p;
  p.prog.emplace(must(rt::LoadedProgram::load(spec, lo), "load " + what));
  p.xlatedInsns = xlatedInsns(p.prog->programFd());
  p.stackDepth = stackDepth(p.prog->verifierLog());
  return p;
}

p4wb::compiler::CompileResult compileP4(const std::string& path, bool counters) {
  p4wb::compiler::CompileOptions o;
  o.inputPath = path;
  o.stageCounters = counters;
  o.wantIR = o.wantAsm = false;
  auto r = p4wb::compiler::compile(o);
  if (!r.ok) {
    std::string d;
    for (const auto& x : r.diagnostics) d += x.render() + "\n";
    die("compile " + path + " failed:\n" + d);
  }
  return r;
}

Bytes readFile(const std::string& path) { return must(rt::readFileBytes(path), "read " + path); }

// The baseline has the P4 program's tables but no stage counters.
std::string baselineSchema(const std::string& p4Schema) {
  auto j = nlohmann::json::parse(p4Schema);
  j["stage_counters"] = nullptr;
  j["stages"] = nlohmann::json::array();
  j["program"]["sections"] = {{"xdp", "xdp"}};
  return j.dump();
}

double timePacket(int fd, const Bytes& pkt, unsigned repeat) {
  auto t0 = std::chrono::steady_clock::now();
  auto r = rt::testRun(fd, pkt, repeat);
  auto t1 = std::chrono::steady_clock::now();
  if (!r.ok()) die("test run: " + r.error().render());
  return std::chrono::duration<double, std::nano>(t1 - t0).count() / repeat;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// ---- the cases ---------------------------------------------------------------------

struct Case {
  std::string name;
  std::string p4;        // P4 source
  std::string baseline;  // hand-written object
  std::function<void(const rt::LoadedProgram&)> fill;  // table contents
  std::vector<Bytes> packets;  // the mix, equally weighted
};

Bytes ipv4Frame(std::uint32_t dst, std::uint16_t etherType = 0x0800) {
  Bytes f = {0x02, 0, 0, 0, 0, 0x10, 0x02, 0, 0, 0, 0, 0x20,
             std::uint8_t(etherType >> 8), std::uint8_t(etherType),
             0x45, 0, 0, 46, 0x12, 0x34, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1,
             std::uint8_t(dst >> 24), std::uint8_t(dst >> 16), std::uint8_t(dst >> 8),
             std::uint8_t(dst)};
  f.resize(60, 0xab);
  return f;
}

std::string ipText(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

Case basicFwd() {
  Case c;
  c.name = "basic_fwd";
  c.p4 = P4WB_EXAMPLES "/basic_fwd.p4";
  c.baseline = P4WB_BASELINE_DIR "/basic_fwd.o";
  // 1000 entries: 900 forward, 100 drop (10.1.0.0 + i).
  c.fill = [](const rt::LoadedProgram& p) {
    for (std::uint32_t i = 0; i < 1000; ++i) {
      std::uint32_t a = (10u << 24) | (1u << 16) | i;
      if (i % 10 == 9)
        must(rt::addEntry(p, "ipv4_fwd", {ipText(a)}, "drop", {}), "add");
      else
        must(rt::addEntry(p, "ipv4_fwd", {ipText(a)}, "forward",
                          {"02:00:00:00:01:" + std::to_string(10 + i % 80),
                           "02:00:00:00:02:01"}),
             "add");
    }
  };
  const std::uint32_t base = (10u << 24) | (1u << 16);
  c.packets = {ipv4Frame(base + 5), ipv4Frame(base + 500), ipv4Frame(base + 9),
               ipv4Frame(base + 4000), ipv4Frame(0, 0x86dd)};
  return c;
}

struct Row {
  std::string name;
  double nsP4 = 0, nsP4NoCounters = 0, nsC = 0, nsEmpty = 0;
  unsigned insnsP4 = 0, insnsP4NoCounters = 0, insnsC = 0;
  int stackP4 = -1, stackC = -1;
  bool sameOutput = true;
};

Row runCase(const Case& c, const Options& opt, const Program& empty) {
  Row row;
  row.name = c.name;
  auto withCounters = compileP4(c.p4, true);
  auto without = compileP4(c.p4, false);
  auto p4 = loadObject(must(rt::ObjectSpec::fromBytes(withCounters.object), "spec"), c.name);
  auto p4n = loadObject(must(rt::ObjectSpec::fromBytes(without.object), "spec"), c.name + " (no counters)");
  auto cSpec = must(rt::ObjectSpec::fromBytes(readFile(c.baseline), baselineSchema(without.schemaJson)),
                    "baseline spec");
  auto base = loadObject(cSpec, c.baseline);
  for (auto* p : {&p4, &p4n, &base}) c.fill(*p->prog);

  // Same verdict and bytes for every packet of the mix.
  for (const auto& pkt : c.packets) {
    auto a = must(rt::testRun(p4.prog->programFd(), pkt), "run p4");
    auto b = must(rt::testRun(base.prog->programFd(), pkt), "run c");
    if (a.retval != b.retval || a.output != b.output) {
      row.sameOutput = false;
      if (opt.verbose)
        std::cerr << c.name << ": outputs differ: " << rt::xdpVerdictName(a.retval) << " vs "
                  << rt::xdpVerdictName(b.retval) << "\n";
    }
  }

  std::vector<double> sP4, sP4n, sC, sE;
  for (unsigned r = 0; r < opt.rounds; ++r) {
    double tP4 = 0, tP4n = 0, tC = 0, tE = 0;
    for (const auto& pkt : c.packets) {
      // Alternate the order each round so neither side always runs on a warm cache.
      if (r % 2 == 0) {
        tP4 += timePacket(p4.prog->programFd(), pkt, opt.repeat);
        tC += timePacket(base.prog->programFd(), pkt, opt.repeat);
      } else {
        tC += timePacket(base.prog->programFd(), pkt, opt.repeat);
        tP4 += timePacket(p4.prog->programFd(), pkt, opt.repeat);
      }
      tP4n += timePacket(p4n.prog->programFd(), pkt, opt.repeat);
      tE += timePacket(empty.prog->programFd(), pkt, opt.repeat);
    }
    const double n = double(c.packets.size());
    sP4.push_back(tP4 / n);
    sP4n.push_back(tP4n / n);
    sC.push_back(tC / n);
    sE.push_back(tE / n);
  }
  row.nsP4 = median(sP4);
  row.nsP4NoCounters = median(sP4n);
  row.nsC = median(sC);
  row.nsEmpty = median(sE);
  row.insnsP4 = p4.xlatedInsns;
  row.insnsP4NoCounters = p4n.xlatedInsns;
  row.insnsC = base.xlatedInsns;
  row.stackP4 = p4.stackDepth;
  row.stackC = base.stackDepth;
  return row;
}

double netRatio(double a, double b, double e) {
  return (b - e) > 0 ? (a - e) / (b - e) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") opt.json = true;
    else if (a == "-v" || a == "--verbose") opt.verbose = true;
    else if (a == "--repeat" && i + 1 < argc) opt.repeat = unsigned(std::stoul(argv[++i]));
    else if (a == "--rounds" && i + 1 < argc) opt.rounds = unsigned(std::stoul(argv[++i]));
    else {
      std::cerr << "usage: p4wb-bench [--json] [--repeat N] [--rounds N] [-v]\n";
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }
  if (geteuid() != 0) {
    std::cout << "SKIP: p4wb-bench needs root (BPF_PROG_TEST_RUN)\n";
    return 77;
  }
  auto empty = loadObject(must(rt::ObjectSpec::fromBytes(readFile(P4WB_BASELINE_DIR "/empty.o"),
                                                         std::string(R"({"schema_version":1,"program":{"source":"empty.c","arch":"xdp","hooks":["xdp"],"sections":{"xdp":"xdp"}},"stage_counters":null,"tables":[],"stages":[],"externs":[]})")),
                               "empty spec"),
                          "empty.o");
  std::vector<Row> rows;
  for (const auto& c : {basicFwd()}) rows.push_back(runCase(c, opt, empty));

  bool allSame = true;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    allSame = allSame && r.sameOutput;
    out.push_back({{"name", r.name}, {"ns_p4", r.nsP4}, {"ns_c", r.nsC}, {"ns_empty", r.nsEmpty},
                   {"ratio", netRatio(r.nsP4, r.nsC, r.nsEmpty)},
                   {"insns_p4", r.insnsP4}, {"insns_c", r.insnsC},
                   {"stack_p4", r.stackP4}, {"stack_c", r.stackC},
                   {"same_output", r.sameOutput},
                   {"ns_p4_no_counters", r.nsP4NoCounters},
                   {"insns_p4_no_counters", r.insnsP4NoCounters},
                   {"counter_cost", netRatio(r.nsP4, r.nsP4NoCounters, r.nsEmpty) - 1.0}});
  }
  if (opt.json) {
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("%-12s %8s %8s %8s %7s %6s %6s %6s %6s %6s %6s %9s %5s\n", "example", "ns_p4",
                "ns_c", "ns_empty", "ratio", "ins_p4", "ins_nc", "ins_c", "i_rat", "stk_p4", "stk_c",
                "cnt_cost", "same");
    for (const auto& j : out)
      std::printf("%-12s %8.2f %8.2f %8.2f %7.3f %6u %6u %6u %6.2f %6d %6d %8.1f%% %5s\n",
                  j["name"].get<std::string>().c_str(), j["ns_p4"].get<double>(),
                  j["ns_c"].get<double>(), j["ns_empty"].get<double>(), j["ratio"].get<double>(),
                  j["insns_p4"].get<unsigned>(), j["insns_p4_no_counters"].get<unsigned>(),
                  j["insns_c"].get<unsigned>(),
                  j["insns_c"].get<unsigned>() ? double(j["insns_p4"].get<unsigned>()) / j["insns_c"].get<unsigned>() : 0.0,
                  j["stack_p4"].get<int>(), j["stack_c"].get<int>(),
                  100.0 * j["counter_cost"].get<double>(), j["same_output"].get<bool>() ? "yes" : "NO");
    std::printf("(%u repetitions per packet, %u rounds, median; ns per packet; ratio is net of the\n"
                " empty program; ins_nc: generated without stage counters; i_rat: ins_p4 / ins_c)\n",
                opt.repeat, opt.rounds);
  }
  return allSame ? 0 : 1;
}
