// Running packets through a loaded program without any interface (BPF_PROG_TEST_RUN):
// verdict, output packet, duration, and which stages the packet went through.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "runtime/counters.h"
#include "runtime/loaded_program.h"
#include "runtime/result.h"

namespace p4wb::runtime {

struct TestRunResult {
  std::uint32_t retval = 0;  // XDP verdict (XDP_*) or tc action (TC_ACT_*)
  std::vector<std::uint8_t> output;  // the packet after the program (same size class)
  std::uint32_t durationNs = 0;  // average per repetition, as the kernel reports it
  std::uint32_t repeat = 1;
};

// repeat >= 1. EINVAL for an empty packet.
Result<TestRunResult> testRun(int progFd, std::span<const std::uint8_t> packet,
                              std::uint32_t repeat = 1);

// One test run per packet, in order; stops at the first packet the kernel refuses.
Result<std::vector<TestRunResult>> testRunBatch(int progFd,
                                                const std::vector<std::vector<std::uint8_t>>& packets);

// "XDP_PASS" etc.; "XDP_UNKNOWN(7)" for other values.
std::string xdpVerdictName(std::uint32_t retval);

struct TraceResult {
  TestRunResult run;
  std::vector<StageCount> stages;  // stages whose counter rose, count = delta, id order
};

// One test run with stage counters read before and after; `stages` is empty when the
// program has no stage counters. Live traffic on an attached program during the run
// would show up in the delta too.
Result<TraceResult> traceRun(const LoadedProgram& prog, std::span<const std::uint8_t> packet);

}  // namespace p4wb::runtime
