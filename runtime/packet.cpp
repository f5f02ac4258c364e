#include "runtime/packet.h"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>
#include <cstring>
#include <type_traits>
#include <algorithm>

#include "runtime/field_codec.h"
#include "runtime/hex.h"

namespace p4wb::runtime {

namespace {

constexpr std::size_t kEthLen = 14, kIpLen = 20, kUdpLen = 8, kTcpLen = 20, kIcmpLen = 8;

void put16(std::vector<std::uint8_t>& b, std::size_t at, std::uint16_t v) {
  b[at] = static_cast<std::uint8_t>(v >> 8);
  b[at + 1] = static_cast<std::uint8_t>(v);
}
std::uint16_t get16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

// RFC 1071 ones' complement sum over data, seeded with `sum`.
std::uint16_t checksum(std::span<const std::uint8_t> data, std::uint32_t sum = 0) {
  for (std::size_t i = 0; i + 1 < data.size(); i += 2) sum += static_cast<std::uint32_t>(data[i] << 8 | data[i + 1]);
  if (data.size() % 2) sum += static_cast<std::uint32_t>(data.back() << 8);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

Status putMac(std::vector<std::uint8_t>& b, std::size_t at, const std::string& text, const char* what) {
  FieldLayout f{what, 48, static_cast<unsigned>(at), 6, ByteOrder::Network, "mac"};
  Status s = encodeField(f, text, b);
  if (!s) return makeError(EINVAL, std::string(what) + ": '" + text + "' is not a MAC address");
  return {};
}

Status putIp(std::vector<std::uint8_t>& b, std::size_t at, const std::string& text, const char* what) {
  in_addr a{};
  if (inet_pton(AF_INET, text.c_str(), &a) != 1)
    return makeError(EINVAL, std::string(what) + ": '" + text + "' is not an IPv4 address");
  std::memcpy(&b[at], &a, 4);
  return {};
}

std::string mac(std::span<const std::uint8_t> b, std::size_t at) {
  return formatHex(b.subspan(at, 6), ":");
}

std::string ip(std::span<const std::uint8_t> b, std::size_t at) {
  return std::to_string(b[at]) + "." + std::to_string(b[at + 1]) + "." + std::to_string(b[at + 2]) + "." +
         std::to_string(b[at + 3]);
}

std::string describeL4(std::span<const std::uint8_t> f, std::size_t l4, std::uint8_t proto, std::size_t ipEnd) {
  std::size_t avail = ipEnd > l4 ? ipEnd - l4 : 0;
  if (proto == 17 || proto == 6) {
    std::size_t hdr = proto == 17 ? kUdpLen : kTcpLen;
    std::string name = proto == 17 ? "UDP" : "TCP";
    if (avail < 4) return " " + name + " (truncated)";
    std::string ports = " " + name + " " + std::to_string(get16(f, l4)) + " > " + std::to_string(get16(f, l4 + 2));
    std::size_t dataOff = proto == 6 && avail >= 13 ? static_cast<std::size_t>(f[l4 + 12] >> 4) * 4 : hdr;
    return ports + " len " + std::to_string(avail > dataOff ? avail - dataOff : 0);
  }
  if (proto == 1) {
    if (avail < 2) return " ICMP (truncated)";
    return " ICMP type " + std::to_string(f[l4]) + " code " + std::to_string(f[l4 + 1]);
  }
  return " proto " + std::to_string(proto);
}

}  // namespace

Result<std::vector<std::uint8_t>> buildPacket(const PacketSpec& s) {
  std::size_t l4 = s.proto == "udp" ? kUdpLen : s.proto == "tcp" ? kTcpLen : s.proto == "icmp" ? kIcmpLen : 0;
  if (l4 == 0 && s.proto != "raw") return makeError(EINVAL, "proto: '" + s.proto + "' (expected udp, tcp, icmp or raw)");
  std::size_t ipTotal = kIpLen + l4 + s.payload.size();
  if (ipTotal > 0xffff) return makeError(EINVAL, "payload: too large for one IPv4 packet");
  std::vector<std::uint8_t> b(kEthLen + ipTotal, 0);
  if (Status st = putMac(b, 0, s.dstMac, "dst_mac"); !st) return st.error();
  if (Status st = putMac(b, 6, s.srcMac, "src_mac"); !st) return st.error();
  put16(b, 12, 0x0800);
  std::size_t ipAt = kEthLen;
  b[ipAt] = 0x45;
  put16(b, ipAt + 2, static_cast<std::uint16_t>(ipTotal));
  b[ipAt + 8] = s.ttl;
  b[ipAt + 9] = s.proto == "udp" ? 17 : s.proto == "tcp" ? 6 : s.proto == "icmp" ? 1 : 253;  // 253: experimental
  if (Status st = putIp(b, ipAt + 12, s.srcIp, "src"); !st) return st.error();
  if (Status st = putIp(b, ipAt + 16, s.dstIp, "dst"); !st) return st.error();
  put16(b, ipAt + 10, checksum(std::span(b).subspan(ipAt, kIpLen)));
  std::size_t l4At = ipAt + kIpLen;
  std::copy(s.payload.begin(), s.payload.end(), b.begin() + static_cast<long>(l4At + l4));
  std::span<const std::uint8_t> segment = std::span(b).subspan(l4At);
  // TCP/UDP checksums cover a pseudo header: addresses, protocol, segment length.
  std::uint32_t pseudo = get16(b, ipAt + 12) + get16(b, ipAt + 14) + get16(b, ipAt + 16) + get16(b, ipAt + 18) +
                         b[ipAt + 9] + static_cast<std::uint32_t>(segment.size());
  if (s.proto == "udp") {
    put16(b, l4At, s.srcPort);
    put16(b, l4At + 2, s.dstPort);
    put16(b, l4At + 4, static_cast<std::uint16_t>(segment.size()));
    std::uint16_t c = checksum(std::span(b).subspan(l4At), pseudo);
    put16(b, l4At + 6, c == 0 ? 0xffff : c);
  } else if (s.proto == "tcp") {
    put16(b, l4At, s.srcPort);
    put16(b, l4At + 2, s.dstPort);
    b[l4At + 12] = 5 << 4;  // data offset: 5 words
    b[l4At + 13] = 0x02;  // SYN
    put16(b, l4At + 14, 65535);  // window
    put16(b, l4At + 16, checksum(std::span(b).subspan(l4At), pseudo));
  } else if (s.proto == "icmp") {
    b[l4At] = 8;  // echo request
    put16(b, l4At + 2, checksum(std::span(b).subspan(l4At)));
  }
  if (b.size() < s.minFrameSize) b.resize(s.minFrameSize, 0);
  return b;
}

Result<PacketSpec> parsePacketSpec(std::string_view text) {
  PacketSpec spec;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    std::size_t end = pos;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    if (end == pos) break;
    std::string word(text.substr(pos, end - pos));
    pos = end;
    std::size_t eq = word.find('=');
    if (eq == std::string::npos) return makeError(EINVAL, "expected key=value, got '" + word + "'");
    std::string key = word.substr(0, eq), value = word.substr(eq + 1);
    auto number = [&](unsigned max, auto& out) -> Status {
      unsigned v = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || p != value.data() + value.size() || v > max)
        return makeError(EINVAL, key + ": '" + value + "' is not a number up to " + std::to_string(max));
      out = static_cast<std::remove_reference_t<decltype(out)>>(v);
      return {};
    };
    Status s;
    if (key == "dst_mac") spec.dstMac = value;
    else if (key == "src_mac") spec.srcMac = value;
    else if (key == "src") spec.srcIp = value;
    else if (key == "dst") spec.dstIp = value;
    else if (key == "proto") spec.proto = value;
    else if (key == "sport") s = number(65535, spec.srcPort);
    else if (key == "dport") s = number(65535, spec.dstPort);
    else if (key == "ttl") s = number(255, spec.ttl);
    else if (key == "size") s = number(9000, spec.minFrameSize);
    else if (key == "payload") {
      Result<std::vector<std::uint8_t>> bytes = parseHex(value);
      if (!bytes) return makeError(EINVAL, "payload: " + bytes.error().message);
      spec.payload = std::move(*bytes);
    } else {
      return makeError(EINVAL, "unknown packet field '" + key +
                                   "' (dst_mac, src_mac, src, dst, proto, sport, dport, ttl, payload, size)");
    }
    if (!s) return s.error();
  }
  return spec;
}

std::string describePacket(std::span<const std::uint8_t> f) {
  if (f.size() < kEthLen) return "runt frame (" + std::to_string(f.size()) + " bytes)";
  std::string text = mac(f, 6) + " > " + mac(f, 0);
  std::uint16_t type = get16(f, 12);
  if (type == 0x0806) return text + " ARP";
  if (type == 0x86dd) return text + " IPv6";
  if (type != 0x0800) return text + " ethertype 0x" + formatHex(f.subspan(12, 2), "");
  if (f.size() < kEthLen + kIpLen) return text + " IPv4 (truncated)";
  std::size_t ihl = static_cast<std::size_t>(f[kEthLen] & 0x0f) * 4;
  std::size_t ipEnd = std::min(f.size(), kEthLen + get16(f, kEthLen + 2));
  text += " IPv4 " + ip(f, kEthLen + 12) + " > " + ip(f, kEthLen + 16) + " ttl " + std::to_string(f[kEthLen + 8]);
  if (ihl < kIpLen) return text + " (bad header length)";
  return text + describeL4(f, kEthLen + ihl, f[kEthLen + 9], ipEnd);
}

}  // namespace p4wb::runtime
