// Packet bytes as text: parse hex written with optional spaces, colons, dashes,
// newlines and "0x" prefixes; format bytes as hex for display.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {

// EINVAL naming the offending character position, or an odd digit count.
Result<std::vector<std::uint8_t>> parseHex(std::string_view text);

// "00 11 22 ..." with a newline after every bytesPerLine bytes (0 = single line);
// separator "" gives "001122".
std::string formatHex(std::span<const std::uint8_t> bytes, std::string_view separator = " ",
                      std::size_t bytesPerLine = 0);

}  // namespace p4wb::runtime
