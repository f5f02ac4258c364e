#include "runtime/test_run.h"

#include <bpf/bpf.h>

namespace p4wb::runtime {

Result<TestRunResult> testRun(int progFd, std::span<const std::uint8_t> packet, std::uint32_t repeat) {
  if (packet.empty()) return makeError(EINVAL, "the packet is empty");
  if (repeat == 0) repeat = 1;
  TestRunResult result;
  // XDP may grow the packet (bpf_xdp_adjust_head/tail); leave room for that.
  result.output.resize(packet.size() + 4096);
  LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packet.data(),
              .data_out = result.output.data(),
              .data_size_in = static_cast<std::uint32_t>(packet.size()),
              .data_size_out = static_cast<std::uint32_t>(result.output.size()), .repeat = static_cast<int>(repeat));
  if (bpf_prog_test_run_opts(progFd, &opts) != 0) {
    int err = errno;
    if (err == EINVAL && packet.size() < 14)
      return makeError(err, "the kernel refuses test packets shorter than an Ethernet header (14 bytes)");
    return makeError(err, "BPF_PROG_TEST_RUN failed");
  }
  result.output.resize(opts.data_size_out);
  result.retval = opts.retval;
  result.durationNs = opts.duration;
  result.repeat = repeat;
  return result;
}

Result<std::vector<TestRunResult>> testRunBatch(int progFd, const std::vector<std::vector<std::uint8_t>>& packets) {
  std::vector<TestRunResult> results;
  results.reserve(packets.size());
  for (std::size_t i = 0; i < packets.size(); ++i) {
    Result<TestRunResult> r = testRun(progFd, packets[i], 1);
    if (!r) return makeError(r.error().errnum, "packet " + std::to_string(i + 1) + ": " + r.error().message);
    results.push_back(std::move(*r));
  }
  return results;
}

std::string xdpVerdictName(std::uint32_t retval) {
  static const char* kNames[] = {"XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX", "XDP_REDIRECT"};
  if (retval < 5) return kNames[retval];
  return "XDP_UNKNOWN(" + std::to_string(retval) + ")";
}

Result<TraceResult> traceRun(const LoadedProgram& prog, std::span<const std::uint8_t> packet) {
  bool counted = prog.schema().stageCounters.has_value();
  std::vector<StageCount> before;
  if (counted) {
    auto r = readStageCounters(prog);
    if (!r) return r.error();
    before = std::move(*r);
  }
  Result<TestRunResult> run = testRun(prog.programFd(), packet, 1);
  if (!run) return run.error();
  TraceResult trace;
  trace.run = std::move(*run);
  if (!counted) return trace;
  auto after = readStageCounters(prog);
  if (!after) return after.error();
  for (std::size_t i = 0; i < after->size() && i < before.size(); ++i)
    if ((*after)[i].count > before[i].count)
      trace.stages.push_back({(*after)[i].stage, (*after)[i].count - before[i].count});
  return trace;
}

}  // namespace p4wb::runtime
