// Constant folding on ConstValue for the integer and boolean operators, with P4
// semantics: bit<N>/int<N> arithmetic wraps at N bits, arbitrary-precision `int`
// constants use ConstValue::kInfIntWidth bits. Pure functions; no diagnostics.
#pragma once

#include <optional>

#include "compiler/ast/ast.h"
#include "compiler/sema/const_value.h"
#include "compiler/sema/types.h"

namespace p4wb::compiler::sema {

// `v` as an APInt of `width` bits, extended according to its own signedness.
llvm::APInt widenConst(const ConstValue& v, unsigned width);
// Width and signedness constants of `t` are computed at (kInfIntWidth/signed for int).
unsigned foldWidthOf(const Type* t);
bool foldSignedOf(const Type* t);

// Folds `a op b` where both operands have `operandType` (after implicit conversion).
// Sets *divByZero and returns nullopt for x / 0 and x % 0.
std::optional<ConstValue> foldBinary(ast::BinaryOp op, const ConstValue& a, const ConstValue& b,
                                     const Type* operandType, bool* divByZero);

}  // namespace p4wb::compiler::sema
