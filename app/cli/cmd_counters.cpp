// `p4wb counters NAME [--watch SECONDS] [--reset]`: per-stage packet counts summed over
// CPUs, their rates while watching, and the program's run count and average run time.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/counters.h"
#include "runtime/program_store.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

namespace p4wb::app::cli {
namespace {

struct CountersArgs {
  std::string program;
  double watch = 0;
  int iterations = 0;  // 0 = until interrupted
  bool reset = false, json = false;
};

nlohmann::json snapshotJson(const std::vector<runtime::StageCount>& counts,
                            const runtime::ProgramStats& stats,
                            const std::vector<double>* rates) {
  nlohmann::json stages = nlohmann::json::array();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto& c = counts[i];
    nlohmann::json s = {{"id", c.stage.id}, {"kind", c.stage.kind}, {"name", c.stage.name},
                        {"count", c.count}, {"line", c.stage.loc.line}};
    if (rates) s["rate_pps"] = (*rates)[i];
    stages.push_back(s);
  }
  return {{"stages", stages},
          {"run_count", stats.runCount},
          {"run_time_ns", stats.runTimeNs},
          {"avg_run_ns", stats.runCount ? double(stats.runTimeNs) / double(stats.runCount) : 0.0}};
}

void printText(const std::vector<runtime::StageCount>& counts, const runtime::ProgramStats& stats,
               const std::vector<double>* rates) {
  std::printf("%4s  %-13s %-36s %14s%s\n", "id", "kind", "stage", "packets",
              rates ? "        pkt/s" : "");
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto& c = counts[i];
    std::printf("%4u  %-13s %-36s %14llu", c.stage.id, c.stage.kind.c_str(),
                c.stage.name.c_str(), static_cast<unsigned long long>(c.count));
    if (rates) std::printf(" %12.1f", (*rates)[i]);
    std::printf("\n");
  }
  std::printf("program runs: %llu", static_cast<unsigned long long>(stats.runCount));
  if (stats.runCount)
    std::printf(", average run time %.1f ns", double(stats.runTimeNs) / double(stats.runCount));
  std::printf("\n");
  std::fflush(stdout);
}

void runCounters(const CountersArgs& a) {
  runtime::ProgramStore store;
  auto prog = orFail(store.open(a.program));
  if (a.reset) {
    orFail(runtime::resetStageCounters(prog), "reset");
    std::cout << "stage counters of " << a.program << " reset\n";
    return;
  }
  // Run statistics are counted by the kernel only while enabled; keep them on while
  // watching (the fd turns them off again when closed).
  std::optional<runtime::UniqueFd> statsGuard;
  if (a.watch > 0) {
    auto g = runtime::enableRunTimeStats();
    if (g.ok()) statsGuard.emplace(std::move(g.value()));
  }
  auto counts = orFail(runtime::readStageCounters(prog), "counters");
  auto stats = orFail(runtime::readProgramStats(prog.programFd()), "program stats");
  if (a.watch <= 0) {
    if (a.json) printJson(snapshotJson(counts, stats, nullptr));
    else printText(counts, stats, nullptr);
    return;
  }
  for (int i = 0; a.iterations == 0 || i < a.iterations; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(a.watch));
    auto now = orFail(runtime::readStageCounters(prog), "counters");
    auto st = orFail(runtime::readProgramStats(prog.programFd()), "program stats");
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<double> rates;
    for (std::size_t k = 0; k < now.size(); ++k)
      rates.push_back(double(now[k].count - counts[k].count) / secs);
    if (a.json) std::cout << snapshotJson(now, st, &rates).dump() << "\n" << std::flush;
    else printText(now, st, &rates);
    counts = std::move(now);
  }
}

}  // namespace

void addCountersCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CountersArgs>();
  auto* c = app.add_subcommand("counters", "Per-stage packet counters of a loaded program");
  c->add_option("NAME", a->program, "Program name given at load")->required();
  c->add_option("--watch", a->watch, "Print counts and rates every SECONDS")
      ->type_name("SECONDS")->check(CLI::PositiveNumber);
  c->add_option("--iterations", a->iterations, "With --watch: stop after N prints");
  c->add_flag("--reset", a->reset, "Zero the stage counters");
  c->add_flag("--json", a->json, "JSON output (one object per line with --watch)");
  c->callback([a] { runCounters(*a); });
  (void)ctx;
}

}  // namespace p4wb::app::cli
