// `p4wb run NAME|PROG.p4|PROG.o (HEX | --pcap FILE | --packet SPEC) [--repeat N]`: packets
// through the program with BPF_PROG_TEST_RUN (no interface involved): for each packet the
// verdict, output bytes and stages passed.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/hex.h"
#include "runtime/packet.h"
#include "runtime/pcap.h"
#include "runtime/program_store.h"
#include "runtime/test_run.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct RunArgs {
  std::string program, packet, pcap, spec, outPcap;
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

std::vector<std::vector<std::uint8_t>> inputPackets(const RunArgs& a) {
  const int given = !a.packet.empty() + !a.pcap.empty() + !a.spec.empty();
  if (given != 1) throw CLI::ValidationError("run", "give exactly one of HEX, --pcap FILE, --packet SPEC");
  if (!a.packet.empty()) return {orFail(runtime::parseHex(a.packet), "packet")};
  if (!a.spec.empty()) {
    auto spec = orFail(runtime::parsePacketSpec(a.spec), "--packet");
    return {orFail(runtime::buildPacket(spec), "--packet")};
  }
  auto packets = orFail(runtime::readPcap(a.pcap));
  if (packets.empty()) throw Failure(a.pcap + ": no packets");
  return packets;
}

nlohmann::json resultJson(const runtime::TraceResult& trace, const std::vector<std::uint8_t>& in,
                          const runtime::TestRunResult& timed) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& s : trace.stages)
    stages.push_back({{"id", s.stage.id}, {"kind", s.stage.kind}, {"name", s.stage.name},
                      {"line", s.stage.loc.line}});
  return {{"verdict", runtime::xdpVerdictName(trace.run.retval)}, {"retval", trace.run.retval},
          {"input", runtime::formatHex(in, "")},
          {"output", runtime::formatHex(trace.run.output, "")},
          {"changed", trace.run.output != in}, {"stages", stages},
          {"repeat", timed.repeat}, {"duration_ns", timed.durationNs}};
}

void printResult(std::size_t index, std::size_t total, const runtime::TraceResult& trace,
                 const std::vector<std::uint8_t>& in, const runtime::TestRunResult& timed) {
  if (total > 1) std::cout << "packet " << index + 1 << ": " << runtime::describePacket(in) << "\n";
  std::cout << "verdict: " << runtime::xdpVerdictName(trace.run.retval) << " (" << trace.run.retval << ")\n";
  std::cout << "output" << (trace.run.output == in ? " (unchanged)" : "") << ":\n"
            << runtime::formatHex(trace.run.output, " ", 16) << "\n";
  std::cout << "stages:";
  for (const auto& s : trace.stages) std::cout << " " << s.stage.name;
  std::cout << "\n";
  if (timed.repeat > 1)
    std::cout << "average " << timed.durationNs << " ns/packet over " << timed.repeat << " runs\n";
}

void runRun(const RunArgs& a) {
  auto packets = inputPackets(a);
  auto prog = openProgram(a);
  nlohmann::json all = nlohmann::json::array();
  std::vector<std::vector<std::uint8_t>> outputs;
  for (std::size_t i = 0; i < packets.size(); ++i) {
    const auto& packet = packets[i];
    auto trace = orFail(runtime::traceRun(prog, packet), "test run of packet " + std::to_string(i + 1));
    runtime::TestRunResult timed = trace.run;
    if (a.repeat > 1) timed = orFail(runtime::testRun(prog.programFd(), packet, a.repeat), "test run");
    outputs.push_back(trace.run.output);
    if (a.json) all.push_back(resultJson(trace, packet, timed));
    else printResult(i, packets.size(), trace, packet, timed);
  }
  if (!a.outPcap.empty()) orFail(runtime::writePcap(a.outPcap, outputs));
  // One packet given as HEX or --packet prints one object (as before); a pcap, an array.
  if (a.json) printJson(a.pcap.empty() ? all[0] : all);
}

}  // namespace

void addRunCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<RunArgs>();
  auto* c = app.add_subcommand(
      "run", "Run packets through a program with BPF_PROG_TEST_RUN (no interface needed)");
  c->add_option("PROGRAM", a->program, "Loaded program NAME, or a .p4/.o file")->required();
  c->add_option("HEX", a->packet, "Packet bytes in hex (spaces and colons allowed)");
  c->add_option("--pcap", a->pcap, "Run every packet of a pcap file")->check(CLI::ExistingFile);
  c->add_option("--packet", a->spec,
                "Build the packet: \"dst=10.0.0.2 proto=udp dport=53\" (keys: dst_mac src_mac src "
                "dst proto sport dport ttl payload size)")->type_name("SPEC");
  c->add_option("-w,--write", a->outPcap, "Write the output packets to a pcap file")->type_name("FILE");
  c->add_option("--repeat", a->repeat, "Also time N repetitions")->check(CLI::Range(1u, 100000000u));
  c->add_flag("--json", a->json, "JSON output (an array for --pcap)");
  addProgramSourceOptions(c, a->source);
  c->callback([a] { runRun(*a); });
  (void)ctx;
}

}  // namespace p4wb::app::cli
