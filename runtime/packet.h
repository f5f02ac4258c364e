// Test packets without hand-written hex: build Ethernet/IPv4/UDP|TCP|ICMP frames with
// correct lengths and checksums, and describe any frame in one tcpdump-like line.
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
  std::string srcIp = "10.0.0.1";  // IPv4 only for now
  std::string dstIp = "10.0.0.2";
  std::string proto = "udp";  // udp | tcp | icmp | raw (IPv4 with no L4 header)
  std::uint16_t srcPort = 1234;
  std::uint16_t dstPort = 80;
  std::uint8_t ttl = 64;
  std::vector<std::uint8_t> payload;
  std::size_t minFrameSize = 60;  // pad with zeros up to this (Ethernet minimum w/o FCS)
};

// EINVAL naming the field for a bad address or protocol.
Result<std::vector<std::uint8_t>> buildPacket(const PacketSpec& spec);

// Parses "key=value" words (dst_mac, src_mac, src, dst, proto, sport, dport, ttl,
// payload=<hex>, size=<min frame size>) on top of the defaults above, e.g.
// "dst=10.0.0.2 proto=tcp dport=443".
Result<PacketSpec> parsePacketSpec(std::string_view text);

// "02:00:00:00:00:01 > 02:00:00:00:00:02 IPv4 10.0.0.1 > 10.0.0.2 UDP 1234 > 80 len 4";
// unknown EtherTypes and truncated headers are said as such, never read past the end.
std::string describePacket(std::span<const std::uint8_t> frame);

}  // namespace p4wb::runtime
