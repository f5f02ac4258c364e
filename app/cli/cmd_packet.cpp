// `p4wb send` and `p4wb capture`: raw frames out of and into real interfaces (AF_PACKET)
// in any network namespace; captures are written as pcap files Wireshark opens.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/hex.h"
#include "runtime/packet.h"
#include "runtime/packet_io.h"
#include "runtime/pcap.h"

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct SendArgs {
  std::string dev, netns, hex, pcap, spec;
  unsigned count = 1;
  bool json = false;
};

void runSend(const SendArgs& a) {
  requirePrivileges("send");
  const int given = !a.hex.empty() + !a.pcap.empty() + !a.spec.empty();
  if (given != 1) throw CLI::ValidationError("send", "give exactly one of HEX, --pcap FILE, --packet SPEC");
  std::vector<std::vector<std::uint8_t>> frames;
  if (!a.hex.empty()) frames.push_back(orFail(runtime::parseHex(a.hex), "frame"));
  else if (!a.spec.empty()) frames.push_back(orFail(runtime::buildPacket(orFail(runtime::parsePacketSpec(a.spec), "--packet")), "--packet"));
  else frames = orFail(runtime::readPcap(a.pcap));
  auto sent = orFail(runtime::sendFrames(a.netns, a.dev, frames, a.count), "send on " + a.dev);
  if (a.json) printJson({{"dev", a.dev}, {"netns", a.netns}, {"sent", sent}});
  else std::cout << "sent " << sent << " frame" << (sent == 1 ? "" : "s") << " on " << a.dev << "\n";
}

struct CaptureArgs {
  std::string dev, netns, out;
  std::size_t count = 0;
  double seconds = 0;
  bool inOnly = false, json = false;
};

std::atomic<bool> g_stop{false};
extern "C" void onStopSignal(int) { g_stop.store(true); }

void runCapture(const CaptureArgs& a) {
  requirePrivileges("capture");
  if (a.count == 0 && a.seconds <= 0)
    throw CLI::ValidationError("capture", "give --count N or --seconds S (Ctrl-C also stops)");
  // Ctrl-C / SIGTERM end the capture early and still write the file.
  struct sigaction sa{};
  sa.sa_handler = onStopSignal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  runtime::CaptureLimits limits;
  limits.count = a.count;
  limits.seconds = a.seconds;
  limits.stop = &g_stop;
  limits.includeOutgoing = !a.inOnly;
  // An interface deleted mid-capture still leaves a valid pcap of what came before.
  auto outcome = orFail(runtime::captureUntil(a.netns, a.dev, limits), "capture on " + a.dev);
  std::vector<std::vector<std::uint8_t>> packets;
  std::vector<std::int64_t> ts;
  for (auto& f : outcome.frames) {
    packets.push_back(std::move(f.data));
    ts.push_back(f.timestampNs);
  }
  orFail(runtime::writePcap(a.out, packets, ts));
  const std::string count = std::to_string(packets.size()) + " frame" + (packets.size() == 1 ? "" : "s");
  if (outcome.interrupted.errnum != 0)
    throw Failure("capture on " + a.dev + ": " + outcome.interrupted.message + "; " + count + " written to " + a.out);
  if (a.json) printJson({{"dev", a.dev}, {"netns", a.netns}, {"file", a.out}, {"captured", packets.size()}});
  else std::cout << "captured " << count << " to " << a.out << "\n";
}

}  // namespace

void addPacketCommands(CLI::App& app, Context& ctx) {
  auto s = std::make_shared<SendArgs>();
  auto* send = app.add_subcommand("send", "Send raw frames out of an interface (AF_PACKET)");
  send->add_option("--dev", s->dev, "Interface")->required()->type_name("IF");
  send->add_option("--netns", s->netns, "Named network namespace of the interface")->type_name("NS");
  send->add_option("HEX", s->hex, "Frame bytes in hex");
  send->add_option("--pcap", s->pcap, "Send every frame of a pcap file")->check(CLI::ExistingFile);
  send->add_option("--packet", s->spec, "Build the frame: \"dst=10.0.0.2 proto=udp\"")->type_name("SPEC");
  send->add_option("--count", s->count, "Send everything N times")->check(CLI::Range(1u, 100000000u));
  send->add_flag("--json", s->json, "JSON output");
  send->callback([s] { runSend(*s); });

  auto c = std::make_shared<CaptureArgs>();
  auto* cap = app.add_subcommand("capture", "Capture frames on an interface into a pcap file");
  cap->add_option("--dev", c->dev, "Interface")->required()->type_name("IF");
  cap->add_option("--netns", c->netns, "Named network namespace of the interface")->type_name("NS");
  cap->add_option("-w,--write", c->out, "pcap file to write")->required()->type_name("FILE");
  cap->add_option("--count", c->count, "Stop after N frames")->check(CLI::PositiveNumber);
  cap->add_option("--seconds", c->seconds, "Stop after S seconds")->check(CLI::PositiveNumber);
  cap->add_flag("--in-only", c->inOnly, "Skip frames sent by this host");
  cap->add_flag("--json", c->json, "JSON output");
  cap->callback([c] { runCapture(*c); });
  (void)ctx;
}

}  // namespace p4wb::app::cli
