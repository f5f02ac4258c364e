// Sema: expressions (except calls) and implicit integer conversions; folding of
// constants is delegated to const_fold.h.
#include "compiler/sema/const_fold.h"
#include "compiler/sema/sema_impl.h"

namespace p4wb::compiler::sema {

namespace {

bool isNumeric(const Type* t) { return t->isBits() || t->kind == TypeKind::InfInt; }
llvm::APInt widen(const ConstValue& v, unsigned width) { return widenConst(v, width); }
unsigned widthOf(const Type* t) { return foldWidthOf(t); }
bool signedOf(const Type* t) { return foldSignedOf(t); }

}  // namespace

const Type* Sema::checkExpr(Expr* e, const Type* expected) {
  if (!e) return m_ctx.unknown();
  const Type* t = m_ctx.unknown();
  switch (e->kind) {
    case NodeKind::IntLiteral: {
      auto& lit = static_cast<IntLiteralExpr&>(*e);
      if (lit.width) {
        if (*lit.width == 0 && lit.isSigned) {
          error(DiagKind::InvalidWidth, e->loc, {"0", "a signed literal"});
          break;
        }
        t = m_ctx.bits(*lit.width, lit.isSigned);
        e->constValue = ConstValue::makeInt(lit.value.value.zextOrTrunc(*lit.width), lit.isSigned);
        if (*lit.width > 0 && !fitsIn(lit.value.value, lit.value.isSigned, *lit.width, lit.isSigned))
          error(DiagKind::ConstantOverflow, *e, {lit.value.toString(), t->toString(), e->constValue->toString()});
      } else {
        t = m_ctx.infInt();
        e->constValue = ConstValue::makeInt(lit.value.value, true);
      }
      break;
    }
    case NodeKind::BoolLiteral:
      t = m_ctx.boolType();
      e->constValue = ConstValue::makeBool(static_cast<BoolLiteralExpr&>(*e).value);
      break;
    case NodeKind::StringLiteral: {
      t = m_ctx.stringType();
      ConstValue c;
      c.kind = ConstValue::Kind::String;
      c.text = static_cast<StringLiteralExpr&>(*e).value;
      e->constValue = c;
      break;
    }
    case NodeKind::Path: t = checkPath(static_cast<PathExpr&>(*e)); break;
    case NodeKind::Member: t = checkMember(static_cast<MemberExpr&>(*e)); break;
    case NodeKind::Index: t = checkIndex(static_cast<IndexExpr&>(*e)); break;
    case NodeKind::Slice: t = checkSlice(static_cast<SliceExpr&>(*e)); break;
    case NodeKind::Unary: t = checkUnary(static_cast<UnaryExpr&>(*e)); break;
    case NodeKind::Binary: t = checkBinary(static_cast<BinaryExpr&>(*e)); break;
    case NodeKind::Ternary: t = checkTernary(static_cast<TernaryExpr&>(*e)); break;
    case NodeKind::Cast: t = checkCast(static_cast<CastExpr&>(*e)); break;
    case NodeKind::Call: t = checkCall(static_cast<CallExpr&>(*e)); break;
    case NodeKind::List: {
      auto* tt = m_ctx.make<TupleType>();
      for (auto& el : static_cast<ListExpr&>(*e).elements) tt->elements.push_back(checkExpr(el.get()));
      t = tt;
      break;
    }
    case NodeKind::StructInit: {
      for (auto& f : static_cast<StructInitExpr&>(*e).fields) checkExpr(f.value.get());
      t = expected && expected->isStructLike() ? m_ctx.unknown() : m_ctx.unknown();
      break;
    }
    case NodeKind::Default: t = m_ctx.dontCare(); break;
    case NodeKind::Mask:
    case NodeKind::Range: t = checkKeyset(e, expected); break;
    case NodeKind::TypeAsExpr: t = resolveType(static_cast<TypeAsExprExpr&>(*e).typeRef.get()); break;
    default: break;
  }
  if (!e->type || e->kind != NodeKind::StructInit) e->type = t;
  return e->type;
}

const Type* Sema::typeOfDecl(const Decl* d, Expr& use) {
  switch (d->kind) {
    case NodeKind::ConstDecl: {
      auto* v = static_cast<const VariableDecl*>(d);
      if (v->init && v->init->constValue) use.constValue = v->init->constValue;
      break;
    }
    case NodeKind::VariableDecl: use.isLValue = true; break;
    case NodeKind::ParamDecl: {
      auto dir = static_cast<const ParamDecl*>(d)->direction;
      use.isLValue = dir == Direction::Out || dir == Direction::InOut;
      break;
    }
    case NodeKind::EnumMemberDecl: use.constValue = ConstValue::makeMember(d); break;
    default: break;
  }
  return d->type ? d->type : m_ctx.unknown();
}

const Type* Sema::checkPath(PathExpr& e) {
  const Decl* d = e.leadingDot ? lookupGlobal(e.name) : lookup(e.name);
  if (!d && e.name == "error" && m_errorDecl) d = m_errorDecl;
  if (!d) {
    error(DiagKind::UndeclaredIdentifier, e.loc, {e.name});
    suggest(e.name, e.loc, {}, true);
    return m_ctx.unknown();
  }
  e.resolved = d;
  m_used.insert(d);
  return typeOfDecl(d, e);
}

const Type* Sema::checkMember(MemberExpr& e) {
  const Type* bt = checkExpr(e.base.get());
  // Members of a type: xdp_action.XDP_TX, error.NoError.
  if (auto* p = dynCast<PathExpr>(e.base.get());
      p && p->resolved && (p->resolved->kind == NodeKind::EnumDecl || p->resolved->kind == NodeKind::ErrorDecl)) {
    auto* et = static_cast<const EnumType*>(bt);
    const EnumMember* m = et->member(e.member);
    if (!m) {
      error(DiagKind::NoSuchMember, e.memberLoc, {e.member, et->toString()});
      std::vector<std::string> names;
      for (const auto& mm : et->members) names.push_back(mm.name);
      suggest(e.member, e.memberLoc, names, false);
      return m_ctx.unknown();
    }
    e.memberKind = MemberExpr::MemberKind::EnumMember;
    e.resolved = m->decl;
    e.constValue = ConstValue::makeMember(m->decl);
    return bt;
  }
  if (bt->isUnknown()) return bt;
  if (bt->isStructLike()) {
    auto* st = static_cast<const StructType*>(bt);
    int idx = st->fieldIndex(e.member);
    if (idx < 0) {
      const char* what = bt->kind == TypeKind::Header ? "header"
                         : bt->kind == TypeKind::HeaderUnion ? "header_union" : "struct";
      error(DiagKind::NoSuchField, e.memberLoc, {e.member, what, st->name});
      std::vector<std::string> names;
      for (const auto& f : st->fields) names.push_back(f.name);
      suggest(e.member, e.memberLoc, names, false);
      return m_ctx.unknown();
    }
    e.memberKind = MemberExpr::MemberKind::Field;
    e.fieldIndex = idx;
    e.resolved = st->fields[static_cast<std::size_t>(idx)].decl;
    e.isLValue = e.base->isLValue;
    return st->fields[static_cast<std::size_t>(idx)].type;
  }
  if (bt->kind == TypeKind::HeaderStack) {
    auto* hs = static_cast<const HeaderStackType*>(bt);
    using MK = MemberExpr::MemberKind;
    if (e.member == "next" || e.member == "last") {
      e.memberKind = e.member == "next" ? MK::StackNext : MK::StackLast;
      e.isLValue = e.base->isLValue;
      return hs->element;
    }
    if (e.member == "lastIndex" || e.member == "size") {
      e.memberKind = e.member == "size" ? MK::StackSize : MK::StackLastIndex;
      if (e.member == "size") e.constValue = ConstValue::makeInt(llvm::APInt(32, hs->size), false);
      return m_ctx.bits(32);
    }
  }
  if (bt->kind == TypeKind::TableResult) {
    auto* tr = static_cast<const TableResultType*>(bt);
    using MK = MemberExpr::MemberKind;
    if (e.member == "hit" || e.member == "miss") {
      e.memberKind = e.member == "hit" ? MK::TableHit : MK::TableMiss;
      return m_ctx.boolType();
    }
    if (e.member == "action_run" && tr->table && tr->table->actionRun) {
      e.memberKind = MK::TableActionRun;
      return tr->table->actionRun;
    }
  }
  error(DiagKind::NoSuchMember, e.memberLoc, {e.member, bt->toString()});
  return m_ctx.unknown();
}

const Type* Sema::checkIndex(IndexExpr& e) {
  const Type* bt = checkExpr(e.base.get());
  const Type* it = checkExpr(e.index.get());
  if (!isNumeric(it) && !it->isUnknown())
    error(DiagKind::InvalidOperand, *e.index, {"[]", it->toString()});
  if (bt->kind == TypeKind::HeaderStack) {
    auto* st = static_cast<const HeaderStackType*>(bt);
    e.isLValue = e.base->isLValue;
    // A constant index is checked here; only run-time indices need a bounds check later.
    const auto& cv = e.index->constValue;
    if (cv && cv->kind == ConstValue::Kind::Int && (cv->asI64() < 0 || cv->asU64() >= st->size))
      error(DiagKind::StackIndexOutOfRange, e.index->loc, {cv->toString(), std::to_string(st->size)});
    return st->element;
  }
  if (bt->kind == TypeKind::Tuple && e.index->constValue) {
    auto* tt = static_cast<const TupleType*>(bt);
    std::uint64_t i = e.index->constValue->asU64();
    if (i < tt->elements.size()) return tt->elements[i];
  }
  if (!bt->isUnknown()) error(DiagKind::InvalidOperand, e, {"[]", bt->toString()});
  return m_ctx.unknown();
}

const Type* Sema::checkSlice(SliceExpr& e) {
  const Type* bt = checkExpr(e.base.get());
  auto hi = constUnsigned(e.hi.get(), "a slice bound");
  auto lo = constUnsigned(e.lo.get(), "a slice bound");
  if (bt->isUnknown() || !hi || !lo) return m_ctx.unknown();
  if (!bt->isBits()) {
    error(DiagKind::InvalidOperand, e, {"[:]", bt->toString()});
    return m_ctx.unknown();
  }
  unsigned w = static_cast<const BitsType*>(bt)->width;
  if (*hi < *lo || *hi >= w) {
    error(DiagKind::SliceOutOfRange, e.loc, {std::to_string(*hi), std::to_string(*lo), bt->toString()});
    return m_ctx.unknown();
  }
  e.hiBit = *hi;
  e.loBit = *lo;
  e.isLValue = e.base->isLValue;
  if (e.base->constValue && e.base->constValue->kind == ConstValue::Kind::Int)
    e.constValue = ConstValue::makeInt(e.base->constValue->value.extractBits(*hi - *lo + 1, *lo), false);
  return m_ctx.bits(*hi - *lo + 1);
}

const Type* Sema::checkUnary(UnaryExpr& e) {
  const Type* t = checkExpr(e.operand.get());
  if (t->isUnknown()) return t;
  const auto& cv = e.operand->constValue;
  switch (e.op) {
    case UnaryOp::Not:
      if (!t->isBool()) break;
      if (cv) e.constValue = ConstValue::makeBool(!cv->boolValue);
      return t;
    case UnaryOp::Neg:
    case UnaryOp::Plus:
    case UnaryOp::BitNot:
      if (!isNumeric(t) || (e.op == UnaryOp::BitNot && !t->isBits())) break;
      if (cv && cv->kind == ConstValue::Kind::Int) {
        llvm::APInt v = widen(*cv, widthOf(t));
        if (e.op == UnaryOp::Neg) v = -v;
        if (e.op == UnaryOp::BitNot) v.flipAllBits();
        e.constValue = ConstValue::makeInt(v, signedOf(t));
      }
      return t;
  }
  error(DiagKind::InvalidOperand, e, {unaryOpSpelling(e.op), t->toString()});
  return m_ctx.unknown();
}

namespace {

bool isComparison(BinaryOp op) {
  return op == BinaryOp::Eq || op == BinaryOp::Ne || op == BinaryOp::Lt || op == BinaryOp::Le ||
         op == BinaryOp::Gt || op == BinaryOp::Ge;
}

// Serializable enums mix with their underlying type (e.g. proto == 8w6).
const Type* underlyingOf(const Type* t) {
  if (t->kind == TypeKind::Enum)
    if (auto* u = static_cast<const EnumType*>(t)->underlying) return u;
  return t;
}

}  // namespace

const Type* Sema::checkConcat(BinaryExpr& e, const Type* lt, const Type* rt) {
  if (!lt->isBits() || !rt->isBits()) return nullptr;
  auto* a = static_cast<const BitsType*>(lt);
  auto* b = static_cast<const BitsType*>(rt);
  unsigned w = a->width + b->width;
  if (e.lhs->constValue && e.rhs->constValue) {
    llvm::APInt v = e.lhs->constValue->value.zextOrTrunc(w).shl(b->width) |
                    e.rhs->constValue->value.zextOrTrunc(w);
    e.constValue = ConstValue::makeInt(v, a->isSigned);
  }
  return m_ctx.bits(w, a->isSigned);
}

// Arithmetic, bitwise and comparison operators: both sides get one type (unsized
// integers and serializable enums adapt to the other side). Null after an error.
const Type* Sema::unifyOperands(BinaryExpr& e, const Type*& lt, const Type*& rt) {
  if (lt->kind == TypeKind::Enum && rt->kind != TypeKind::Enum) lt = underlyingOf(lt);
  if (rt->kind == TypeKind::Enum && lt->kind != TypeKind::Enum) rt = underlyingOf(rt);
  if (lt->kind == TypeKind::InfInt && rt->isBits()) convertTo(*e.lhs, rt), lt = rt;
  if (rt->kind == TypeKind::InfInt && lt->isBits()) convertTo(*e.rhs, lt), rt = lt;
  bool equality = e.op == BinaryOp::Eq || e.op == BinaryOp::Ne;
  if (!equality && (!isNumeric(lt) || !isNumeric(rt))) return nullptr;
  if (lt->isBits() && rt->isBits() && lt != rt) {
    auto* lb = static_cast<const BitsType*>(lt);
    auto* rb = static_cast<const BitsType*>(rt);
    // Same width, different signedness: say so instead of blaming the width.
    // Same layout but a `type` declaration on one side: distinct types, not widths.
    DiagKind kind = lb->width == rb->width && lb->isSigned != rb->isSigned
                        ? DiagKind::SignMismatch
                    : lb->width == rb->width ? DiagKind::NewTypeMismatch
                                             : DiagKind::WidthMismatch;
    error(kind, e, {binaryOpSpelling(e.op), lt->toString(), rt->toString()});
    return m_ctx.unknown();
  }
  if (equality && !sameType(lt, rt)) return nullptr;
  return lt;
}

const Type* Sema::checkBinary(BinaryExpr& e) {
  const Type* lt = checkExpr(e.lhs.get());
  const Type* rt = checkExpr(e.rhs.get());
  bool cmp = isComparison(e.op);
  const Type* failed = cmp ? m_ctx.boolType() : m_ctx.unknown();
  if (lt->isUnknown() || rt->isUnknown()) return failed;
  const Type* operandType = nullptr;
  switch (e.op) {
    case BinaryOp::And:
    case BinaryOp::Or:
      if (lt->isBool() && rt->isBool()) operandType = lt;
      break;
    case BinaryOp::Shl:
    case BinaryOp::Shr:
      if (isNumeric(lt) && isNumeric(rt) && !(rt->isBits() && static_cast<const BitsType*>(rt)->isSigned))
        operandType = lt;
      break;
    case BinaryOp::Concat:
      if (const Type* t = checkConcat(e, lt, rt)) return t;
      break;
    default:
      operandType = unifyOperands(e, lt, rt);
      if (operandType && operandType->isUnknown()) return failed;  // already reported
  }
  if (!operandType) {
    error(DiagKind::InvalidOperands, e, {binaryOpSpelling(e.op), lt->toString(), rt->toString()});
    return failed;
  }
  if (e.lhs->constValue && e.rhs->constValue) {
    bool divZero = false;
    e.constValue = foldBinary(e.op, *e.lhs->constValue, *e.rhs->constValue, operandType, &divZero);
    if (divZero) error(DiagKind::DivisionByZero, e.loc);
  }
  return cmp ? m_ctx.boolType() : operandType;
}

const Type* Sema::checkTernary(TernaryExpr& e) {
  const Type* ct = checkExpr(e.cond.get());
  if (!ct->isBool() && !ct->isUnknown())
    error(DiagKind::ConditionNotBool, *e.cond, {ct->toString()});
  const Type* a = checkExpr(e.thenExpr.get());
  const Type* b = checkExpr(e.elseExpr.get());
  if (a->kind == TypeKind::InfInt && b->isBits()) convertTo(*e.thenExpr, b), a = b;
  if (b->kind == TypeKind::InfInt && a->isBits()) convertTo(*e.elseExpr, a), b = a;
  if (!sameType(a, b)) {
    error(DiagKind::TypeMismatch, *e.elseExpr, {b->toString(), a->toString()});
    return m_ctx.unknown();
  }
  if (e.cond->constValue && e.thenExpr->constValue && e.elseExpr->constValue)
    e.constValue = e.cond->constValue->boolValue ? e.thenExpr->constValue : e.elseExpr->constValue;
  return a->isUnknown() ? b : a;
}

const Type* Sema::checkCast(CastExpr& e) {
  const Type* to = resolveType(e.targetType.get());
  const Type* from = checkExpr(e.operand.get());
  if (to->isUnknown() || from->isUnknown()) return to;
  const auto& cv = e.operand->constValue;
  auto asBits = [](const Type* t) -> const BitsType* {
    if (t->isBits()) return static_cast<const BitsType*>(t);
    if (t->kind == TypeKind::Enum) return static_cast<const EnumType*>(t)->underlying;
    return nullptr;
  };
  const BitsType* tb = asBits(to);
  const BitsType* fb = asBits(from);
  // A `type` converts to and from the type it was made of (spec 7.6), and nothing else.
  bool newTypeCast = (from->newTypeBase && sameType(from->newTypeBase, to)) ||
                     (to->newTypeBase && sameType(to->newTypeBase, from));
  bool ok = sameType(from, to) || newTypeCast || (tb && (fb || from->kind == TypeKind::InfInt)) ||
            (to->isBool() && fb && fb->width == 1) || (tb && tb->width == 1 && from->isBool()) ||
            (to->kind == TypeKind::InfInt && fb);
  if (!ok) {
    error(DiagKind::TypeMismatch, e, {from->toString(), to->toString()});
    return to;
  }
  if (cv && to->isBits()) {
    if (cv->kind == ConstValue::Kind::Int) {
      e.constValue = ConstValue::makeInt(widen(*cv, tb->width), tb->isSigned);
    } else if (cv->kind == ConstValue::Kind::Bool) {
      e.constValue = ConstValue::makeInt(llvm::APInt(1, cv->boolValue ? 1 : 0), false);
    }
  } else if (cv && to->isBool() && cv->kind == ConstValue::Kind::Int) {
    e.constValue = ConstValue::makeBool(!cv->value.isZero());
  } else if (cv && sameType(from, to)) {
    e.constValue = cv;
  }
  return to;
}

const Type* Sema::checkKeyset(Expr* e, const Type* keyType) {
  if (!e) return m_ctx.unknown();
  auto convert = [&](Expr* x) {
    const Type* t = checkExpr(x);
    if (keyType && !keyType->isUnknown() && x) convertTo(*x, keyType);
    return t;
  };
  if (auto* m = dynCast<MaskExpr>(e)) {
    convert(m->value.get());
    convert(m->mask.get());
    e->type = keyType ? keyType : m_ctx.unknown();
    return e->type;
  }
  if (auto* r = dynCast<RangeExpr>(e)) {
    convert(r->lo.get());
    convert(r->hi.get());
    e->type = keyType ? keyType : m_ctx.unknown();
    return e->type;
  }
  if (e->kind == NodeKind::Default) {
    e->type = m_ctx.dontCare();
    return e->type;
  }
  const Type* t = convert(e);
  return t;
}

}  // namespace p4wb::compiler::sema
