// p4wb-bench: generated XDP against hand-written C on the same packets and tables.
//
// For each case (cases.cpp): compile the P4 example (with and without stage counters;
// --stage-counters all: with the per-stage placement instead of the edge counters),
// load it and the hand-written baseline (tests/bench/baseline/), write the same table
// entries into both (the baseline uses the P4 program's map layout), then time every
// packet of the mix with BPF_PROG_TEST_RUN, the four programs (p4, p4 without counters,
// C, empty) in a rotating order each round, median over rounds. Net ratio =
// (p4 - empty) / (c - empty).
//
// Each timed run is its own BPF_PROG_TEST_RUN with repeat 1, timed by the kernel, and
// the time of a packet is the mean over `runs` such runs. One test run with repeat N
// would run the program N times on the same buffer, so a program that changes the
// packet would see its own output from the second run on: a router's TTL runs down to
// the drop path, an encapsulated packet is encapsulated again, a pushed VLAN tag is
// found on the next run. The kernel's time covers the run plus two clock reads; the
// empty program has the same overhead, which the net ratio subtracts.
// Also: xlated instruction counts, verifier stack depth, whether outputs are identical.
#include "compiler/driver/driver.h"
#include "runtime/loaded_program.h"
#include "runtime/object_spec.h"
#include "runtime/test_run.h"
#include "tests/bench/cases.h"

#include <bpf/bpf.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace rt = p4wb::runtime;
using p4wb::bench::Bytes;
using p4wb::bench::Case;
using p4wb::bench::die;

