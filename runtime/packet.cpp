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
  if (proto == 1 || proto == 58) {
    std::string name = proto == 1 ? "ICMP" : "ICMPv6";
    if (avail < 2) return " " + name + " (truncated)";
    return " " + name + " type " + std::to_string(f[l4]) + " code " + std::to_string(f[l4 + 1]);
  }
  return " proto " + std::to_string(proto);
}

std::string describeIpv6(std::span<const std::uint8_t> f, std::size_t at) {
  if (f.size() < at + 40) return " IPv6 (truncated)";
  char src[INET6_ADDRSTRLEN] = {}, dst[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, f.data() + at + 8, src, sizeof src);
  inet_ntop(AF_INET6, f.data() + at + 24, dst, sizeof dst);
  std::string text = std::string(" IPv6 ") + src + " > " + dst + " hlim " + std::to_string(f[at + 7]);
  const std::size_t end = std::min(f.size(), at + 40 + get16(f, at + 4));
  return text + describeL4(f, at + 40, f[at + 6], end);
}

}  // namespace

namespace {

constexpr std::size_t kIp6Len = 40, kVlanLen = 4;
const PacketSpec kDefaults;

struct Layout {
  bool v6 = false;
  std::size_t ipAt = 0, ipLen = 0, l4At = 0, l4Len = 0;
  std::uint8_t proto = 0;
};

Status putIp6(std::vector<std::uint8_t>& b, std::size_t at, const std::string& text, const char* what) {
  in6_addr a{};
  if (inet_pton(AF_INET6, text.c_str(), &a) != 1)
    return makeError(EINVAL, std::string(what) + ": '" + text + "' is not an IPv6 address");
  std::memcpy(&b[at], &a, 16);
  return {};
}

// Ethernet header, with an 802.1Q tag when asked; returns where the IP header starts.
Result<std::size_t> putEthernet(std::vector<std::uint8_t>& b, const PacketSpec& s, bool v6) {
  if (Status st = putMac(b, 0, s.dstMac, "dst_mac"); !st) return st.error();
  if (Status st = putMac(b, 6, s.srcMac, "src_mac"); !st) return st.error();
  std::size_t at = 12;
  if (s.vlan >= 0) {
    if (s.vlan > 4095 || s.pcp > 7) return makeError(EINVAL, "vlan: id 0..4095 and pcp 0..7");
    put16(b, at, 0x8100);
    put16(b, at + 2, static_cast<std::uint16_t>(s.pcp << 13 | s.vlan));
    at += kVlanLen;
  }
  put16(b, at, v6 ? 0x86dd : 0x0800);
  return at + 2;
}

Status putIpHeader(std::vector<std::uint8_t>& b, const PacketSpec& s, const Layout& l) {
  const std::size_t at = l.ipAt;
  if (l.v6) {
    const std::string src = s.srcIp == kDefaults.srcIp ? "fd00::1" : s.srcIp;
    const std::string dst = s.dstIp == kDefaults.dstIp ? "fd00::2" : s.dstIp;
    b[at] = 0x60;
    put16(b, at + 4, static_cast<std::uint16_t>(b.size() - at - kIp6Len));
    b[at + 6] = l.proto;
    b[at + 7] = s.ttl;
    if (Status st = putIp6(b, at + 8, src, "src"); !st) return st;
    return putIp6(b, at + 24, dst, "dst");
  }
  b[at] = 0x45;
  put16(b, at + 2, static_cast<std::uint16_t>(b.size() - at));
  b[at + 8] = s.ttl;
  b[at + 9] = l.proto;
  if (Status st = putIp(b, at + 12, s.srcIp, "src"); !st) return st;
  if (Status st = putIp(b, at + 16, s.dstIp, "dst"); !st) return st;
  put16(b, at + 10, checksum(std::span(b).subspan(at, kIpLen)));
  return {};
}

// Ones' complement sum of the pseudo header TCP, UDP and ICMPv6 checksums cover.
std::uint32_t pseudoHeaderSum(const std::vector<std::uint8_t>& b, const Layout& l, std::size_t segment) {
  const std::size_t addrAt = l.v6 ? l.ipAt + 8 : l.ipAt + 12;
  const std::size_t addrLen = l.v6 ? 32 : 8;
  std::uint32_t sum = l.proto + static_cast<std::uint32_t>(segment >> 16) + static_cast<std::uint32_t>(segment & 0xffff);
  for (std::size_t i = 0; i < addrLen; i += 2) sum += get16(b, addrAt + i);
  return sum;
}

void putL4(std::vector<std::uint8_t>& b, const PacketSpec& s, const Layout& l) {
  const std::size_t at = l.l4At;
  const std::uint32_t pseudo = pseudoHeaderSum(b, l, b.size() - at);
  if (s.proto == "udp") {
    put16(b, at, s.srcPort);
    put16(b, at + 2, s.dstPort);
    put16(b, at + 4, static_cast<std::uint16_t>(b.size() - at));
    std::uint16_t c = checksum(std::span(b).subspan(at), pseudo);
    put16(b, at + 6, c == 0 ? 0xffff : c);
  } else if (s.proto == "tcp") {
    put16(b, at, s.srcPort);
    put16(b, at + 2, s.dstPort);
    b[at + 12] = 5 << 4;  // data offset: 5 words
    b[at + 13] = 0x02;  // SYN
    put16(b, at + 14, 65535);  // window
    put16(b, at + 16, checksum(std::span(b).subspan(at), pseudo));
  } else if (s.proto == "icmp") {
    b[at] = l.v6 ? 128 : 8;  // echo request; ICMPv6 also sums the pseudo header
    put16(b, at + 2, checksum(std::span(b).subspan(at), l.v6 ? pseudo : 0));
  }
}

}  // namespace

