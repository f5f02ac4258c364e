#include "runtime/field_codec.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace p4wb::runtime {

namespace {

std::string fieldLabel(const FieldLayout& field) {
  return field.name.empty() ? std::string("field") : "field " + field.name;
}

Uint128 maxFor(unsigned bits) {
  return bits >= 128 ? ~Uint128(0) : (Uint128(1) << bits) - 1;
}

// 'text' — built by appending (GCC 12 warns falsely on "'" + std::string(...)).
std::string quoted(std::string_view text) {
  std::string out(1, '\'');
  out += text;
  out += '\'';
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Digits in `base` (2, 10 or 16) into a 128-bit value; ERANGE when it exceeds 128 bits.
Result<Uint128> parseDigits(std::string_view digits, unsigned base, const FieldLayout& field,
                            std::string_view original) {
  if (digits.empty())
    return makeError(EINVAL, quoted(original) + " is not a number (" + fieldLabel(field) + ")");
  Uint128 value = 0;
  for (char c : digits) {
    unsigned d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else d = 99;
    if (d >= base)
      return makeError(EINVAL, quoted(original) + " is not a valid number for " +
                                   fieldLabel(field) + " (unexpected '" + std::string(1, c) + "')");
    if (value > (~Uint128(0) - d) / base)
      return makeError(ERANGE, "value " + std::string(original) + " does not fit " +
                                   fieldLabel(field) + " (" + std::to_string(field.bits) + " bits)");
    value = value * base + d;
  }
  return value;
}

Result<Uint128> parseIpv4(std::string_view text, const FieldLayout& field) {
  in_addr addr{};
  std::string s(text);
  if (inet_pton(AF_INET, s.c_str(), &addr) != 1)
    return makeError(EINVAL, "'" + s + "' is not a valid IPv4 address (" + fieldLabel(field) + ")");
  // An address only makes sense for a field of exactly its width; anything else is
  // almost always a parameter given in the wrong position.
  if (field.bits != 32)
    return makeError(field.bits < 32 ? ERANGE : EINVAL,
                     "IPv4 address " + s + " given for " + fieldLabel(field) + " (" +
                         std::to_string(field.bits) + " bits); IPv4 needs 32 bits");
  return Uint128(ntohl(addr.s_addr));
}

Result<Uint128> parseIpv6(std::string_view text, const FieldLayout& field) {
  in6_addr addr{};
  std::string s(text);
  if (inet_pton(AF_INET6, s.c_str(), &addr) != 1)
    return makeError(EINVAL, "'" + s + "' is not a valid IPv6 address (" + fieldLabel(field) + ")");
  // An address only makes sense for a field of exactly its width; anything else is
  // almost always a parameter given in the wrong position.
  if (field.bits != 128)
    return makeError(field.bits < 128 ? ERANGE : EINVAL,
                     "IPv6 address " + s + " given for " + fieldLabel(field) + " (" +
                         std::to_string(field.bits) + " bits); IPv6 needs 128 bits");
  Uint128 value = 0;
  for (unsigned char b : addr.s6_addr) value = (value << 8) | b;
  return value;
}

Result<Uint128> parseMac(std::string_view text, const FieldLayout& field) {
  std::string s(text);
  Uint128 value = 0;
  int groups = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of(":-", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view group = text.substr(pos, end - pos);
    bool ok = !group.empty() && group.size() <= 2 &&
              std::all_of(group.begin(), group.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (!ok || ++groups > 6)
      return makeError(EINVAL, "'" + s + "' is not a valid MAC address (" + fieldLabel(field) + ")");
    value = (value << 8) | std::stoul(std::string(group), nullptr, 16);
    pos = end + 1;
  }
  if (groups != 6)
    return makeError(EINVAL, "'" + s + "' is not a valid MAC address (" + fieldLabel(field) + ")");
  // An address only makes sense for a field of exactly its width; anything else is
  // almost always a parameter given in the wrong position.
  if (field.bits != 48)
    return makeError(field.bits < 48 ? ERANGE : EINVAL,
                     "MAC address " + s + " given for " + fieldLabel(field) + " (" +
                         std::to_string(field.bits) + " bits); MAC needs 48 bits");
  return value;
}

Result<Uint128> parseNumberOrAddress(std::string_view text, const FieldLayout& field) {
  if (text.find(':') != std::string_view::npos) {
    // Six short groups is a MAC; anything else with colons must be IPv6.
    bool macShape = std::count(text.begin(), text.end(), ':') == 5 && text.find("::") == std::string_view::npos;
    if (field.format == "mac" || (macShape && field.format != "ipv6"))
      return parseMac(text, field);
    return parseIpv6(text, field);
  }
  if (std::count(text.begin(), text.end(), '-') == 5) return parseMac(text, field);
  if (text.find('.') != std::string_view::npos) return parseIpv4(text, field);
  if (text.front() == '-')
    return makeError(ERANGE, "negative value " + std::string(text) + " for " + fieldLabel(field) +
                                 " (values are unsigned)");
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    return parseDigits(text.substr(2), 16, field, text);
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
    return parseDigits(text.substr(2), 2, field, text);
  return parseDigits(text, 10, field, text);
}

}  // namespace

Result<Uint128> parseLiteral(const FieldLayout& field, std::string_view rawText) {
  std::string_view text = trim(rawText);
  if (text.empty()) return makeError(EINVAL, "empty value for " + fieldLabel(field));
  if (field.bits == 0 || field.bits > 128)
    return makeError(EINVAL, fieldLabel(field) + " has unsupported width " + std::to_string(field.bits));
  Result<Uint128> value = parseNumberOrAddress(text, field);
  if (!value) return value;
  if (*value > maxFor(field.bits))
    return makeError(ERANGE, "value " + std::string(text) + " does not fit " + fieldLabel(field) +
                                 " (" + std::to_string(field.bits) + " bits, max " +
                                 uint128ToDecimal(maxFor(field.bits)) + ")");
  return value;
}

std::string uint128ToDecimal(Uint128 value) {
  if (value == 0) return "0";
  std::string out;
  while (value) {
    out += static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  }
  return {out.rbegin(), out.rend()};
}

std::string uint128ToHex(Uint128 value) {
  static const char* kDigits = "0123456789abcdef";
  if (value == 0) return "0x0";
  std::string out;
  while (value) {
    out += kDigits[static_cast<int>(value & 0xf)];
    value >>= 4;
  }
  return "0x" + std::string(out.rbegin(), out.rend());
}

std::string formatValue(const FieldLayout& field, Uint128 value) {
  if (field.format == "ipv4" && field.bits == 32) {
    auto v = static_cast<std::uint32_t>(value);
    return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 0xff) + "." +
           std::to_string((v >> 8) & 0xff) + "." + std::to_string(v & 0xff);
  }
  if (field.format == "mac" && field.bits == 48) {
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    for (int i = 5; i >= 0; --i) {
      unsigned b = static_cast<unsigned>(value >> (8 * i)) & 0xff;
      out += kDigits[b >> 4];
      out += kDigits[b & 0xf];
      if (i) out += ':';
    }
    return out;
  }
  if (field.format == "ipv6" && field.bits == 128) {
    in6_addr addr{};
    for (int i = 15; i >= 0; --i, value >>= 8) addr.s6_addr[i] = static_cast<std::uint8_t>(value);
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, &addr, buf, sizeof buf);
    return buf;
  }
  if (field.format == "dec") return uint128ToDecimal(value);
  return uint128ToHex(value);
}

