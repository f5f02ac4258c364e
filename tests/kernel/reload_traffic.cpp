// Hot reload under traffic, and the bulk numbers of issue 5: 100k exact entries imported
// with `p4wb exec`, dumped with `p4wb table dump`, then `p4wb reload` to a new version
// while a steady stream of numbered frames crosses the lab and bounces back (XDP_TX).
// Asserts every entry moved, the changed table reported, and no gap longer than a few
// packets; prints "MEASURE:" lines with the numbers.
#include "tests/kernel/lab_fixture.h"

#include <linux/if_packet.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "runtime/packet.h"
#include "runtime/packet_io.h"

using namespace p4wb::tests;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kP4wb = P4WB_BIN;
const std::string kData = P4WB_TEST_DATA;


nlohmann::json parse(const CommandResult& r) { return parseJsonOutput(r); }

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// A UDP frame to 10.0.0.2 whose payload carries `seq`.
std::vector<std::uint8_t> numbered(std::uint32_t seq) {
  auto spec = *p4wb::runtime::parsePacketSpec("dst=10.0.0.2 proto=udp");
  spec.payload.resize(4);
  std::memcpy(spec.payload.data(), &seq, 4);
  return *p4wb::runtime::buildPacket(spec);
}

constexpr std::size_t kSeqOffset = 14 + 20 + 8;

struct Stream {
  std::atomic<bool> stop{false};
  std::atomic<std::uint32_t> sent{0};
  std::set<std::uint32_t> received;  // seqs that came back rewritten (receiver thread only)
};

void sender(int fd, Stream& s) {
  auto next = Clock::now();
  for (std::uint32_t seq = 0; !s.stop.load(); ++seq) {
    auto f = numbered(seq);
    if (send(fd, f.data(), f.size(), 0) < 0) break;
    s.sent.store(seq + 1);
    next += std::chrono::microseconds(100);  // ~10k frames/s
    std::this_thread::sleep_until(next);
  }
}

void receiver(int fd, Stream& s) {
  std::vector<std::uint8_t> buf(2048);
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 300) <= 0) {
      if (s.stop.load()) return;  // quiet for 300 ms after the sender stopped
      continue;
    }
    sockaddr_ll from{};
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(fd, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
    if (n < static_cast<ssize_t>(kSeqOffset + 4) || from.sll_pkttype == PACKET_OUTGOING) continue;
    if (buf[5] != 0xaa || buf[11] != 0xbb) continue;  // not bounced by our entry
    std::uint32_t seq;
    std::memcpy(&seq, buf.data() + kSeqOffset, 4);
    s.received.insert(seq);
  }
}

// Longest run of consecutive sequence numbers that never came back, between the first
// and the last one that did (frames lost at the very ends are not reload gaps).
std::uint32_t longestGap(const std::set<std::uint32_t>& got) {
  std::uint32_t gap = 0, prev = 0;
  bool first = true;
  for (std::uint32_t seq : got) {
    if (!first && seq - prev - 1 > gap) gap = seq - prev - 1;
    prev = seq;
    first = false;
  }
  return gap;
}