Result<std::vector<std::uint8_t>> buildPacket(const PacketSpec& s) {
  Layout l;
  l.v6 = s.ipVersion == 6 ||
         (s.ipVersion == 0 && (s.srcIp.find(':') != std::string::npos || s.dstIp.find(':') != std::string::npos));
  if (s.ipVersion != 0 && s.ipVersion != 4 && s.ipVersion != 6) return makeError(EINVAL, "ip: expected 4 or 6");
  l.l4Len = s.proto == "udp" ? kUdpLen : s.proto == "tcp" ? kTcpLen : s.proto == "icmp" ? kIcmpLen : 0;
  if (l.l4Len == 0 && s.proto != "raw") return makeError(EINVAL, "proto: '" + s.proto + "' (expected udp, tcp, icmp or raw)");
  l.proto = s.proto == "udp" ? 17 : s.proto == "tcp" ? 6 : s.proto == "icmp" ? (l.v6 ? 58 : 1) : 253;  // 253: experimental
  l.ipLen = l.v6 ? kIp6Len : kIpLen;
  const std::size_t ipPayload = l.l4Len + s.payload.size();
  if (ipPayload + (l.v6 ? 0 : kIpLen) > 0xffff) return makeError(EINVAL, "payload: too large for one IP packet");
  const std::size_t l2 = kEthLen + (s.vlan >= 0 ? kVlanLen : 0);
  std::vector<std::uint8_t> b(l2 + l.ipLen + ipPayload, 0);
  Result<std::size_t> ipAt = putEthernet(b, s, l.v6);
  if (!ipAt) return ipAt.error();
  l.ipAt = *ipAt;
  l.l4At = l.ipAt + l.ipLen;
  if (Status st = putIpHeader(b, s, l); !st) return st.error();
  std::copy(s.payload.begin(), s.payload.end(), b.begin() + static_cast<long>(l.l4At + l.l4Len));
  putL4(b, s, l);
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
    else if (key == "ttl" || key == "hlim") s = number(255, spec.ttl);
    else if (key == "vlan") s = number(4095, spec.vlan);
    else if (key == "pcp") s = number(7, spec.pcp);
    else if (key == "ip") {
      s = number(6, spec.ipVersion);
      if (s && spec.ipVersion != 4 && spec.ipVersion != 6) s = makeError(EINVAL, "ip: expected 4 or 6, got '" + value + "'");
    }
    else if (key == "size") s = number(9000, spec.minFrameSize);
    else if (key == "payload") {
      Result<std::vector<std::uint8_t>> bytes = parseHex(value);
      if (!bytes) return makeError(EINVAL, "payload: " + bytes.error().message);
      spec.payload = std::move(*bytes);
    } else {
      return makeError(EINVAL, "unknown packet field '" + key +
                                   "' (dst_mac, src_mac, vlan, pcp, ip, src, dst, proto, sport, dport, ttl, hlim, payload, size)");
    }
    if (!s) return s.error();
  }
  return spec;
}

std::string describePacket(std::span<const std::uint8_t> f) {
  if (f.size() < kEthLen) return "runt frame (" + std::to_string(f.size()) + " bytes)";
  std::string text = mac(f, 6) + " > " + mac(f, 0);
  std::size_t l3 = kEthLen;
  std::uint16_t type = get16(f, 12);
  while (type == 0x8100 || type == 0x88a8) {  // 802.1Q, and 802.1ad outer tags
    if (f.size() < l3 + kVlanLen) return text + " vlan (truncated)";
    const std::uint16_t tci = get16(f, l3);
    text += " vlan " + std::to_string(tci & 0x0fff) + " pcp " + std::to_string(tci >> 13);
    type = get16(f, l3 + 2);
    l3 += kVlanLen;
  }
  if (type == 0x0806) return text + " ARP";
  if (type == 0x86dd) return text + describeIpv6(f, l3);
  if (type != 0x0800) return text + " ethertype 0x" + formatHex(f.subspan(l3 - 2, 2), "");
  if (f.size() < l3 + kIpLen) return text + " IPv4 (truncated)";
  std::size_t ihl = static_cast<std::size_t>(f[l3] & 0x0f) * 4;
  std::size_t ipEnd = std::min(f.size(), l3 + get16(f, l3 + 2));
  text += " IPv4 " + ip(f, l3 + 12) + " > " + ip(f, l3 + 16) + " ttl " + std::to_string(f[l3 + 8]);
  if (ihl < kIpLen) return text + " (bad header length)";
  return text + describeL4(f, l3 + ihl, f[l3 + 9], ipEnd);
}

}  // namespace p4wb::runtime
