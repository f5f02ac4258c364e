// A compile-time constant value: integers (fixed width or arbitrary precision), booleans,
// strings, and members of error/enum/match_kind. Integers use llvm::APInt so lowering
// can emit them directly; arithmetic wraps at the type's width like P4 bit<N>/int<N>.
#pragma once

#include <cstdint>
#include <string>

#include <llvm/ADT/APInt.h>

namespace p4wb::compiler::ast {
struct Decl;
}

namespace p4wb::compiler::sema {

struct ConstValue {
  enum class Kind : std::uint8_t { Int, Bool, String, Member };
  // Width used for arbitrary-precision `int` constants (unsized literals).
  static constexpr unsigned kInfIntWidth = 256;

  Kind kind = Kind::Int;
  llvm::APInt value{kInfIntWidth, 0};  // Int: two's complement at the type's width
  bool isSigned = false;               // Int: int<N> or arbitrary-precision int
  bool boolValue = false;              // Bool
  std::string text;                    // String
  const ast::Decl* member = nullptr;   // Member: the EnumMemberDecl (error, enum, match_kind)

  static ConstValue makeInt(llvm::APInt v, bool isSigned) {
    ConstValue c;
    c.kind = Kind::Int;
    c.value = std::move(v);
    c.isSigned = isSigned;
    return c;
  }
  static ConstValue makeBool(bool b) {
    ConstValue c;
    c.kind = Kind::Bool;
    c.boolValue = b;
    c.value = llvm::APInt(1, b ? 1 : 0);
    return c;
  }
  static ConstValue makeMember(const ast::Decl* d) {
    ConstValue c;
    c.kind = Kind::Member;
    c.member = d;
    return c;
  }

  // Low 64 bits (zero- or sign-extended per isSigned); Bool gives 0/1.
  std::uint64_t asU64() const {
    if (kind == Kind::Bool) return boolValue ? 1 : 0;
    return isSigned ? static_cast<std::uint64_t>(value.sextOrTrunc(64).getSExtValue())
                    : value.zextOrTrunc(64).getZExtValue();
  }
  std::int64_t asI64() const { return static_cast<std::int64_t>(asU64()); }
  // Decimal text of an Int (signed when isSigned), "true"/"false" for Bool.
  std::string toString() const;
};

}  // namespace p4wb::compiler::sema
