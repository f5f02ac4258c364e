// BPF_PERF_EVENT_OUTPUT(): tests/stf/164_perf_event_output.p4 is loaded (pinned, not
// attached); a libbpf perf buffer is opened on its pinned p4wb_perf_events map, then one
// test run must deliver one sample: the u32 ingress ifindex followed by the whole packet,
// and the helper's result (written into the packet) is 0 once someone listens.
#include "tests/kernel/lab_fixture.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using namespace p4wb::tests;

namespace {

const std::string kProgram = std::string(P4WB_SOURCE_DIR) + "/tests/stf/164_perf_event_output.p4";
const std::string kStf = std::string(P4WB_SOURCE_DIR) + "/tests/stf";


std::vector<std::vector<std::uint8_t>> g_samples;

void onSample(void*, int, void* data, __u32 size) {
  auto* p = static_cast<std::uint8_t*>(data);
  g_samples.emplace_back(p, p + size);
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: perf_events needs root (BPF programs and perf events)\n";
    return 77;
  }
  const std::string name = "bepe" + std::to_string(getpid());
  auto load = cli("load " + kProgram + " -I " + kStf + " --name " + name);
  check(load.status == 0, "load 164_perf_event_output.p4 (pinned only)");
  if (load.status != 0) {
    std::cout << load.out;
    return finish();
  }
  int fd = bpf_obj_get(("/sys/fs/bpf/p4wb/" + name + "/map_p4wb_perf_events").c_str());
  check(fd >= 0, "the pinned p4wb_perf_events map opens");
  perf_buffer* pb = fd >= 0 ? perf_buffer__new(fd, 8, onSample, nullptr, nullptr, nullptr) : nullptr;
  check(pb != nullptr, "a perf buffer on it (one ring per CPU)");
  if (pb) {
    const std::string packet = "00000000000d00000000000e123400000000aabb";
    auto run = parseJsonOutput(cli("run " + name + " " + packet + " --json"));
    std::string out = run.is_object() && run.contains("output") ? run["output"].get<std::string>() : "";
    check(out == "00000000000d00000000000e123400000000aabb",
          "with a listener the helper returns 0 (written into the packet): " + out);
    perf_buffer__poll(pb, 1000);
    check(g_samples.size() == 1, "one sample per packet (" + std::to_string(g_samples.size()) + ")");
    if (!g_samples.empty()) {
      const auto& s = g_samples[0];
      std::string hex;
      for (std::size_t i = 4; i < s.size() && i < 24; ++i) {
        static const char* digits = "0123456789abcdef";
        hex += digits[s[i] >> 4];
        hex += digits[s[i] & 15];
      }
      check(s.size() >= 24 && hex == packet, "the sample is the u32 ifindex, then the packet: " + hex);
    }
    perf_buffer__free(pb);
  }
  if (fd >= 0) close(fd);
  cli("unload " + name);
  return finish();
}
