// Constant folding of binary operators.
#include "compiler/sema/const_fold.h"

namespace p4wb::compiler::sema {

using ast::BinaryOp;

namespace {
constexpr unsigned kInf = ConstValue::kInfIntWidth;
}  // namespace


llvm::APInt widenConst(const ConstValue& v, unsigned width) {
  return v.isSigned ? v.value.sextOrTrunc(width) : v.value.zextOrTrunc(width);
}

unsigned foldWidthOf(const Type* t) {
  return t->isBits() ? static_cast<const BitsType*>(t)->width : kInf;
}
bool foldSignedOf(const Type* t) {
  return t->isBits() ? static_cast<const BitsType*>(t)->isSigned : true;
}

std::optional<ConstValue> foldBinary(BinaryOp op, const ConstValue& a, const ConstValue& b,
                                     const Type* operandType, bool* divByZero) {
  if (a.kind == ConstValue::Kind::Bool && b.kind == ConstValue::Kind::Bool) {
    switch (op) {
      case BinaryOp::And: return ConstValue::makeBool(a.boolValue && b.boolValue);
      case BinaryOp::Or: return ConstValue::makeBool(a.boolValue || b.boolValue);
      case BinaryOp::Eq: return ConstValue::makeBool(a.boolValue == b.boolValue);
      case BinaryOp::Ne: return ConstValue::makeBool(a.boolValue != b.boolValue);
      default: return std::nullopt;
    }
  }
  if (a.kind == ConstValue::Kind::Member && b.kind == ConstValue::Kind::Member) {
    if (op == BinaryOp::Eq) return ConstValue::makeBool(a.member == b.member);
    if (op == BinaryOp::Ne) return ConstValue::makeBool(a.member != b.member);
    return std::nullopt;
  }
  if (a.kind != ConstValue::Kind::Int || b.kind != ConstValue::Kind::Int) return std::nullopt;
  unsigned w = foldWidthOf(operandType);
  bool s = foldSignedOf(operandType);
  if (w == 0) return std::nullopt;
  llvm::APInt x = widenConst(a, w), y = widenConst(b, w);
  auto intv = [&](llvm::APInt v) { return ConstValue::makeInt(std::move(v), s); };
  switch (op) {
    case BinaryOp::Add: return intv(x + y);
    case BinaryOp::Sub: return intv(x - y);
    case BinaryOp::Mul: return intv(x * y);
    case BinaryOp::Div:
    case BinaryOp::Mod:
      if (y.isZero()) {
        *divByZero = true;
        return std::nullopt;
      }
      if (op == BinaryOp::Div) return intv(s ? x.sdiv(y) : x.udiv(y));
      return intv(s ? x.srem(y) : x.urem(y));
    case BinaryOp::AddSat: return intv(s ? x.sadd_sat(y) : x.uadd_sat(y));
    case BinaryOp::SubSat: return intv(s ? x.ssub_sat(y) : x.usub_sat(y));
    case BinaryOp::BitAnd: return intv(x & y);
    case BinaryOp::BitOr: return intv(x | y);
    case BinaryOp::BitXor: return intv(x ^ y);
    case BinaryOp::Shl:
    case BinaryOp::Shr: {
      std::uint64_t amount = b.asU64();
      if (amount >= w) return intv(op == BinaryOp::Shr && s && x.isNegative() ? llvm::APInt::getAllOnes(w) : llvm::APInt(w, 0));
      if (op == BinaryOp::Shl) return intv(x.shl(static_cast<unsigned>(amount)));
      return intv(s ? x.ashr(static_cast<unsigned>(amount)) : x.lshr(static_cast<unsigned>(amount)));
    }
    case BinaryOp::Eq: return ConstValue::makeBool(x == y);
    case BinaryOp::Ne: return ConstValue::makeBool(x != y);
    case BinaryOp::Lt: return ConstValue::makeBool(s ? x.slt(y) : x.ult(y));
    case BinaryOp::Le: return ConstValue::makeBool(s ? x.sle(y) : x.ule(y));
    case BinaryOp::Gt: return ConstValue::makeBool(s ? x.sgt(y) : x.ugt(y));
    case BinaryOp::Ge: return ConstValue::makeBool(s ? x.sge(y) : x.uge(y));
    default: return std::nullopt;
  }
}


}  // namespace p4wb::compiler::sema
