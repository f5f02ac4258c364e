// p4wb-bench-frontend: front-end speed. (1) preprocess+parse+check of a generated
// ~1,000-line program, median of N runs in ms; (2) lines/second over every .p4 file of
// a corpus directory (includes not counted). Prints one "name: value" line per number.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/sema/frontend.h"

namespace {

using Clock = std::chrono::steady_clock;

// A program of `blocks` controls, each with a header, actions, a table and an apply
// body: ~20 lines per block plus the architecture boilerplate.
std::string generateProgram(int blocks) {
  std::ostringstream o;
  o << "#include <core.p4>\ncontrol Check();\npackage Test(Check c);\n";
  for (int i = 0; i < blocks; ++i) {
    o << "header h" << i << "_t { bit<8> a; bit<16> b; bit<32> c; }\n"
      << "control C" << i << "() {\n  h" << i << "_t h;\n  bit<32> acc = 0;\n"
      << "  action set(bit<32> v) { acc = v; h.c = v ^ 32w0xFF; }\n"
      << "  action drop() { acc = 0; }\n"
      << "  table t { key = { h.a : exact; h.b : ternary; }\n"
      << "    actions = { set; drop; } default_action = drop(); size = 64; }\n"
      << "  apply {\n    h.setValid();\n    h.a = 8w" << (i % 256) << ";\n"
      << "    h.b = (bit<16>)h.a << 2;\n    if (h.a > 3 && h.b != 0) { h.c = acc + 1; }\n"
      << "    else { h.c = acc |-| 1; }\n    t.apply();\n"
      << "    bit<64> wide = h.c ++ acc;\n    acc = wide[31:0];\n  }\n}\n";
  }
  o << "control Impl() { C0() c0; apply { c0.apply(); } }\nTest(Impl()) main;\n";
  return o.str();
}

double runOnce(const std::string& name, const std::string& text, bool* ok,
               const std::vector<std::string>& includeDirs = {}) {
  p4wb::compiler::FrontEndOptions fo;
  fo.includeDirs = includeDirs;
  fo.inputPath = name;
  fo.inputText = text;
  auto t0 = Clock::now();
  auto r = p4wb::compiler::runFrontEnd(fo);
  auto t1 = Clock::now();
  if (ok) *ok = !r.hasErrors();
  return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

std::size_t countLines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
  std::string program = generateProgram(52);
  bool ok = false;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) ms.push_back(runOnce("bench.p4", program, &ok));
  std::sort(ms.begin(), ms.end());
  std::printf("generated_lines: %zu\n", countLines(program));
  std::printf("generated_checks_ok: %s\n", ok ? "yes" : "no");
  std::printf("generated_median_ms: %.3f\n", ms[ms.size() / 2]);
  if (!ok) return 1;
  if (argc > 2) {
    // The corpus's own include dir (harness.p4), as run_corpus.py passes it.
    std::vector<std::string> inc = {(std::filesystem::path(argv[2]) / "include").string(),
                                    (std::filesystem::path(argv[2]) / ".." / "include").string()};
    std::size_t lines = 0, files = 0, failed = 0;
    double total = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[2])) {
      if (e.path().extension() != ".p4") continue;
      std::ifstream in(e.path());
      std::string text((std::istreambuf_iterator<char>(in)), {});
      lines += countLines(text);
      ++files;
      bool fileOk = false;
      total += runOnce(e.path().string(), text, &fileOk, inc);
      if (!fileOk && e.path().filename().string().rfind("ok_", 0) == 0) ++failed;
    }
    std::printf("corpus_files: %zu\ncorpus_lines: %zu\ncorpus_ms: %.1f\n", files, lines, total);
    std::printf("corpus_ok_files_with_errors: %zu\n", failed);
    std::printf("corpus_lines_per_second: %.0f\n", total > 0 ? lines / (total / 1000.0) : 0.0);
  }
  return 0;
}
