#include "runtime/hex.h"

#include <cctype>

namespace p4wb::runtime {

namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::vector<std::uint8_t>> parseHex(std::string_view text) {
  std::vector<std::uint8_t> out;
  int pending = -1;  // high nibble waiting for its low nibble
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // "0x" prefixes are allowed only at a byte boundary, where "0" would start a byte.
    if (pending < 0 && c == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c)) || c == ':' || c == '-' || c == ',') {
      if (pending >= 0)
        return makeError(EINVAL, "odd number of hex digits before position " + std::to_string(i));
      continue;
    }
    int d = hexDigit(c);
    if (d < 0)
      return makeError(EINVAL, "invalid character '" + std::string(1, c) + "' at position " +
                                   std::to_string(i) + " in hex packet");
    if (pending < 0) {
      pending = d;
    } else {
      out.push_back(static_cast<std::uint8_t>(pending * 16 + d));
      pending = -1;
    }
  }
  if (pending >= 0) return makeError(EINVAL, "odd number of hex digits at the end");
  return out;
}

std::string formatHex(std::span<const std::uint8_t> bytes, std::string_view separator,
                      std::size_t bytesPerLine) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * (2 + separator.size()));
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) {
      if (bytesPerLine && i % bytesPerLine == 0)
        out += '\n';
      else
        out += separator;
    }
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xf];
  }
  return out;
}

}  // namespace p4wb::runtime
