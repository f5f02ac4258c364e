// Reading counters: the per-stage PERCPU_ARRAY the generated code increments (summed
// over all possible CPUs; both layouts of docs/schema.md, told apart by the map's shape)
// and the kernel's per-program run_cnt / run_time_ns.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/schema.h"
#include "runtime/unique_fd.h"

namespace p4wb::runtime {

struct StageCount {
  StageInfo stage;
  std::uint64_t count = 0;
};

// One entry per schema stage, in id order. ENOTSUP when the program was compiled with
// --no-stage-counters. A stage with a formula is derived from the slot sums (negative
// clamps to 0: only seen while a packet is half-way through the program).
Result<std::vector<StageCount>> readStageCounters(const LoadedProgram& prog);
// A stage's count from the per-CPU sums of the counter slots (its formula, or slot id).
std::uint64_t stageCount(const StageInfo& stage, const std::vector<std::uint64_t>& slots);
// Raw: sums of slots 0..count-1 of a stage PERCPU_ARRAY: entries 0..count-1 of u64
// (slot_per_key) or elements 0..count-1 of the u64[N] value of entry 0 (array_value).
Result<std::vector<std::uint64_t>> readPerCpuSums(int mapFd, std::uint32_t count);
Status resetStageCounters(const LoadedProgram& prog);

struct ProgramStats {
  std::uint32_t id = 0;
  std::string name;  // kernel program name (truncated to 15 chars by the kernel)
  std::uint64_t runCount = 0;  // stay 0 unless stats are enabled (see below)
  std::uint64_t runTimeNs = 0;
};
Result<ProgramStats> readProgramStats(int progFd);
// The same for any program by kernel id (e.g. a foreign program found on an interface).
Result<ProgramStats> readProgramStatsById(std::uint32_t progId);

// The kernel counts run_cnt/run_time_ns only while stats are enabled: either sysctl
// kernel.bpf_stats_enabled=1 or while the fd returned here is open.
Result<UniqueFd> enableRunTimeStats();

}  // namespace p4wb::runtime
