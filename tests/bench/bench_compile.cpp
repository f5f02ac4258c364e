// p4wb-bench-compile: how long `p4wb compile` takes (the library call it makes, no IR or
// listing text, stage counters on) on every example of resources/examples and on a
// generated ~500-line xdp program, median of N runs, with the time split by stage
// (CompileResult::stageTimes). `--listing` also times the annotated listing the GUI
// asks for. Prints a table, or JSON with --json.
#include <algorithm>
#include <ctime>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/driver.h"

namespace fs = std::filesystem;
using p4wb::compiler::CompileResult;

namespace {

// An xdp program with `blocks` tables in the ingress control, each with two actions and
// a guarded apply: 13 lines per block plus ~60 lines of headers, parser and deparser.
std::string generateXdpProgram(int blocks) {
  std::ostringstream o;
  o << "#include <core.p4>\n#include <xdp_model.p4>\n"
    << "header eth_t { bit<48> dst; bit<48> src; bit<16> type; }\n"
    << "header ip_t {\n  bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len;\n"
    << "  bit<16> id; bit<3> flags; bit<13> frag;\n  bit<8> ttl; bit<8> proto; bit<16> csum;\n"
    << "  bit<32> src; bit<32> dst;\n}\n"
    << "header udp_t { bit<16> sport; bit<16> dport; bit<16> len; bit<16> csum; }\n"
    << "struct hdrs_t { eth_t eth; ip_t ip; udp_t udp; }\n"
    << "parser prs(packet_in pkt, out hdrs_t h) {\n"
    << "  state start {\n    pkt.extract(h.eth);\n"
    << "    transition select(h.eth.type) { 0x0800: ip; default: accept; }\n  }\n"
    << "  state ip {\n    pkt.extract(h.ip);\n"
    << "    transition select(h.ip.proto) { 17: udp; default: accept; }\n  }\n"
    << "  state udp {\n    pkt.extract(h.udp);\n    transition accept;\n  }\n}\n"
    << "control ingress(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {\n";
  for (int i = 0; i < blocks; ++i) {
    o << "  action mark" << i << "(bit<8> tos, bit<16> port) {\n"
      << "    h.ip.tos = tos;\n    h.udp.dport = port + " << i << ";\n  }\n"
      << "  action drop" << i << "() { xout.output_action = xdp_action.XDP_DROP; }\n"
      << "  table t" << i << " {\n"
      << "    key = { h.ip.src : exact; h.udp.dport : exact; }\n"
      << "    actions = { mark" << i << "; drop" << i << "; NoAction; }\n"
      << "    default_action = NoAction();\n    size = " << 64 + i << ";\n  }\n";
  }
  o << "  apply {\n    xout.output_action = xdp_action.XDP_PASS;\n"
    << "    if (h.udp.isValid()) {\n";
  for (int i = 0; i < blocks; ++i)
    o << "      if (h.ip.ttl != " << i << ") { t" << i << ".apply(); }\n";
  o << "    }\n  }\n}\n"
    << "control dprs(in hdrs_t h, packet_out pkt) {\n"
    << "  apply { pkt.emit(h.eth); pkt.emit(h.ip); pkt.emit(h.udp); }\n}\n"
    << "xdp(prs(), ingress(), dprs()) main;\n";
  return o.str();
}

struct Input {
  std::string name, path, text;
};

struct Timing {
  std::string name;
  std::string error;  // first error when the program does not compile
  std::size_t lines = 0;
  double total = 0, cpu = 0, frontEnd = 0, lower = 0, optimize = 0, codegen = 0, listing = 0;
};

// CPU time of this thread: what the compile costs without the other processes' share.
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

bool timeInput(const Input& in, int runs, bool listing, Timing& t) {
  std::vector<double> total, cpu, fe, lo, op, cg, li;
  for (int i = 0; i < runs; ++i) {
    p4wb::compiler::CompileOptions o;
    o.inputPath = in.path;
    o.inputText = in.text;
    o.wantIR = false;
    o.wantAsm = listing;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = threadCpuMs();
    CompileResult r = p4wb::compiler::compile(o);
    cpu.push_back(threadCpuMs() - c0);
    total.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!r.ok) {
      t.name = in.name;
      t.error = r.diagnostics.empty() ? "compile failed" : r.diagnostics.front().render();
      return false;
    }
    fe.push_back(r.stageTimes.frontEndMs);
    lo.push_back(r.stageTimes.lowerMs);
    op.push_back(r.stageTimes.optimizeMs);
    cg.push_back(r.stageTimes.codegenMs);
    li.push_back(r.stageTimes.listingMs);
  }
  t.name = in.name;
  t.lines = std::size_t(std::count(in.text.begin(), in.text.end(), '\n'));
  t.total = median(total);
  t.cpu = median(cpu);
  t.frontEnd = median(fe);
  t.lower = median(lo);
  t.optimize = median(op);
  t.codegen = median(cg);
  t.listing = median(li);
  return true;
}

std::vector<Input> inputs() {
  std::vector<Input> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(P4WB_EXAMPLES))
    if (e.path().extension() == ".p4") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream f(p);
    out.push_back({p.stem().string(), p.string(), std::string((std::istreambuf_iterator<char>(f)), {})});
  }
  out.push_back({"generated_500", "generated_500.p4", generateXdpProgram(39)});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 21;
  bool json = false, listing = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") json = true;
    else if (a == "--listing") listing = true;
    else if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--print-generated") {
      std::cout << generateXdpProgram(39);
      return 0;
    } else {
      std::cerr << "usage: p4wb-bench-compile [--runs N] [--listing] [--json] [--print-generated]\n";
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }
  std::vector<Timing> rows;
  bool allOk = true;
  for (const Input& in : inputs()) {
    Timing t;
    allOk = timeInput(in, runs, listing, t) && allOk;
    rows.push_back(t);
  }
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Timing& t : rows)
      if (!t.error.empty()) out.push_back({{"name", t.name}, {"error", t.error}});
      else out.push_back({{"name", t.name}, {"lines", t.lines}, {"total_ms", t.total}, {"cpu_ms", t.cpu},
                     {"front_end_ms", t.frontEnd}, {"lower_ms", t.lower},
                     {"optimize_ms", t.optimize}, {"codegen_ms", t.codegen},
                     {"listing_ms", t.listing}});
    std::cout << out.dump(2) << "\n";
    return allOk ? 0 : 1;
  }
  std::printf("%-16s %6s %9s %9s %9s %9s %9s %9s %9s\n", "program", "lines", "total", "cpu", "front", "lower",
              "llvm_opt", "codegen", "listing");
  for (const Timing& t : rows)
    if (!t.error.empty()) std::printf("%-16s does not compile: %s\n", t.name.c_str(), t.error.c_str());
    else std::printf("%-16s %6zu %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f\n", t.name.c_str(), t.lines, t.total, t.cpu,
                t.frontEnd, t.lower, t.optimize, t.codegen, t.listing);
  std::printf("(ms, median of %d runs; total: wall time of the whole compile() call%s; cpu: its\n"
              " thread's CPU time; the stages are wall time)\n", runs,
              listing ? ", with the annotated listing" : ", no listing");
  return allOk ? 0 : 1;
}
