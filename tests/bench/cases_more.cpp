// Benchmark cases of the examples that scan (acl_firewall), move headers
// (vxlan_gateway), hash (l4_lb) and keep state (conntrack); see cases.h.
#include <string>

#include "runtime/table.h"
#include "runtime/test_run.h"
#include "tests/bench/cases.h"

namespace rt = p4wb::runtime;

namespace p4wb::bench {

namespace {

std::string ternary(std::uint32_t value, std::uint32_t mask) {
  return ipText(value) + "&&&" + ipText(mask);
}

std::string range(unsigned lo, unsigned hi) { return std::to_string(lo) + ".." + std::to_string(hi); }

Bytes tcpFrame(std::uint32_t src, std::uint16_t sport, std::uint32_t dst, std::uint16_t dport,
               std::uint8_t flags = 0x10) {
  Bytes b = ethernet(kRouterMac, kHostMac, 0x0800);
  appendIpv4(b, {src, dst, 6, sport, dport}, 64, 6, flags);
  return padded(std::move(b));
}

Bytes udpFrame(std::uint32_t src, std::uint16_t sport, std::uint32_t dst, std::uint16_t dport) {
  return ipv4Frame(kRouterMac, kHostMac, {src, dst, 17, sport, dport});
}

}  // namespace

// 100 rules (a host firewall's size; the table is scanned, so the cost grows with the
// rules passed): permits for 10.0.i.0/24 to port 80 ranges, denies for hosts, a
// catch-all permit for TCP 443 at the lowest priority.
Case aclFirewall() {
  Case c{"acl_firewall", example("acl_firewall"), baseline("acl_firewall"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    const std::string any = ternary(0, 0);
    for (unsigned i = 0; i < 98; ++i) {
      std::string src = ternary(ip(10, 0, i, 0), 0xffffff00);
      if (i % 10 == 9)
        check(rt::addEntry(p, "acl", {src, any, "6&&&255", range(0, 65535), range(0, 1023)}, "deny",
                           {std::to_string(i + 1)}, 1000 - i),
              "add acl");
      else
        check(rt::addEntry(p, "acl", {src, any, "0&&&0", range(1024, 65535), range(80, 89)}, "permit",
                           {std::to_string(i + 1)}, 1000 - i),
              "add acl");
    }
    check(rt::addEntry(p, "acl", {any, ternary(ip(192, 0, 2, 1), 0xffffffff), "17&&&255", range(0, 65535),
                                  range(53, 53)}, "permit", {"99"}, 500),
          "add acl");
    check(rt::addEntry(p, "acl", {any, any, "6&&&255", range(0, 65535), range(443, 443)}, "permit", {"100"}, 1),
          "add acl");
  };
  const std::uint32_t dst = ip(192, 0, 2, 1);
  c.packets = {tcpFrame(ip(10, 0, 0, 7), 40000, dst, 80),    // first rule: permit
               tcpFrame(ip(10, 0, 50, 7), 40000, dst, 85),   // rule 51: permit
               tcpFrame(ip(10, 0, 9, 7), 40000, dst, 22),    // rule 10: deny
               udpFrame(ip(172, 16, 0, 1), 5353, dst, 53),   // rule 99: permit
               tcpFrame(ip(172, 16, 0, 1), 40000, dst, 443), // last rule: permit
               tcpFrame(ip(172, 16, 0, 1), 40000, dst, 25),  // no rule: deny(0)
               padded(ethernet(kRouterMac, kHostMac, 0x86dd))};  // not IPv4
  return c;
}

// 1,000 VNIs at the local VTEP, 10,000 remote MACs behind 250 VTEPs.
Case vxlanGateway() {
  Case c{"vxlan_gateway", example("vxlan_gateway"), baseline("vxlan_gateway"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    for (unsigned vni = 5000; vni < 6000; ++vni)
      add(p, "decap_vni", {"192.168.0.1", std::to_string(vni)}, "decap", {vni % 4 == 3 ? "7" : "0"});
    for (unsigned i = 0; i < 10000; ++i)
      add(p, "encap_mac", {macText(0x020000400000 + i)}, "encap",
          {std::to_string(5000 + i % 1000), "192.168.0.1", ipText(ip(192, 168, 1, 1 + i % 250)),
           macText(kHostMac), macText(kRouterMac), i % 4 == 3 ? "7" : "0"});
  };
  auto vxlan = [](unsigned vni) {
    Bytes inner = ethernet(0x020000400000 + 1, 0x020000500001, 0x0800);
    appendIpv4(inner, {ip(10, 1, 0, 1), ip(10, 1, 0, 2), 17, 1000, 2000});
    Bytes b = ethernet(kRouterMac, kHostMac, 0x0800);
    appendIpv4(b, {ip(192, 168, 1, 9), ip(192, 168, 0, 1), 17, 0xc123, 4789}, 64, 8 + inner.size());
    std::size_t vx = b.size() - 8 - inner.size();  // the payload after UDP: VXLAN + inner
    std::uint8_t hdr[8] = {8, 0, 0, 0, std::uint8_t(vni >> 16), std::uint8_t(vni >> 8), std::uint8_t(vni), 0};
    for (int i = 0; i < 8; ++i) b[vx + i] = hdr[i];
    for (std::size_t i = 0; i < inner.size(); ++i) b[vx + 8 + i] = inner[i];
    return b;
  };
  auto plain = [](Mac dst, std::uint8_t proto) {
    Bytes b = ethernet(dst, 0x020000500001, 0x0800);
    appendIpv4(b, {ip(10, 1, 0, 1), ip(10, 1, 0, 2), proto, 40000, 443});
    return padded(std::move(b));
  };
  c.packets = {vxlan(5000),                              // decap, XDP_TX
               vxlan(5003),                              // decap, redirect
               vxlan(7000),                              // unknown VNI: pass
               plain(0x020000400000 + 17, 6),            // encap TCP, XDP_TX
               plain(0x020000400000 + 4242, 17),         // encap UDP
               plain(0x020000990000, 6),                 // unknown MAC: pass
               padded(ethernet(0xffffffffffff, kHostMac, 0x0806))};  // ARP
  return c;
}

// 100 VIPs x (TCP 80, TCP 443, UDP 53), each its own group of 16 buckets: 4,800 backends.
Case l4Lb() {
  Case c{"l4_lb", example("l4_lb"), baseline("l4_lb"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    const std::pair<int, int> services[] = {{6, 80}, {6, 443}, {17, 53}};
    unsigned group = 1;
    for (unsigned v = 0; v < 100; ++v)
      for (auto [proto, port] : services) {
        add(p, "vips", {ipText(ip(10, 100, 0, v)), std::to_string(proto), std::to_string(port)}, "set_group",
            {std::to_string(group), "15"});
        for (unsigned b = 0; b < 16; ++b)
          add(p, "backends", {std::to_string(group), std::to_string(b)}, "set_backend",
              {ipText(ip(10, 200, group % 256, b)), macText(0x020000600000 + group * 16 + b)});
        ++group;
      }
  };
  const std::uint32_t vip = ip(10, 100, 0, 42);
  c.packets = {tcpFrame(ip(198, 51, 100, 1), 40000, vip, 80),
               tcpFrame(ip(198, 51, 100, 2), 40001, vip, 443),
               tcpFrame(ip(198, 51, 100, 3), 40002, vip, 80),
               udpFrame(ip(198, 51, 100, 4), 5353, vip, 53),
               tcpFrame(ip(198, 51, 100, 1), 40000, vip, 22),   // not a VIP: pass
               padded(ethernet(0xffffffffffff, kHostMac, 0x0806))};
  return c;
}

// 10.0.0.0/8 inside (plus 200 other inside prefixes), 1,000 allowed services, 10,000
// flows opened from inside before the timing.
Case conntrack() {
  Case c{"conntrack", example("conntrack"), baseline("conntrack"), {}, {}};
  c.fill = [](const rt::LoadedProgram& p) {
    add(p, "inside", {"10.0.0.0/8"}, "set_inside", {});
    for (unsigned i = 0; i < 200; ++i) add(p, "inside", {ipText(ip(172, 16 + i / 256, i % 256, 0)) + "/24"}, "set_inside", {});
    for (unsigned port = 1000; port < 2000; ++port) add(p, "services", {"6", std::to_string(port)}, "allow", {});
    for (unsigned i = 0; i < 10000; ++i) {
      Bytes syn = tcpFrame(ip(10, 0, i / 256, i % 256), std::uint16_t(30000 + i % 1000), ip(198, 51, 100, i % 200), 443, 0x02);
      if (!rt::testRun(p.programFd(), syn).ok()) die("conntrack: warm-up packet refused");
    }
  };
  c.packets = {tcpFrame(ip(10, 0, 1, 2), 30258, ip(198, 51, 100, 58), 443),  // inside, known flow
               tcpFrame(ip(198, 51, 100, 58), 443, ip(10, 0, 1, 2), 30258),  // return: established
               tcpFrame(ip(198, 51, 100, 7), 40000, ip(10, 0, 0, 5), 1500),  // allowed service
               tcpFrame(ip(198, 51, 100, 7), 40000, ip(10, 0, 0, 5), 23),    // denied
               udpFrame(ip(198, 51, 100, 9), 53, ip(10, 0, 0, 5), 33333),    // no flow, UDP: denied
               padded(ethernet(0xffffffffffff, kHostMac, 0x0806))};
  return c;
}

}  // namespace p4wb::bench
