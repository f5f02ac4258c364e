// Evaluation of #if/#elif expressions: integers, parentheses, unary ! ~ - +, the C
// binary operators and ?:. `defined` and macros are already replaced by the caller;
// any remaining identifier counts as 0, as in C.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "compiler/lex/token.h"

namespace p4wb::compiler {

// nullopt when the expression is malformed.
std::optional<std::int64_t> evaluateIfExpression(const std::vector<Token>& tokens);

}  // namespace p4wb::compiler
