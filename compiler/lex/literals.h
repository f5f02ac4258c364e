// Decoding of integer and string literal spellings produced by the lexer:
// 8w0xFF, 4s3, 0b1010, 0o17, 0d99, 1_000_000, "a\tb". Pure functions, no diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <llvm/ADT/APInt.h>

namespace p4wb::compiler {

struct IntLiteralInfo {
  bool ok = false;
  std::optional<unsigned> width;  // from the w/s prefix
  bool isSigned = false;          // 's' prefix
  // Magnitude at 256 bits (enough for any practical P4 constant); callers truncate.
  llvm::APInt value{256, 0};
  bool overflow = false;  // digits did not fit in 256 bits
};

IntLiteralInfo parseIntLiteral(std::string_view text);

// The contents of a "..." literal with escapes resolved.
std::string unescapeStringLiteral(std::string_view quoted);

}  // namespace p4wb::compiler
