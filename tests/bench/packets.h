// Packet builders for the benchmark mixes: Ethernet, VLAN, IPv4 (valid header checksum),
// UDP, TCP and VXLAN frames as byte vectors, plus text forms of addresses for table
// entries. Pure functions, no kernel.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace p4wb::bench {

using Bytes = std::vector<std::uint8_t>;
using Mac = std::uint64_t;  // low 48 bits

struct Flow {
  std::uint32_t src = 0, dst = 0;
  std::uint8_t proto = 17;  // 6 tcp, 17 udp
  std::uint16_t sport = 0, dport = 0;
};

void put16(Bytes& b, std::uint16_t v);
void put32(Bytes& b, std::uint32_t v);
void putMac(Bytes& b, Mac m);
std::uint16_t ipChecksum(const std::uint8_t* hdr, std::size_t len);

// Ethernet header; payload appended by the caller.
Bytes ethernet(Mac dst, Mac src, std::uint16_t etherType);
// Ethernet + 802.1Q tag (TPID 0x8100) + inner etherType.
Bytes ethernetVlan(Mac dst, Mac src, std::uint16_t vid, std::uint16_t etherType);
// IPv4 header (20 bytes, checksum set) + UDP or TCP header + payload of `payload` bytes
// of 0xab, appended to `frame`.
void appendIpv4(Bytes& frame, const Flow& f, std::uint8_t ttl = 64, std::size_t payload = 18,
                std::uint8_t tcpFlags = 0x10);
// Convenience: Ethernet(IPv4) frame for a flow.
Bytes ipv4Frame(Mac dst, Mac src, const Flow& f, std::uint8_t ttl = 64);
// Frame padded to at least 60 bytes (minimum Ethernet without FCS).
Bytes padded(Bytes b);

std::string ipText(std::uint32_t a);
std::string macText(Mac m);
std::uint32_t ip(unsigned a, unsigned b, unsigned c, unsigned d);

}  // namespace p4wb::bench
