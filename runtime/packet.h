// Test packets without hand-written hex: build Ethernet [802.1Q VLAN] IPv4|IPv6
// UDP|TCP|ICMP frames with correct lengths and checksums, and describe any frame in one
// tcpdump-like line.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {

struct PacketSpec {
  std::string dstMac = "02:00:00:00:00:02";
  std::string srcMac = "02:00:00:00:00:01";
  int vlan = -1;  // 802.1Q VLAN id 0..4095, or -1 for an untagged frame
  std::uint8_t pcp = 0;  // VLAN priority 0..7 (only with a tag)
  // 4 or 6; 0 = IPv6 when either address contains ':', else IPv4. With 6 and the IPv4
  // default addresses, fd00::1 > fd00::2 are used.
  int ipVersion = 0;
  std::string srcIp = "10.0.0.1";
  std::string dstIp = "10.0.0.2";
  // udp | tcp | icmp (ICMPv6 over IPv6: echo request) | raw (IP with no L4 header)
  std::string proto = "udp";
  std::uint16_t srcPort = 1234;
  std::uint16_t dstPort = 80;
  std::uint8_t ttl = 64;  // IPv6: hop limit
  std::vector<std::uint8_t> payload;
  std::size_t minFrameSize = 60;  // pad with zeros up to this (Ethernet minimum w/o FCS)
};

// EINVAL naming the field for a bad address or protocol.
Result<std::vector<std::uint8_t>> buildPacket(const PacketSpec& spec);

// Parses "key=value" words (dst_mac, src_mac, vlan, pcp, ip=4|6, src, dst, proto,
// sport, dport, ttl (or hlim), payload=<hex>, size=<min frame size>) on top of the
// defaults above, e.g. "dst=10.0.0.2 proto=tcp dport=443" or "vlan=10 dst=fd00::9".
Result<PacketSpec> parsePacketSpec(std::string_view text);

// "02:00:00:00:00:01 > 02:00:00:00:00:02 IPv4 10.0.0.1 > 10.0.0.2 UDP 1234 > 80 len 4",
// with " vlan 10 pcp 0" after the MACs for tagged frames and "IPv6 fd00::1 > fd00::2
// hlim 64" for IPv6;
// unknown EtherTypes and truncated headers are said as such, never read past the end.
std::string describePacket(std::span<const std::uint8_t> frame);

}  // namespace p4wb::runtime
