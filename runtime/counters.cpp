#include "runtime/counters.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

namespace p4wb::runtime {

Result<std::vector<std::uint64_t>> readPerCpuSums(int mapFd, std::uint32_t count) {
  int cpus = libbpf_num_possible_cpus();
  if (cpus <= 0) return makeError(cpus, "cannot determine the number of possible CPUs");
  // The kernel copies round_up(value_size, 8) bytes per CPU; u64 values need no padding.
  std::vector<std::uint64_t> perCpu(static_cast<std::size_t>(cpus));
  std::vector<std::uint64_t> sums(count, 0);
  for (std::uint32_t key = 0; key < count; ++key) {
    if (bpf_map_lookup_elem(mapFd, &key, perCpu.data()) != 0)
      return makeError(errno, "cannot read counter slot " + std::to_string(key));
    for (std::uint64_t v : perCpu) sums[key] += v;
  }
  return sums;
}

namespace {
Result<int> stageMapFd(const LoadedProgram& prog) {
  const auto& sc = prog.schema().stageCounters;
  if (!sc) return makeError(ENOTSUP, "the program was compiled without stage counters");
  Result<MapInfo> info = prog.mapInfo(sc->map);
  if (!info) return info.error();
  // Per-CPU reads copy value_size bytes per CPU into our u64 slots.
  if (info->valueSize != sizeof(std::uint64_t) || info->keySize != sizeof(std::uint32_t) ||
      info->maxEntries < sc->count)
    return makeError(EINVAL, "stage counter map " + sc->map + " does not have the layout the schema says "
                             "(u32 key, u64 value, " + std::to_string(sc->count) + " slots)");
  return prog.mapFd(sc->map);
}
}  // namespace

Result<std::vector<StageCount>> readStageCounters(const LoadedProgram& prog) {
  Result<int> fd = stageMapFd(prog);
  if (!fd) return fd.error();
  const auto& stages = prog.schema().stages;
  Result<std::vector<std::uint64_t>> sums = readPerCpuSums(*fd, static_cast<std::uint32_t>(stages.size()));
  if (!sums) return sums.error();
  std::vector<StageCount> out;
  for (std::size_t i = 0; i < stages.size(); ++i) out.push_back({stages[i], (*sums)[i]});
  return out;
}

Status resetStageCounters(const LoadedProgram& prog) {
  Result<int> fd = stageMapFd(prog);
  if (!fd) return fd.error();
  int cpus = libbpf_num_possible_cpus();
  if (cpus <= 0) return makeError(cpus, "cannot determine the number of possible CPUs");
  std::vector<std::uint64_t> zeros(static_cast<std::size_t>(cpus), 0);
  for (std::uint32_t key = 0; key < prog.schema().stageCounters->count; ++key)
    if (bpf_map_update_elem(*fd, &key, zeros.data(), BPF_ANY) != 0)
      return makeError(errno, "cannot reset counter slot " + std::to_string(key));
  return {};
}

Result<ProgramStats> readProgramStats(int progFd) {
  bpf_prog_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(progFd, &info, &len) != 0) return makeError(errno, "cannot query the program");
  ProgramStats stats;
  stats.id = info.id;
  stats.name = info.name;
  stats.runCount = info.run_cnt;
  stats.runTimeNs = info.run_time_ns;
  return stats;
}

Result<ProgramStats> readProgramStatsById(std::uint32_t progId) {
  int fd = bpf_prog_get_fd_by_id(progId);
  if (fd < 0) return makeError(errno, "no program with id " + std::to_string(progId));
  UniqueFd owned(fd);
  return readProgramStats(owned.get());
}

Result<UniqueFd> enableRunTimeStats() {
  int fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
  if (fd < 0) return makeError(errno, "cannot enable BPF run-time statistics");
  return UniqueFd(fd);
}

}  // namespace p4wb::runtime
