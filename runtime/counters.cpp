#include "runtime/counters.h"

#include <algorithm>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

namespace p4wb::runtime {

namespace {

Result<int> possibleCpus() {
  int cpus = libbpf_num_possible_cpus();
  if (cpus <= 0) return makeError(cpus, "cannot determine the number of possible CPUs");
  return cpus;
}

// Which of the two layouts docs/schema.md describes a map has, told by its shape: u32 ->
// u64 with one entry per slot (slot_per_key, older objects), or one entry whose value is
// u64[N] (array_value). With a single slot the two are the same bytes.
enum class StageLayout { SlotPerKey, ArrayValue };

Result<StageLayout> stageLayout(std::uint32_t keySize, std::uint32_t valueSize,
                                std::uint32_t maxEntries, std::uint32_t count) {
  if (keySize == sizeof(std::uint32_t)) {
    if (valueSize == sizeof(std::uint64_t) && maxEntries >= count) return StageLayout::SlotPerKey;
    if (maxEntries >= 1 && valueSize % sizeof(std::uint64_t) == 0 &&
        valueSize / sizeof(std::uint64_t) >= count)
      return StageLayout::ArrayValue;
  }
  return makeError(EINVAL, "the stage counter map has neither stage counter layout for " +
                               std::to_string(count) + " slots (u32 key; u64 value per slot, "
                               "or one entry of u64[" + std::to_string(count) + "])");
}

Result<StageLayout> stageLayoutOfFd(int mapFd, std::uint32_t count) {
  bpf_map_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(mapFd, &info, &len) != 0)
    return makeError(errno, "cannot query the stage counter map");
  return stageLayout(info.key_size, info.value_size, info.max_entries, count);
}

// array_value: per CPU the kernel copies round_up(value_size, 8) bytes = value_size here.
Result<std::vector<std::uint64_t>> sumArrayValue(int mapFd, std::uint32_t count, int cpus) {
  std::uint32_t width = std::max<std::uint32_t>(count, 1);
  // The value may hold more slots than asked for; read them all, keep the first `count`.
  bpf_map_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(mapFd, &info, &len) != 0)
    return makeError(errno, "cannot query the stage counter map");
  width = std::max<std::uint32_t>(width, info.value_size / sizeof(std::uint64_t));
  std::vector<std::uint64_t> perCpu(static_cast<std::size_t>(cpus) * width);
  std::uint32_t key = 0;
  if (bpf_map_lookup_elem(mapFd, &key, perCpu.data()) != 0)
    return makeError(errno, "cannot read the stage counters");
  std::vector<std::uint64_t> sums(count, 0);
  for (int cpu = 0; cpu < cpus; ++cpu)
    for (std::uint32_t i = 0; i < count; ++i) sums[i] += perCpu[static_cast<std::size_t>(cpu) * width + i];
  return sums;
}

Result<std::vector<std::uint64_t>> sumSlotPerKey(int mapFd, std::uint32_t count, int cpus) {
  // u64 values need no per-CPU padding.
  std::vector<std::uint64_t> perCpu(static_cast<std::size_t>(cpus));
  std::vector<std::uint64_t> sums(count, 0);
  for (std::uint32_t key = 0; key < count; ++key) {
    if (bpf_map_lookup_elem(mapFd, &key, perCpu.data()) != 0)
      return makeError(errno, "cannot read counter slot " + std::to_string(key));
    for (std::uint64_t v : perCpu) sums[key] += v;
  }
  return sums;
}

Result<int> stageMapFd(const LoadedProgram& prog) {
  const auto& sc = prog.schema().stageCounters;
  if (!sc) return makeError(ENOTSUP, "the program was compiled without stage counters");
  Result<MapInfo> info = prog.mapInfo(sc->map);
  if (!info) return info.error();
  Result<StageLayout> layout = stageLayout(info->keySize, info->valueSize, info->maxEntries, sc->count);
  if (!layout) return makeError(EINVAL, "stage counter map " + sc->map + ": " + layout.error().message);
  return prog.mapFd(sc->map);
}

}  // namespace

Result<std::vector<std::uint64_t>> readPerCpuSums(int mapFd, std::uint32_t count) {
  Result<int> cpus = possibleCpus();
  if (!cpus) return cpus.error();
  Result<StageLayout> layout = stageLayoutOfFd(mapFd, count);
  if (!layout) return layout.error();
  if (*layout == StageLayout::ArrayValue && count > 1) return sumArrayValue(mapFd, count, *cpus);
  return sumSlotPerKey(mapFd, count, *cpus);
}

std::uint64_t stageCount(const StageInfo& stage, const std::vector<std::uint64_t>& slots) {
  if (!stage.formula) return stage.id < slots.size() ? slots[stage.id] : 0;
  // Edge counters: the stage is a signed sum of them (docs/schema.md). Each slot is read
  // on its own, so a packet in flight can have bumped one slot and not yet another: a
  // sum can then be off by that packet, even below zero. It is exact when no packet runs.
  std::int64_t sum = 0;
  for (const StageTerm& t : *stage.formula)
    if (t.slot < slots.size()) sum += t.coeff * static_cast<std::int64_t>(slots[t.slot]);
  return sum < 0 ? 0 : static_cast<std::uint64_t>(sum);
}

Result<std::vector<StageCount>> readStageCounters(const LoadedProgram& prog) {
  Result<int> fd = stageMapFd(prog);
  if (!fd) return fd.error();
  const auto& stages = prog.schema().stages;
  Result<std::vector<std::uint64_t>> sums = readPerCpuSums(*fd, prog.schema().stageCounters->count);
  if (!sums) return sums.error();
  std::vector<StageCount> out;
  for (const StageInfo& s : stages) out.push_back({s, stageCount(s, *sums)});
  return out;
}

Status resetStageCounters(const LoadedProgram& prog) {
  Result<int> fd = stageMapFd(prog);
  if (!fd) return fd.error();
  Result<int> cpus = possibleCpus();
  if (!cpus) return cpus.error();
  Result<MapInfo> info = prog.mapInfo(prog.schema().stageCounters->map);
  if (!info) return info.error();
  // Zero every entry the map has, whatever its layout: value_size bytes per CPU each.
  std::size_t perCpuWords = (info->valueSize + 7) / 8;
  std::vector<std::uint64_t> zeros(static_cast<std::size_t>(*cpus) * perCpuWords, 0);
  for (std::uint32_t key = 0; key < info->maxEntries; ++key)
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
