// `p4wb run NAME|PROG.p4|PROG.o HEX [--repeat N]`: one packet through the program with
// BPF_PROG_TEST_RUN (no interface involved): verdict, output bytes, stages passed.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/hex.h"
#include "runtime/program_store.h"
#include "runtime/test_run.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct RunArgs {
  std::string program, packet;
  unsigned repeat = 1;
  bool json = false;
  ProgramSourceArgs source;
};

// A NAME from `p4wb load`, or a file that is compiled and loaded just for this run.
runtime::LoadedProgram openProgram(const RunArgs& a) {
  if (std::filesystem::is_regular_file(a.program)) {
    auto spec = objectFromPath(a.program, a.source);
    return orFail(runtime::LoadedProgram::load(spec), "load " + a.program);
  }
  runtime::ProgramStore store;
  return orFail(store.open(a.program));
}

void runRun(const RunArgs& a) {
  auto packet = orFail(runtime::parseHex(a.packet), "packet");
  auto prog = openProgram(a);
  auto trace = orFail(runtime::traceRun(prog, packet), "test run");
  runtime::TestRunResult timed = trace.run;
  if (a.repeat > 1) timed = orFail(runtime::testRun(prog.programFd(), packet, a.repeat), "test run");
  const std::string verdict = runtime::xdpVerdictName(trace.run.retval);
  if (a.json) {
    nlohmann::json stages = nlohmann::json::array();
    for (const auto& s : trace.stages)
      stages.push_back({{"id", s.stage.id}, {"kind", s.stage.kind}, {"name", s.stage.name},
                        {"line", s.stage.loc.line}});
    printJson({{"verdict", verdict}, {"retval", trace.run.retval},
               {"output", runtime::formatHex(trace.run.output, "")},
               {"changed", trace.run.output != packet}, {"stages", stages},
               {"repeat", timed.repeat}, {"duration_ns", timed.durationNs}});
    return;
  }
  std::cout << "verdict: " << verdict << " (" << trace.run.retval << ")\n";
  std::cout << "output" << (trace.run.output == packet ? " (unchanged)" : "") << ":\n"
            << runtime::formatHex(trace.run.output, " ", 16) << "\n";
  std::cout << "stages:";
  for (const auto& s : trace.stages) std::cout << " " << s.stage.name;
  std::cout << "\n";
  if (a.repeat > 1)
    std::cout << "average " << timed.durationNs << " ns/packet over " << timed.repeat << " runs\n";
}

}  // namespace

void addRunCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<RunArgs>();
  auto* c = app.add_subcommand(
      "run", "Run one packet through a program with BPF_PROG_TEST_RUN (no interface needed)");
  c->add_option("PROGRAM", a->program, "Loaded program NAME, or a .p4/.o file")->required();
  c->add_option("HEX", a->packet, "Packet bytes in hex (spaces and colons allowed)")->required();
  c->add_option("--repeat", a->repeat, "Also time N repetitions")->check(CLI::Range(1u, 100000000u));
  c->add_flag("--json", a->json, "JSON output");
  addProgramSourceOptions(c, a->source);
  c->callback([a] { runRun(*a); });
  (void)ctx;
}

}  // namespace p4wb::app::cli