void storeField(const FieldLayout& field, Uint128 value, std::span<std::uint8_t> buffer) {
  for (unsigned i = 0; i < field.bytes; ++i) {
    auto byte = static_cast<std::uint8_t>(value >> (8 * i));
    unsigned index = field.byteOrder == ByteOrder::Network ? field.offset + field.bytes - 1 - i
                                                           : field.offset + i;
    buffer[index] = byte;
  }
}

Uint128 loadField(const FieldLayout& field, std::span<const std::uint8_t> buffer) {
  Uint128 value = 0;
  for (unsigned i = 0; i < field.bytes; ++i) {
    unsigned index = field.byteOrder == ByteOrder::Network ? field.offset + field.bytes - 1 - i
                                                           : field.offset + i;
    value |= Uint128(buffer[index]) << (8 * i);
  }
  return value & maxFor(field.bits);
}

namespace {
Status checkBounds(const FieldLayout& field, std::size_t size) {
  if (field.bytes == 0 || field.bytes > 16 || field.offset + field.bytes > size)
    return makeError(EINVAL, fieldLabel(field) + " (offset " + std::to_string(field.offset) + ", " +
                                 std::to_string(field.bytes) + " bytes) lies outside a buffer of " +
                                 std::to_string(size) + " bytes");
  return {};
}
}  // namespace

