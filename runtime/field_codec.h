// Conversion between user literals and the bytes of one key or value field, driven by
// its FieldLayout: decimal, 0x hex, 0b binary, IPv4 dotted, IPv6, MAC aa:bb:cc:dd:ee:ff,
// for widths 1..128 bits in network or host byte order. Values that do not fit are
// errors naming the field and its width, never silently truncated.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "runtime/result.h"
#include "runtime/schema.h"

namespace p4wb::runtime {

using Uint128 = unsigned __int128;

// Parses text as a value for field. IPv4 literals need bits >= 32, MAC bits >= 48,
// IPv6 bits == 128. EINVAL / ERANGE with e.g.
// "value 300 does not fit field hdr.ipv4.ttl (8 bits, max 255)".
Result<Uint128> parseLiteral(const FieldLayout& field, std::string_view text);

// Text for value following field.format (ipv4, ipv6, mac, dec, hex). Always parses back
// to the same value with parseLiteral.
std::string formatValue(const FieldLayout& field, Uint128 value);

// Raw placement: writes / reads the field's `bytes` bytes at `offset` of buffer in its
// byte order (the value in the low-order bits). Preconditions: offset + bytes fits.
void storeField(const FieldLayout& field, Uint128 value, std::span<std::uint8_t> buffer);
Uint128 loadField(const FieldLayout& field, std::span<const std::uint8_t> buffer);

// parseLiteral + storeField, with a bounds check on the buffer.
Status encodeField(const FieldLayout& field, std::string_view text,
                   std::span<std::uint8_t> buffer);
// loadField + formatValue, with a bounds check on the buffer.
Result<std::string> decodeField(const FieldLayout& field, std::span<const std::uint8_t> buffer);

// One key of an entry in a scanned (ternary/range) table. exact, lpm and ternary fields
// match `(packet & mask) == value` (value is stored masked); range fields lo <= x <= hi.
struct MatchValue {
  Uint128 value = 0;
  Uint128 mask = 0;
  Uint128 lo = 0, hi = 0;
};

// Parses a key literal for a field matched as `kind`: a plain value (full mask; lo = hi
// for range), `_` or `*` (don't care), `v&&&m` and nikss `v^m` (ternary; lpm when m is a
// prefix), `v/len` (lpm, ternary), STF digits with '*' (`0x**01`, `0b1*`), `lo..hi` and
// bmv2 `lo->hi` (range). EINVAL names the field and the form it expected.
Result<MatchValue> parseMatch(const FieldLayout& field, MatchKind kind, std::string_view text);

// Text parseMatch reads back to the same match: the plain value for a full mask, `_`,
// `v/len` for lpm, `v&&&m` for ternary, `lo..hi` for range.
std::string formatMatch(const FieldLayout& field, MatchKind kind, const MatchValue& match);

std::string uint128ToDecimal(Uint128 value);
std::string uint128ToHex(Uint128 value);  // "0x..." without leading zeros ("0x0")

}  // namespace p4wb::runtime
