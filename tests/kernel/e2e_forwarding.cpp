// End to end on a real interface: compile and load resources/examples/basic_fwd.p4 on a
// veth inside a fresh network namespace with `p4wb load`, add table entries with
// `p4wb table add`, send frames from the peer with AF_PACKET and check what comes back
// (XDP_TX with rewritten MACs, drops, passes), then check the stage counters and a
// BPF_PROG_TEST_RUN through `p4wb run`.
#include "tests/kernel/lab_fixture.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

using namespace p4wb::tests;

namespace {

using Bytes = std::vector<std::uint8_t>;

// Ethernet + IPv4 (checksum not needed by the program) + 8 marker bytes.
Bytes ipv4Frame(std::uint8_t lastOctet, std::uint8_t marker) {
  Bytes f = {0x02, 0, 0, 0, 0, 0x10,  0x02, 0, 0, 0, 0, 0x20,  0x08, 0x00,
             0x45, 0x00, 0x00, 0x1c, 0x12, 0x34, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
             10, 0, 0, 1,  10, 0, 0, lastOctet};
  for (int i = 0; i < 8; ++i) f.push_back(static_cast<std::uint8_t>(marker + i));
  return f;
}

bool sameExceptMacs(const Bytes& a, const Bytes& b) {
  if (a.size() < b.size()) return false;  // veth may not pad, but never shortens
  for (std::size_t i = 12; i < b.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

std::string hex(const Bytes& b) {
  std::string s;
  char buf[3];
  for (auto v : b) {
    std::snprintf(buf, sizeof buf, "%02x", v);
    s += buf;
  }
  return s;
}

std::uint64_t stageCount(const nlohmann::json& counters, const std::string& kind,
                         const std::string& nameSuffix) {
  for (const auto& s : counters.at("stages")) {
    const std::string name = s.at("name");
    if (s.at("kind") == kind && name.size() >= nameSuffix.size() &&
        name.compare(name.size() - nameSuffix.size(), nameSuffix.size(), nameSuffix) == 0)
      return s.at("count").get<std::uint64_t>();
  }
  return ~0ull;
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: e2e_forwarding needs root (network namespaces, XDP)\n";
    return 77;
  }
  const std::string p4wb = P4WB_BIN;
  const std::string example = P4WB_EXAMPLES "/basic_fwd.p4";
  const std::string name = "e2e" + std::to_string(getpid());
  {
    VethLab lab("fwd");
    check(lab.ok(), "namespace " + lab.netns() + " with veth pair created");
    if (!lab.ok()) goto done;

    auto load = runCommand(p4wb + " load " + example + " --dev " + lab.dev() + " --netns " +
                           lab.netns() + " --name " + name);
    lab.onTeardown(p4wb + " unload " + name);
    check(load.status == 0, "p4wb load attaches basic_fwd.p4 with XDP");
    if (load.status != 0) goto done;

    // Native XDP_TX on veth reaches the peer only when the peer runs XDP too: the same
    // program with an empty table passes everything, so it serves as the pass-through.
    auto peerLoad = runCommand(p4wb + " load " + example + " --dev " + lab.peer() +
                               " --netns " + lab.netns() + " --name " + name + "-peer");
    lab.onTeardown(p4wb + " unload " + name + "-peer");
    check(peerLoad.status == 0, "pass-through XDP program on the peer");

    const std::string table = p4wb + " table ";
    check(runCommand(table + "add " + name +
                     " ipv4_fwd 10.0.0.2 forward 02:00:00:00:00:aa 02:00:00:00:00:bb")
                  .status == 0,
          "table add forward entry");
    check(runCommand(table + "add " + name + " ingress.ipv4_fwd 10.0.0.3 drop").status == 0,
          "table add drop entry");
    check(runCommand(table + "add " + name + " ipv4_fwd 10.0.0.4 forward 1.2.3.4 0").status != 0,
          "table add rejects an IPv4 literal for a MAC parameter");
    auto dump = runCommand(table + "dump " + name + " ipv4_fwd --json");
    check(dump.status == 0 && dump.out.find("10.0.0.2") != std::string::npos &&
              dump.out.find("02:00:00:00:00:aa") != std::string::npos &&
              dump.out.find("drop") != std::string::npos,
          "table dump shows both typed entries");

    int fd = lab.openPeerSocket();
    check(fd >= 0, "AF_PACKET socket on the peer");
    if (fd < 0) goto done;

    const Bytes fwd = ipv4Frame(2, 0xa0);
    for (int i = 0; i < 3; ++i) lab.sendOnPeer(fd, fwd);
    auto back = lab.receiveOnPeer(fd, std::chrono::milliseconds(700));
    int good = 0;
    for (const auto& f : back) {
      bool macs = f.size() >= 12 && hex(Bytes(f.begin(), f.begin() + 12)) == "0200000000aa0200000000bb";
      if (macs && sameExceptMacs(f, fwd)) ++good;
    }
    check(good == 3, "3 frames to 10.0.0.2 came back with rewritten MACs (XDP_TX), got " +
                         std::to_string(good) + " of " + std::to_string(back.size()));

    for (int i = 0; i < 2; ++i) lab.sendOnPeer(fd, ipv4Frame(3, 0xb0));
    lab.sendOnPeer(fd, ipv4Frame(9, 0xc0));
    back = lab.receiveOnPeer(fd, std::chrono::milliseconds(500));
    check(back.empty(), "dropped and passed frames do not come back (" +
                            std::to_string(back.size()) + " frames seen)");
    close(fd);

    auto ctr = runCommand(p4wb + " counters " + name + " --json");
    check(ctr.status == 0, "p4wb counters --json");
    if (ctr.status == 0) {
      auto j = nlohmann::json::parse(ctr.out, nullptr, false);
      check(!j.is_discarded() && j.contains("stages"), "counters output is JSON with stages");
      if (!j.is_discarded() && j.contains("stages")) {
        check(stageCount(j, "verdict", "XDP_TX") == 3, "stage counter XDP_TX == 3");
        check(stageCount(j, "verdict", "XDP_DROP") == 2, "stage counter XDP_DROP == 2");
        check(stageCount(j, "table_hit", "ipv4_fwd") == 5, "stage counter ipv4_fwd hit == 5");
        check(stageCount(j, "table_miss", "ipv4_fwd") == 1, "stage counter ipv4_fwd miss == 1");
        check(stageCount(j, "parser_state", "parse_ipv4") == 6,
              "stage counter parser state parse_ipv4 == 6");
      }
    }

    auto run = runCommand(p4wb + " run " + name + " " + hex(fwd) + " --json");
    auto rj = nlohmann::json::parse(run.out, nullptr, false);
    check(run.status == 0 && !rj.is_discarded() && rj.value("verdict", "") == "XDP_TX",
          "p4wb run (BPF_PROG_TEST_RUN) gives XDP_TX for a frame to 10.0.0.2");
  }
done:
  return finish();
}