Status encodeField(const FieldLayout& field, std::string_view text, std::span<std::uint8_t> buffer) {
  if (Status s = checkBounds(field, buffer.size()); !s) return s;
  Result<Uint128> value = parseLiteral(field, text);
  if (!value) return value.error();
  storeField(field, *value, buffer);
  return {};
}

Result<std::string> decodeField(const FieldLayout& field, std::span<const std::uint8_t> buffer) {
  if (Status s = checkBounds(field, buffer.size()); !s) return s.error();
  return formatValue(field, loadField(field, buffer));
}

}  // namespace p4wb::runtime

// ---- match literals of scanned tables (ternary, range, lpm and exact as masks)
namespace p4wb::runtime {

namespace {

Uint128 fullMask(const FieldLayout& field) { return maxFor(field.bits); }

// The mask of the `len` most significant bits of the field.
Uint128 prefixMask(const FieldLayout& field, unsigned len) {
  if (len == 0) return 0;
  return fullMask(field) & ~maxFor(field.bits - len);
}

// Prefix length of `mask`, or -1 when it is not a prefix.
int prefixLength(const FieldLayout& field, Uint128 mask) {
  for (unsigned len = 0; len <= field.bits; ++len)
    if (prefixMask(field, len) == mask) return static_cast<int>(len);
  return -1;
}

std::string kindLabel(const FieldLayout& field, MatchKind kind) {
  return std::string(matchKindName(kind)) + " " + fieldLabel(field);
}

// STF's "0x**01" / "0b1*0": digits with '*' wildcards; the mask covers the digits given.
Result<MatchValue> parseWildcardDigits(const FieldLayout& field, std::string_view text) {
  bool hex = text[1] == 'x' || text[1] == 'X';
  unsigned bitsPer = hex ? 4 : 1;
  std::string value, mask;
  for (char c : text.substr(2)) {
    value += c == '*' ? '0' : c;
    mask += c == '*' ? '0' : (hex ? 'f' : '1');
  }
  Result<Uint128> v = parseDigits(value, hex ? 16 : 2, field, text);
  if (!v) return v.error();
  Result<Uint128> m = parseDigits(mask, hex ? 16 : 2, field, text);
  if (!m) return m.error();
  if (value.size() * bitsPer > 128 || *v > fullMask(field))
    return makeError(ERANGE, "value " + std::string(text) + " does not fit " + fieldLabel(field) + " (" +
                                 std::to_string(field.bits) + " bits)");
  return MatchValue{*v & *m, *m & fullMask(field), 0, 0};
}

Result<MatchValue> parseRange(const FieldLayout& field, std::string_view text, std::size_t sep,
                              std::size_t sepLen) {
  Result<Uint128> lo = parseLiteral(field, text.substr(0, sep));
  if (!lo) return lo.error();
  Result<Uint128> hi = parseLiteral(field, text.substr(sep + sepLen));
  if (!hi) return hi.error();
  if (*lo > *hi)
    return makeError(EINVAL, "range " + std::string(text) + " of " + fieldLabel(field) + " has lo > hi");
  return MatchValue{0, 0, *lo, *hi};
}

}  // namespace

Result<MatchValue> parseMatch(const FieldLayout& field, MatchKind kind, std::string_view rawText) {
  std::string_view text = trim(rawText);
  if (text.empty()) return makeError(EINVAL, "empty value for " + fieldLabel(field));
  Uint128 full = fullMask(field);
  if (text == "_" || text == "*") return MatchValue{0, 0, 0, full};
  if (kind == MatchKind::Range) {
    if (std::size_t dots = text.find(".."); dots != std::string_view::npos) return parseRange(field, text, dots, 2);
    if (std::size_t arrow = text.find("->"); arrow != std::string_view::npos) return parseRange(field, text, arrow, 2);
    if (text.find("&&&") != std::string_view::npos || text.find('/') != std::string_view::npos)
      return makeError(EINVAL, kindLabel(field, kind) + " takes lo..hi, lo->hi, a value or _, got '" +
                                   std::string(text) + "'");
    Result<Uint128> v = parseLiteral(field, text);
    if (!v) return v.error();
    return MatchValue{0, 0, *v, *v};
  }
  MatchValue m;
  std::size_t amp = text.find("&&&"), caret = text.find('^'), slash = text.find('/');
  if (amp != std::string_view::npos || caret != std::string_view::npos) {
    std::size_t at = amp != std::string_view::npos ? amp : caret;
    Result<Uint128> v = parseLiteral(field, text.substr(0, at));
    if (!v) return v.error();
    Result<Uint128> mask = parseLiteral(field, text.substr(at + (amp != std::string_view::npos ? 3 : 1)));
    if (!mask) return mask.error();
    m = {*v & *mask, *mask, 0, 0};
  } else if (slash != std::string_view::npos) {
    std::string_view len = text.substr(slash + 1);
    bool digits = !len.empty() && len.size() <= 3 && len.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits || std::stoul(std::string(len)) > field.bits)
      return makeError(EINVAL, "prefix length '" + std::string(len) + "' for " + fieldLabel(field) + " must be 0.." +
                                   std::to_string(field.bits));
    Result<Uint128> v = parseLiteral(field, text.substr(0, slash));
    if (!v) return v.error();
    Uint128 mask = prefixMask(field, static_cast<unsigned>(std::stoul(std::string(len))));
    m = {*v & mask, mask, 0, 0};
  } else if (text.size() > 2 && text[0] == '0' && text.find('*') != std::string_view::npos) {
    Result<MatchValue> w = parseWildcardDigits(field, text);
    if (!w) return w;
    m = *w;
  } else {
    Result<Uint128> v = parseLiteral(field, text);
    if (!v) return v.error();
    m = {*v, full, 0, 0};
  }
  if (kind == MatchKind::Exact && m.mask != full && m.mask != 0)
    return makeError(EINVAL, kindLabel(field, kind) + " takes a plain value or _, got '" + std::string(text) + "'");
  if (kind == MatchKind::Lpm && prefixLength(field, m.mask) < 0)
    return makeError(EINVAL, kindLabel(field, kind) + ": mask of '" + std::string(text) + "' is not a prefix");
  return m;
}

std::string formatMatch(const FieldLayout& field, MatchKind kind, const MatchValue& m) {
  Uint128 full = fullMask(field);
  if (kind == MatchKind::Range) {
    if (m.lo == 0 && m.hi == full) return "_";
    if (m.lo == m.hi) return formatValue(field, m.lo);
    return formatValue(field, m.lo) + ".." + formatValue(field, m.hi);
  }
  if (m.mask == 0) return "_";
  if (m.mask == full) return formatValue(field, m.value);
  int len = prefixLength(field, m.mask);
  if (kind == MatchKind::Lpm && len >= 0) return formatValue(field, m.value) + "/" + std::to_string(len);
  bool addressLike = field.format == "ipv4" || field.format == "ipv6" || field.format == "mac";
  return formatValue(field, m.value) + "&&&" + (addressLike ? formatValue(field, m.mask) : uint128ToHex(m.mask));
}

}  // namespace p4wb::runtime