void bulk(const std::string& name, const std::string& file) {
  std::ofstream out(file);
  out << "table_add ipv4_fwd forward 10.0.0.2 => 02:00:00:00:00:aa 02:00:00:00:00:bb\n";
  for (int i = 0; i < 100000; ++i)
    out << "table_add ipv4_fwd drop 11." << (i >> 16) << "." << ((i >> 8) & 255) << "." << (i & 255) << "\n";
  out << "table_add src_filter drop 10.9.9.9\n";
  out.close();
  auto t0 = Clock::now();
  auto r = cli("exec " + name + " " + file + " --json");
  double total = secondsSince(t0);
  auto j = parse(r);
  check(r.status == 0 && j.value("applied", 0) == 100002, "exec imports 100002 lines");
  if (j.is_object() && j.contains("apply_seconds")) {
    double apply = j["apply_seconds"].get<double>(), chk = j["check_seconds"].get<double>();
    std::cout << "MEASURE: exec 100002 entries: check " << chk << " s, write " << apply << " s ("
              << static_cast<long>(100002 / apply) << " entries/s written), whole command " << total << " s ("
              << static_cast<long>(100002 / total) << " entries/s end to end)\n";
  }
  t0 = Clock::now();
  r = runCommand(kP4wb + " table dump " + name + " ipv4_fwd > " + file + ".dump");
  double dumpText = secondsSince(t0);
  t0 = Clock::now();
  r = runCommand(kP4wb + " table dump " + name + " ipv4_fwd --json > " + file + ".json");
  double dumpJson = secondsSince(t0);
  std::cout << "MEASURE: dump of 100001 entries: " << dumpText << " s text, " << dumpJson << " s --json\n";
  std::ifstream in(file + ".json");
  auto dump = nlohmann::json::parse(in, nullptr, false);
  check(!dump.is_discarded() && dump["entries"].size() == 100001, "dump lists 100001 entries");
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: reload_traffic needs root (network namespaces, XDP)\n";
    return 77;
  }
  const std::string id = std::to_string(getpid());
  const std::string lab = "p4wbr" + id, name = "rl" + id, file = "/tmp/p4wb-bulk-" + id + ".txt";
  {
    std::vector<std::string> cleanup = {"rm -f " + file + " " + file + ".dump " + file + ".json",
                                        "ip netns del " + lab + "-peer", "ip netns del " + lab,
                                        kP4wb + " lab down " + lab, kP4wb + " unload " + name + "-peer",
                                        kP4wb + " unload " + name};
    struct Guard {
      std::vector<std::string>& c;
      ~Guard() {
        for (const auto& cmd : c) runCommand(cmd + " >/dev/null 2>&1");
      }
    } guard{cleanup};
    check(cli("lab up " + lab).status == 0, "lab up");
    check(cli("load " + kData + "/bulk_fwd.p4 --dev veth0 --netns " + lab + " --name " + name).status == 0,
          "load bulk_fwd.p4 (ipv4_fwd size 131072) on veth0");
    check(cli("load " + std::string(P4WB_EXAMPLES) + "/basic_fwd.p4 --dev peer0 --netns " + lab + "-peer --name " +
              name + "-peer").status == 0,
          "pass-through XDP on peer0 (native XDP_TX needs it)");
    bulk(name, file);

    auto tx = p4wb::runtime::openPacketSocket(lab + "-peer", "peer0");
    auto rx = p4wb::runtime::openPacketSocket(lab + "-peer", "peer0");
    check(tx.ok() && rx.ok(), "packet sockets on peer0");
    if (!tx.ok() || !rx.ok()) goto done;
    // A receiver starved for a few ms on a busy machine must not drop frames in its socket
    // and pass that off as a reload gap: large buffer, no copies of our own sends, and
    // the socket's drop count reported.
    int big = 32 << 20, one = 1;
    setsockopt(rx->get(), SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big);
    setsockopt(rx->get(), SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
    setsockopt(tx->get(), SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
    Stream stream;
    std::thread recvThread(receiver, rx->get(), std::ref(stream));
    std::thread sendThread(sender, tx->get(), std::ref(stream));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const std::uint32_t before = stream.sent.load();
    auto t0 = Clock::now();
    auto r = cli("reload " + name + " " + kData + "/bulk_fwd_v2.p4 --json");
    const double reloadS = secondsSince(t0);
    const std::uint32_t during = stream.sent.load() - before;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    stream.stop.store(true);
    sendThread.join();
    recvThread.join();

    auto j = parse(r);
    check(r.status == 0, "reload to bulk_fwd_v2.p4 under traffic");
    check(j.value("entries_moved", 0) == 100001, "all 100001 ipv4_fwd entries moved");
    check(j.contains("not_moved") && j["not_moved"].size() == 1 &&
              j["not_moved"][0].get<std::string>().find("src_filter") != std::string::npos,
          "the src_filter entry (key layout changed) is reported as not moved");
    auto dump = parse(runCommand(kP4wb + " table dump " + name + " ipv4_fwd --json"));
    check(dump.is_object() && dump["entries"].size() == 100001, "after reload the table still has 100001 entries");
    auto st = parse(cli("status " + name + " --json"));
    check(st.is_array() && st[0].value("state", "") == "attached" &&
              st[0].value("source", "").find("bulk_fwd_v2") != std::string::npos,
          "status: the new program is attached under the same name");

    tpacket_stats stats{};
    socklen_t statsLen = sizeof stats;
    getsockopt(rx->get(), SOL_PACKET, PACKET_STATISTICS, &stats, &statsLen);
    const std::uint32_t sent = stream.sent.load();
    const std::uint32_t gap = longestGap(stream.received);
    std::cout << "MEASURE: reload (compile + load + move 100001 entries + swap) " << reloadS << " s; "
              << during << " frames sent during it; " << sent << " sent in all, " << stream.received.size()
              << " came back; longest gap " << gap << " frames; receive socket drops " << stats.tp_drops << "\n";
    check(stream.received.size() > sent / 2, "the stream flowed (" + std::to_string(stream.received.size()) + " of " +
                                                 std::to_string(sent) + " frames came back)");
    check(gap <= 5, "no gap longer than 5 frames across the reload (longest " + std::to_string(gap) + ")");
  }
done:
  return finish();
}
