// Benchmark cases (see cases.h): table contents with hits and misses at realistic sizes
// and a packet mix that takes every main path of each example.
#include "tests/bench/cases.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "runtime/table.h"

namespace rt = p4wb::runtime;

namespace p4wb::bench {

void die(const std::string& what) {
  std::cerr << "p4wb-bench: " << what << "\n";
  std::exit(1);
}

void check(const rt::Status& s, const std::string& what) {
  if (!s.ok()) die(what + ": " + s.error().render());
}

void add(const rt::LoadedProgram& p, const std::string& table, const std::vector<std::string>& keys,
         const std::string& action, const std::vector<std::string>& params) {
  check(rt::addEntry(p, table, keys, action, params), "add to " + table);
}

std::string example(const std::string& name) { return P4WB_EXAMPLES "/" + name + ".p4"; }
std::string baseline(const std::string& name) { return P4WB_BASELINE_DIR "/" + name + ".o"; }

namespace {

Case basicFwd() {
  Case c{"basic_fwd", example("basic_fwd"), baseline("basic_fwd"), {}, {}};
  // 1000 entries: 900 forward, 100 drop (10.1.0.0 + i).
  c.fill = [](const rt::LoadedProgram& p) {
    for (std::uint32_t i = 0; i < 1000; ++i) {
      std::uint32_t a = ip(10, 1, 0, 0) + i;
      if (i % 10 == 9)
        add(p, "ipv4_fwd", {ipText(a)}, "drop", {});
      else
        add(p, "ipv4_fwd", {ipText(a)}, "forward",
            {macText(0x020000000100 + 10 + i % 80), macText(0x020000000201)});
    }
  };
  const std::uint32_t base = ip(10, 1, 0, 0);
  auto frame = [](std::uint32_t dst) { return ipv4Frame(kRouterMac, kHostMac, {ip(10, 0, 0, 1), dst, 17, 1234, 80}); };
  Bytes v6 = padded(ethernet(kRouterMac, kHostMac, 0x86dd));
  c.packets = {frame(base + 5), frame(base + 500), frame(base + 9), frame(base + 4000), v6};
  return c;
}

// 10,000 learned MACs (90 % forward: port 0 = XDP_TX or an ifindex, 5 % drop, 5 %
// flood) and 100 blocked sources.
Case l2Switch() {
  Case c{"l2_switch", example("l2_switch"), baseline("l2_switch"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    for (unsigned i = 0; i < 10000; ++i) {
      std::string mac = macText(0x020000010000 + i);
      if (i % 20 == 19) add(p, "dmac", {mac}, "drop", {});
      else if (i % 20 == 18) add(p, "dmac", {mac}, "flood", {});
      else add(p, "dmac", {mac}, "forward", {std::to_string(i % 2 ? 3 + i % 8 : 0)});
    }
    for (unsigned i = 0; i < 100; ++i) add(p, "blocked_src", {macText(0x020000660000 + i)}, "drop", {});
  };
  const Flow f{ip(10, 0, 0, 1), ip(10, 0, 0, 2), 17, 1234, 80};
  c.packets = {ipv4Frame(0x020000010000 + 42, kHostMac, f),    // forward, XDP_TX
               ipv4Frame(0x020000010000 + 4321, kHostMac, f),  // forward, redirect
               ipv4Frame(0x020000010000 + 39, kHostMac, f),    // drop entry
               ipv4Frame(0x020000990000, kHostMac, f),         // miss: flood
               ipv4Frame(0xffffffffffff, kHostMac, f),         // broadcast
               ipv4Frame(0x020000010000 + 42, 0x020000660000 + 7, f)};  // blocked source
  return c;
}

// 10,000 /24 routes plus 40 covering /16s and a /12 drop route; no default route.
Case l3Router() {
  Case c{"l3_router", example("l3_router"), baseline("l3_router"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    for (unsigned i = 0; i < 10000; ++i)
      add(p, "ipv4_lpm", {ipText(ip(10, i / 256, i % 256, 0)) + "/24"}, "set_nhop",
          {macText(0x020000020000 + i % 500), macText(kRouterMac), std::to_string(i % 3 ? 0 : 4 + i % 5)});
    for (unsigned i = 0; i < 40; ++i)
      add(p, "ipv4_lpm", {ipText(ip(10, i, 0, 0)) + "/16"}, "set_nhop",
          {macText(0x020000030000 + i), macText(kRouterMac), "0"});
    add(p, "ipv4_lpm", {"172.16.0.0/12"}, "drop", {});
  };
  auto to = [](std::uint32_t dst, std::uint8_t ttl = 64) {
    return ipv4Frame(kRouterMac, kHostMac, {ip(10, 0, 0, 1), dst, 6, 40000, 443}, ttl);
  };
  Bytes arp = padded(ethernet(0xffffffffffff, kHostMac, 0x0806));
  c.packets = {to(ip(10, 3, 7, 9)),    // /24, XDP_TX
               to(ip(10, 3, 6, 9)),    // /24, redirect
               to(ip(10, 39, 200, 1)), // only the /16
               to(ip(172, 17, 1, 1)),  // drop route
               to(ip(192, 168, 1, 1)), // miss
               to(ip(10, 3, 7, 9), 1), // TTL expires
               arp};
  return c;
}

}  // namespace

// 64 access ports in VLANs 10..17, 8 VLANs x 1,000 MACs (half on trunks), the router's
// MAC in each VLAN, 1,000 /24 routes plus a /8 and no default route.
Case vswitch() {
  Case c{"vswitch", example("vswitch"), baseline("vswitch"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    for (unsigned port = 1; port <= 64; ++port)
      add(p, "port_vlan", {std::to_string(port)}, "set_vlan", {std::to_string(10 + port % 8)});
    for (unsigned vid = 10; vid < 18; ++vid) {
      add(p, "router_mac", {std::to_string(vid), macText(kRouterMac)}, "route", {});
      for (unsigned i = 0; i < 1000; ++i)
        add(p, "mac_vlan", {std::to_string(vid), macText(0x020000100000 + i)}, "forward",
            {i % 4 == 3 ? std::to_string(4 + i % 5) : "0", std::to_string(i % 2)});
    }
    for (unsigned i = 0; i < 1000; ++i)
      add(p, "routes", {ipText(ip(10, 20 + i / 256, i % 256, 0)) + "/24"}, "set_nhop",
          {std::to_string(10 + i % 8), macText(0x020000200000 + i), macText(kRouterMac),
           i % 3 == 2 ? "5" : "0", std::to_string(i % 2)});
    add(p, "routes", {"10.0.0.0/8"}, "set_nhop", {"12", macText(0x020000300000), macText(kRouterMac), "0", "0"});
  };
  auto frame = [](Mac dst, int vid, std::uint32_t dip) {
    Bytes b = vid < 0 ? ethernet(dst, kHostMac, 0x0800) : ethernetVlan(dst, kHostMac, std::uint16_t(vid), 0x0800);
    appendIpv4(b, {ip(10, 10, 0, 1), dip, 17, 1000, 2000});
    return padded(std::move(b));
  };
  const std::uint32_t dip = ip(10, 20, 3, 9);  // route 3: VLAN 13, trunk, XDP_TX
  c.packets = {frame(0x020000100000 + 5, 11, dip),   // bridged, trunk: tag kept
               frame(0x020000100000 + 8, 12, dip),   // bridged, access: tag popped
               frame(0x020000100000 + 9, -1, dip),   // untagged (port 1: VLAN 11), trunk: pushed
               frame(kRouterMac, 11, dip),           // routed, trunk: VID rewritten
               frame(kRouterMac, 11, ip(10, 20, 4, 1)),  // routed, access: popped
               frame(kRouterMac, -1, ip(10, 20, 3, 1)),  // untagged routed, trunk: pushed
               frame(0x020000990000, 11, dip),       // unknown MAC: flood
               frame(0xffffffffffff, 11, dip)};      // broadcast
  return c;
}

std::vector<Case> allCases() {
  std::vector<Case> out;
  for (Case c : {basicFwd(), l2Switch(), l3Router(), aclFirewall(), vxlanGateway(), l4Lb(), conntrack(), vswitch()}) {
    if (std::filesystem::exists(c.p4)) out.push_back(std::move(c));
    else std::cerr << "p4wb-bench: " << c.name << ": no " << c.p4 << ", skipped\n";
  }
  return out;
}

}  // namespace p4wb::bench