namespace {

struct Options {
  unsigned repeat = 200000;  // runs per packet and round
  unsigned rounds = 5;
  bool json = false;
  bool details = false;  // --json-details: also the no-counter and C-side numbers
  bool verbose = false;
  bool perStageCounters = false;  // --stage-counters all: the per-stage placement
  std::vector<std::string> only;
  std::vector<std::string> skip;
};

struct Program {
  std::optional<rt::LoadedProgram> prog;
  unsigned xlatedInsns = 0;
  int stackDepth = -1;
};

template <typename T>
T must(rt::Result<T> r, const std::string& what) {
  if (!r.ok()) die(what + ": " + r.error().render() + "\n" + r.error().detail);
  return std::move(r.value());
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

// With `error`, a program the kernel refuses leaves `prog` empty and says why there.
Program loadObject(const rt::ObjectSpec& spec, const std::string& what, std::string* error = nullptr) {
  rt::LoadOptions lo;
  lo.logLevel = 4;
  Program p;
  auto loaded = rt::LoadedProgram::load(spec, lo);
  if (!loaded.ok() && error) {
    *error = "load " + what + ": " + loaded.error().render();
    return p;
  }
  p.prog.emplace(must(std::move(loaded), "load " + what));
  p.xlatedInsns = xlatedInsns(p.prog->programFd());
  p.stackDepth = stackDepth(p.prog->verifierLog());
  return p;
}

// Empty object and the first diagnostic in `error` when the example does not compile.
p4wb::compiler::CompileResult compileP4(const std::string& path, bool counters, bool perStage,
                                        std::string& error) {
  p4wb::compiler::CompileOptions o;
  o.inputPath = path;
  o.stageCounters = counters;
  o.stageCountersPerStage = perStage;
  o.wantIR = o.wantAsm = false;
  auto r = p4wb::compiler::compile(o);
  if (!r.ok) {
    error = "does not compile";
    for (const auto& x : r.diagnostics)
      if (x.severity == p4wb::compiler::Diagnostic::Severity::Error) {
        error += ": " + x.render();
        break;
      }
    r.object.clear();
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

// Mean kernel-measured ns of `runs` runs, each on a fresh copy of the packet.
double timePacket(int fd, const Bytes& pkt, unsigned runs) {
  std::uint64_t total = 0;
  for (unsigned i = 0; i < runs; ++i) {
    auto r = rt::testRun(fd, pkt, 1);
    if (!r.ok()) die("test run: " + r.error().render());
    total += r->durationNs;
  }
  return double(total) / runs;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

struct Row {
  std::string name;
  std::string error;  // not measured, and why
  double nsP4 = 0, nsP4NoCounters = 0, nsC = 0, nsEmpty = 0;
  unsigned insnsP4 = 0, insnsP4NoCounters = 0, insnsC = 0;
  int stackP4 = -1, stackP4NoCounters = -1, stackC = -1;
  bool sameOutput = true;
};

// Same verdict and bytes for every packet of the mix (generated with and without
// counters against C). Runs before timing, so stateful programs see the same history.
bool sameOutputs(const Case& c, const Program& p4, const Program& p4n, const Program& base,
                 bool verbose) {
  bool same = true;
  for (std::size_t i = 0; i < c.packets.size(); ++i) {
    auto b = must(rt::testRun(base.prog->programFd(), c.packets[i]), "run c");
    for (const Program* p : {&p4, &p4n}) {
      auto a = must(rt::testRun(p->prog->programFd(), c.packets[i]), "run p4");
      if (a.retval == b.retval && a.output == b.output) continue;
      same = false;
      if (verbose)
        std::cerr << c.name << " packet " << i << ": " << rt::xdpVerdictName(a.retval) << " vs C "
                  << rt::xdpVerdictName(b.retval)
                  << (a.output != b.output ? " (bytes differ)" : "") << "\n";
    }
  }
  return same;
}

Row runCase(const Case& c, const Options& opt, const Program& empty) {
  Row row;
  row.name = c.name;
  auto withCounters = compileP4(c.p4, true, opt.perStageCounters, row.error);
  auto without = compileP4(c.p4, false, false, row.error);
  if (!row.error.empty()) {
    row.sameOutput = false;
    return row;
  }
  auto p4 = loadObject(must(rt::ObjectSpec::fromBytes(withCounters.object), "spec"), c.name, &row.error);
  auto p4n = loadObject(must(rt::ObjectSpec::fromBytes(without.object), "spec"), c.name + " (no counters)",
                        &row.error);
  auto cSpec = must(rt::ObjectSpec::fromBytes(readFile(c.baseline), baselineSchema(without.schemaJson)),
                    "baseline spec");
  auto base = loadObject(cSpec, c.baseline, &row.error);
  if (!row.error.empty()) {
    row.sameOutput = false;
    return row;
  }
  for (auto* p : {&p4, &p4n, &base}) c.fill(*p->prog);
  row.sameOutput = sameOutputs(c, p4, p4n, base, opt.verbose);

  const Program* progs[4] = {&p4, &p4n, &base, &empty};
  std::vector<double> samples[4];
  // -v: per packet (in mix order) the median over rounds of each program's ns, to see
  // which path a difference comes from.
  std::vector<std::vector<double>> perPacket[4];
  for (auto& v : perPacket) v.resize(c.packets.size());
  for (unsigned r = 0; r < opt.rounds; ++r) {
    double t[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < c.packets.size(); ++i)
      for (unsigned k = 0; k < 4; ++k) {
        // Rotate the order each round so no program always runs first on a cold cache.
        unsigned which = (k + r) % 4;
        double ns = timePacket(progs[which]->prog->programFd(), c.packets[i], opt.repeat);
        t[which] += ns;
        perPacket[which][i].push_back(ns);
      }
    for (unsigned k = 0; k < 4; ++k) samples[k].push_back(t[k] / double(c.packets.size()));
  }
  if (opt.verbose)
    for (std::size_t i = 0; i < c.packets.size(); ++i)
      std::fprintf(stderr, "%s packet %zu: p4 %.2f, p4 no counters %.2f, C %.2f, empty %.2f ns\n",
                   c.name.c_str(), i, median(perPacket[0][i]), median(perPacket[1][i]),
                   median(perPacket[2][i]), median(perPacket[3][i]));
  row.nsP4 = median(samples[0]);
  row.nsP4NoCounters = median(samples[1]);
  row.nsC = median(samples[2]);
  row.nsEmpty = median(samples[3]);
  row.insnsP4 = p4.xlatedInsns;
  row.insnsP4NoCounters = p4n.xlatedInsns;
  row.insnsC = base.xlatedInsns;
  row.stackP4 = p4.stackDepth;
  row.stackP4NoCounters = p4n.stackDepth;
  row.stackC = base.stackDepth;
  return row;
}

double netRatio(double a, double b, double e) { return (b - e) > 0 ? (a - e) / (b - e) : 0; }

nlohmann::json toJson(const Row& r, bool details) {
  if (!r.error.empty()) return {{"name", r.name}, {"error", r.error}, {"same_output", false}};
  nlohmann::json j = {{"name", r.name}, {"ns_p4", r.nsP4}, {"ns_c", r.nsC}, {"ns_empty", r.nsEmpty},
                      {"ratio", netRatio(r.nsP4, r.nsC, r.nsEmpty)},
                      {"insns_p4", r.insnsP4}, {"insns_c", r.insnsC},
                      {"stack_p4", r.stackP4}, {"same_output", r.sameOutput}};
  if (details) {
    j["stack_c"] = r.stackC;
    j["ns_p4_no_counters"] = r.nsP4NoCounters;
    j["ratio_no_counters"] = netRatio(r.nsP4NoCounters, r.nsC, r.nsEmpty);
    j["insns_p4_no_counters"] = r.insnsP4NoCounters;
    j["stack_p4_no_counters"] = r.stackP4NoCounters;
    j["counter_cost"] = netRatio(r.nsP4, r.nsP4NoCounters, r.nsEmpty) - 1.0;
  }
  return j;
}

void printTable(const std::vector<Row>& rows, const Options& opt) {
  std::printf("%-14s %7s %7s %7s %6s %6s %7s %6s %6s %6s %5s %4s %7s %5s\n", "example", "ns_p4",
              "ns_c", "ns_emp", "ratio", "ns_nc", "rat_nc", "ins_p4", "ins_nc", "ins_c", "i_rat",
              "stk", "cnt", "same");
  for (const Row& r : rows)
    if (!r.error.empty()) std::printf("%-14s not measured: %s\n", r.name.c_str(), r.error.c_str());
    else std::printf("%-14s %7.2f %7.2f %7.2f %6.3f %6.2f %7.3f %6u %6u %6u %5.2f %4d %6.1f%% %5s\n",
                r.name.c_str(), r.nsP4, r.nsC, r.nsEmpty, netRatio(r.nsP4, r.nsC, r.nsEmpty),
                r.nsP4NoCounters, netRatio(r.nsP4NoCounters, r.nsC, r.nsEmpty), r.insnsP4,
                r.insnsP4NoCounters, r.insnsC, r.insnsC ? double(r.insnsP4) / r.insnsC : 0.0,
                r.stackP4, 100.0 * (netRatio(r.nsP4, r.nsP4NoCounters, r.nsEmpty) - 1.0),
                r.sameOutput ? "yes" : "NO");
  std::printf("(%u runs per packet and round, %u rounds, median; ns per packet. ratio: net of the empty\n"
              " program; _nc: generated without stage counters; i_rat: ins_p4 / ins_c; stk: stack_p4;\n"
              " cnt: net cost of the stage counters)\n",
              opt.repeat, opt.rounds);
}

Options parseArgs(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") opt.json = true;
    else if (a == "--json-details") opt.json = opt.details = true;
    else if (a == "-v" || a == "--verbose") opt.verbose = true;
    else if ((a == "--runs" || a == "--repeat") && i + 1 < argc) opt.repeat = unsigned(std::stoul(argv[++i]));
    else if (a == "--rounds" && i + 1 < argc) opt.rounds = unsigned(std::stoul(argv[++i]));
    else if (a == "--only" && i + 1 < argc) opt.only.push_back(argv[++i]);
    else if (a == "--skip" && i + 1 < argc) opt.skip.push_back(argv[++i]);
    else if (a == "--stage-counters" && i + 1 < argc) opt.perStageCounters = std::string(argv[++i]) == "all";
    else {
      std::cerr << "usage: p4wb-bench [--json | --json-details] [--runs N] [--rounds N] "
                   "[--only EXAMPLE]... [--skip EXAMPLE]... [--stage-counters edges|all] [-v]\n";
      std::exit(a == "--help" || a == "-h" ? 0 : 2);
    }
  }
  return opt;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt = parseArgs(argc, argv);
  if (geteuid() != 0) {
    std::cout << "SKIP: p4wb-bench needs root (BPF_PROG_TEST_RUN)\n";
    return 77;
  }
  auto empty = loadObject(must(rt::ObjectSpec::fromBytes(readFile(P4WB_BASELINE_DIR "/empty.o"),
                                                         std::string(R"({"schema_version":1,"program":{"source":"empty.c","arch":"xdp","hooks":["xdp"],"sections":{"xdp":"xdp"}},"stage_counters":null,"tables":[],"stages":[],"externs":[]})")),
                               "empty spec"),
                          "empty.o");
  std::vector<Row> rows;
  for (const Case& c : p4wb::bench::allCases()) {
    if (!opt.only.empty() && std::find(opt.only.begin(), opt.only.end(), c.name) == opt.only.end())
      continue;
    if (std::find(opt.skip.begin(), opt.skip.end(), c.name) != opt.skip.end()) continue;
    rows.push_back(runCase(c, opt, empty));
    if (opt.verbose) std::cerr << c.name << " done\n";
  }
  bool allSame = true;
  nlohmann::json out = nlohmann::json::array();
  for (const Row& r : rows) {
    allSame = allSame && r.sameOutput;
    out.push_back(toJson(r, opt.details));
  }
  if (opt.json) std::cout << out.dump(2) << "\n";
  else printTable(rows, opt);
  return allSame ? 0 : 1;
}
