// Packet builders for the benchmark mixes (see packets.h).
#include "tests/bench/packets.h"

#include <cstdio>

namespace p4wb::bench {

void put16(Bytes& b, std::uint16_t v) {
  b.push_back(std::uint8_t(v >> 8));
  b.push_back(std::uint8_t(v));
}

void put32(Bytes& b, std::uint32_t v) {
  put16(b, std::uint16_t(v >> 16));
  put16(b, std::uint16_t(v));
}

void putMac(Bytes& b, Mac m) {
  for (int shift = 40; shift >= 0; shift -= 8) b.push_back(std::uint8_t(m >> shift));
}

std::uint16_t ipChecksum(const std::uint8_t* hdr, std::size_t len) {
  std::uint32_t s = 0;
  for (std::size_t i = 0; i + 1 < len; i += 2) s += std::uint32_t(hdr[i] << 8 | hdr[i + 1]);
  while (s >> 16) s = (s & 0xffff) + (s >> 16);
  return std::uint16_t(~s);
}

Bytes ethernet(Mac dst, Mac src, std::uint16_t etherType) {
  Bytes b;
  putMac(b, dst);
  putMac(b, src);
  put16(b, etherType);
  return b;
}

Bytes ethernetVlan(Mac dst, Mac src, std::uint16_t vid, std::uint16_t etherType) {
  Bytes b = ethernet(dst, src, 0x8100);
  put16(b, vid & 0x0fff);
  put16(b, etherType);
  return b;
}

void appendIpv4(Bytes& frame, const Flow& f, std::uint8_t ttl, std::size_t payload,
                std::uint8_t tcpFlags) {
  const std::size_t l4 = f.proto == 6 ? 20 : 8;
  const std::size_t start = frame.size();
  frame.insert(frame.end(), {0x45, 0});
  put16(frame, std::uint16_t(20 + l4 + payload));
  frame.insert(frame.end(), {0x12, 0x34, 0x40, 0, ttl, f.proto, 0, 0});
  put32(frame, f.src);
  put32(frame, f.dst);
  std::uint16_t c = ipChecksum(frame.data() + start, 20);
  frame[start + 10] = std::uint8_t(c >> 8);
  frame[start + 11] = std::uint8_t(c);
  put16(frame, f.sport);
  put16(frame, f.dport);
  if (f.proto == 6) {
    put32(frame, 1000);  // seq
    put32(frame, 0);     // ack
    frame.push_back(0x50);
    frame.push_back(tcpFlags);
    put16(frame, 65535);
    put16(frame, 0x1234);  // checksum (not verified by anyone)
    put16(frame, 0);
  } else {
    put16(frame, std::uint16_t(8 + payload));
    put16(frame, 0x5678);
  }
  frame.insert(frame.end(), payload, 0xab);
}

Bytes ipv4Frame(Mac dst, Mac src, const Flow& f, std::uint8_t ttl) {
  Bytes b = ethernet(dst, src, 0x0800);
  appendIpv4(b, f, ttl);
  return padded(std::move(b));
}

Bytes padded(Bytes b) {
  if (b.size() < 60) b.resize(60, 0);
  return b;
}

std::string ipText(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

std::string macText(Mac m) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", unsigned(m >> 40) & 255,
                unsigned(m >> 32) & 255, unsigned(m >> 24) & 255, unsigned(m >> 16) & 255,
                unsigned(m >> 8) & 255, unsigned(m) & 255);
  return buf;
}

std::uint32_t ip(unsigned a, unsigned b, unsigned c, unsigned d) {
  return std::uint32_t(a) << 24 | std::uint32_t(b) << 16 | std::uint32_t(c) << 8 | d;
}

}  // namespace p4wb::bench
