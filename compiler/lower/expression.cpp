// Expressions and l-values. Constants come from sema's constValue; arithmetic wraps at
// the type's width like P4 (LLVM iN arithmetic does the same); shifts by the width or
// more give 0 as P4 requires (LLVM would give poison).
#include <llvm/IR/Intrinsics.h>

#include "compiler/arch/arch.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

bool isUntyped(const sema::Type* t) {
  return !t || t->kind == sema::TypeKind::InfInt || t->kind == sema::TypeKind::Unknown;
}

}  // namespace

llvm::Value* Lowerer::constant(const sema::ConstValue& value, const sema::Type* type,
                               SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  switch (value.kind) {
    case sema::ConstValue::Kind::Bool:
      return b.getInt1(value.boolValue);
    case sema::ConstValue::Kind::Member:
      return enumMemberValue(value.member, type);
    case sema::ConstValue::Kind::String:
      unsupported(loc, "string values");
      return b.getInt32(0);
    case sema::ConstValue::Kind::Int:
      break;
  }
  llvm::Type* t = llvmType(type, loc);
  if (!t->isIntegerTy()) {
    unsupported(loc, "an integer constant of type " + (type ? type->toString() : "?"));
    return llvm::Constant::getNullValue(t);
  }
  unsigned width = t->getIntegerBitWidth();
  llvm::APInt v = value.isSigned ? value.value.sextOrTrunc(width) : value.value.zextOrTrunc(width);
  return llvm::ConstantInt::get(t, v);
}

llvm::Value* Lowerer::enumMemberValue(const ast::Decl* member, const sema::Type* type) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const auto* m = ast::dynCast<ast::EnumMemberDecl>(member);
  if (!m) return b.getInt32(0);
  const auto* parent = m->parent;
  if (parent && parent->name == arch::kXdpActionEnum) {
    int v = arch::xdpActionValue(m->name);
    return b.getInt32(v < 0 ? 0 : static_cast<unsigned>(v));
  }
  const auto* e = type && type->kind == sema::TypeKind::Enum
                      ? static_cast<const sema::EnumType*>(type)
                      : nullptr;
  if (!e && parent) e = dynamic_cast<const sema::EnumType*>(parent->type);
  if (e && e->underlying) {
    for (const sema::EnumMember& em : e->members)
      if (em.decl == m && em.value)
        return llvm::ConstantInt::get(b.getIntNTy(e->underlying->width),
                                      em.value->zextOrTrunc(e->underlying->width));
  }
  return b.getInt32(m->index);
}

std::optional<LValue> Lowerer::lvalue(const ast::Expr* e) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (const auto* p = ast::dynCast<ast::PathExpr>(e)) {
    m_lazyParams.erase(p->resolved);  // may be written: use the local copy from now on
    auto it = m_storage.find(p->resolved);
    if (it == m_storage.end()) {
      unsupported(e->loc, "this use of '" + p->name + "'");
      return std::nullopt;
    }
    LValue lv;
    lv.ptr = it->second.first;
    lv.type = it->second.second;
    lv.path = std::to_string(reinterpret_cast<std::uintptr_t>(lv.ptr));
    return lv;
  }
  if (const auto* m = ast::dynCast<ast::MemberExpr>(e)) {
    if (m->memberKind == ast::MemberExpr::MemberKind::StackLast ||
        m->memberKind == ast::MemberExpr::MemberKind::StackNext) {
      std::optional<LValue> stack = lvalue(m->base.get());
      return stack ? runtimeElement(*stack, m) : std::nullopt;
    }
    if (m->memberKind != ast::MemberExpr::MemberKind::Field) {
      unsupported(e->loc, "assigning to '" + m->member + "'");
      return std::nullopt;
    }
    std::optional<LValue> base = lvalue(m->base.get());
    if (!base) return std::nullopt;
    const sema::StructType* st = asStruct(base->type);
    if (!st || m->fieldIndex < 0 || m->fieldIndex >= static_cast<int>(st->fields.size())) {
      unsupported(e->loc, "member access on " + (base->type ? base->type->toString() : "?"));
      return std::nullopt;
    }
    bool isHeader = st->kind == sema::TypeKind::Header;
    llvm::Type* structType = llvmType(st, e->loc);
    unsigned index = static_cast<unsigned>(m->fieldIndex) + (isHeader ? kHeaderFirstField : 0);
    LValue lv;
    lv.ptr = b.CreateStructGEP(structType, base->ptr, index, m->member);
    lv.type = st->fields[static_cast<unsigned>(m->fieldIndex)].type;
    lv.path = base->path + "." + std::to_string(m->fieldIndex);
    if (isHeader) {
      lv.headerPtr = base->ptr;
      lv.headerType = st;
      lv.headerField = m->fieldIndex;
      lv.wire = wireField(st, static_cast<std::size_t>(m->fieldIndex));
    } else {
      lv.headerPtr = base->headerPtr;
      lv.headerType = base->headerType;
      lv.headerField = base->headerField;
    }
    return lv;
  }
  if (const auto* ix = ast::dynCast<ast::IndexExpr>(e)) {
    std::optional<LValue> base = lvalue(ix->base.get());
    if (!base) return std::nullopt;
    if (!ix->index->constValue) return runtimeElement(*base, ix);
    return stackElement(*base, static_cast<unsigned>(ix->index->constValue->asU64()), e->loc);
  }
  if (const auto* s = ast::dynCast<ast::SliceExpr>(e)) {
    std::optional<LValue> base = lvalue(s->base.get());
    if (!base || base->isSlice) {
      if (base) unsupported(e->loc, "a slice of a slice");
      return std::nullopt;
    }
    base->isSlice = true;
    base->hiBit = s->hiBit;
    base->loBit = s->loBit;
    base->baseType = base->type;
    base->type = e->type;
    return base;
  }
  unsupported(e->loc, "this kind of assignment target");
  return std::nullopt;
}

llvm::Value* Lowerer::load(const LValue& lv) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (!lv.isSlice) {
    llvm::Value* v = b.CreateLoad(llvmType(lv.type, {}), lv.ptr);
    return lv.wire ? wireSwap(v) : v;
  }
  llvm::Type* baseType = llvmType(lv.baseType, {});
  llvm::Value* whole = b.CreateLoad(baseType, lv.ptr);
  if (lv.wire) whole = wireSwap(whole);
  llvm::Value* shifted = b.CreateLShr(whole, lv.loBit);
  return b.CreateTrunc(shifted, b.getIntNTy(lv.hiBit - lv.loBit + 1));
}

void Lowerer::store(const LValue& lv, llvm::Value* value) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (lv.isSlice) {
    llvm::Type* baseType = llvmType(lv.baseType, {});
    unsigned width = baseType->getIntegerBitWidth();
    unsigned sliceWidth = lv.hiBit - lv.loBit + 1;
    llvm::APInt mask = llvm::APInt::getBitsSet(width, lv.loBit, lv.hiBit + 1);
    llvm::Value* whole = b.CreateLoad(baseType, lv.ptr);
    if (lv.wire) whole = wireSwap(whole);
    llvm::Value* part = coerce(value, b.getIntNTy(sliceWidth), false);
    part = b.CreateShl(b.CreateZExt(part, baseType), lv.loBit);
    whole = b.CreateOr(b.CreateAnd(whole, llvm::ConstantInt::get(baseType, ~mask)), part);
    b.CreateStore(lv.wire ? wireSwap(whole) : whole, lv.ptr);
  } else if (const sema::StructType* header = asStruct(lv.type);
             header && header->kind == sema::TypeKind::Header) {
    llvm::Type* t = llvmType(header, {});
    llvm::Value* offsetSlot = b.CreateStructGEP(t, lv.ptr, kHeaderOffset);
    llvm::Value* offset = b.CreateLoad(b.getInt32Ty(), offsetSlot);
    b.CreateStore(value, lv.ptr);
    // A program that rebuilds its head gives the copy the source's place in the packet
    // (the bytes there are the copied fields), so an unchanged copy can stay where it is:
    // an encapsulation keeps the original headers behind the new ones. Otherwise the
    // header keeps its own place and the copied fields are written through to it.
    llvm::Value* copied = b.CreateLoad(b.getInt32Ty(), offsetSlot);
    b.CreateStore(b.CreateSelect(b.CreateLoad(b.getInt1Ty(), headRebuildFlag()), copied, offset),
                  offsetSlot);
  } else {
    llvm::Type* t = llvmType(lv.type, {});
    llvm::Value* v = coerce(value, t, isSignedType(lv.type));
    b.CreateStore(lv.wire ? wireSwap(v) : v, lv.ptr);
  }
  markValidityChange(lv);
  // A varbit field of the headers may change its length: the head is rebuilt.
  if (lv.headerPtr && lv.type && lv.type->kind == sema::TypeKind::Varbit && inSharedHeaders(lv)) {
    m_validityMayChange = true;
    markHeadDirty();
  }
  if (!m_writeThrough) return;
  if (lv.headerPtr && lv.headerField >= 0) {
    writeThrough(lv.headerPtr, lv.headerType, static_cast<std::size_t>(lv.headerField));
    return;
  }
  // A whole header (h.eth = other): it keeps its place in the packet, and every field
  // of it changes.
  const sema::StructType* st = asStruct(lv.type);
  if (lv.isSlice || !st || st->kind != sema::TypeKind::Header) return;
  llvm::BasicBlock* through = newBlock("write.header");
  llvm::BasicBlock* done = newBlock("write.header.done");
  b.CreateCondBr(b.CreateLoad(b.getInt1Ty(), headRebuildFlag()), done, through);
  b.SetInsertPoint(through);
  for (std::size_t i = 0; i < st->fields.size(); ++i) writeThrough(lv.ptr, st, i);
  b.CreateBr(done);
  b.SetInsertPoint(done);
}

void Lowerer::writeThrough(llvm::Value* headerPtr, const sema::StructType* header,
                           std::size_t field) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (header->totalBits % 8 != 0 || field >= header->fields.size()) return;
  const sema::Field& f = header->fields[field];
  if (f.bitWidth == 0) return;
  llvm::Type* type = llvmType(header, {});
  // When the head is rebuilt, rewriteHead() writes every header whose bytes are not
  // already where the output needs them: a changed header only loses its place in the
  // packet here (so the packet bytes at a header's offset always equal its fields), and
  // nothing is written twice.
  llvm::BasicBlock* check = newBlock("write.check");
  llvm::BasicBlock* moved = newBlock("write.moved");
  b.CreateCondBr(b.CreateLoad(b.getInt1Ty(), headRebuildFlag()), moved, check);
  b.SetInsertPoint(moved);
  b.CreateStore(b.getInt32(kNotInPacket), b.CreateStructGEP(type, headerPtr, kHeaderOffset));
  markHeadDirty();
  llvm::BasicBlock* done = newBlock("write.done");
  b.CreateBr(done);
  b.SetInsertPoint(check);
  llvm::Value* valid =
      b.CreateLoad(b.getInt8Ty(), b.CreateStructGEP(type, headerPtr, kHeaderValid));
  llvm::BasicBlock* write = newBlock("write." + header->name + "." + f.name);
  b.CreateCondBr(b.CreateIsNotNull(valid), write, done);
  b.SetInsertPoint(write);
  llvm::Value* offset =
      b.CreateLoad(b.getInt32Ty(), b.CreateStructGEP(type, headerPtr, kHeaderOffset));
  llvm::Value* packet = checkedPacketPointer(offset, header->totalBits / 8, done);
  llvm::Value* value = b.CreateLoad(llvmType(f.type, {}),
                                    b.CreateStructGEP(type, headerPtr, kHeaderFirstField + field));
  if (wireField(header, field)) value = wireSwap(value);
  // Natural alignment within the header, as extractField assumes for its wide loads.
  storeBigEndian(packet, f.bitOffset, f.bitWidth, value, 8);
  b.CreateBr(done);
  b.SetInsertPoint(done);
}

llvm::Value* Lowerer::condition(const ast::Expr* e) {
  llvm::Value* v = expr(e, m_fe.types->boolType());
  if (v->getType()->isIntegerTy(1)) return v;
  if (!v->getType()->isIntegerTy()) return m_ctx.builder().getFalse();
  return m_ctx.builder().CreateIsNotNull(v);
}

// `{ a, b }` or `{ x = a, y = b }` as a struct or header value (spec 8.12, 8.13): fields
// in order or by name; fields left out by `...` keep their initial value; a header
// built this way is valid.
llvm::Value* Lowerer::initializer(const ast::Expr* e, const sema::StructType* st) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  bool isHeader = st->kind == sema::TypeKind::Header;
  unsigned first = isHeader ? kHeaderFirstField : 0;
  llvm::Value* v = initialValue(st, e->loc);
  if (isHeader) v = b.CreateInsertValue(v, b.getInt8(1), kHeaderValid);
  auto set = [&](int index, const ast::Expr* value, SourceLocation loc) {
    if (index < 0 || index >= static_cast<int>(st->fields.size())) {
      unsupported(loc, "this initializer for " + st->toString());
      return;
    }
    const sema::Type* ft = st->fields[static_cast<unsigned>(index)].type;
    llvm::Value* x = expr(value, ft);
    if (!x->getType()->isAggregateType()) x = coerce(x, llvmType(ft, loc), isSignedType(ft));
    if (isHeader && wireField(st, static_cast<std::size_t>(index))) x = wireSwap(x);
    v = b.CreateInsertValue(v, x, first + static_cast<unsigned>(index));
  };
  if (const auto* list = ast::dynCast<ast::ListExpr>(e)) {
    if (list->elements.size() != st->fields.size())
      unsupported(e->loc, "an initializer whose size differs from " + st->toString());
    else
      for (std::size_t i = 0; i < list->elements.size(); ++i)
        set(static_cast<int>(i), list->elements[i].get(), list->elements[i]->loc);
    return v;
  }
  for (const ast::Argument& a : static_cast<const ast::StructInitExpr*>(e)->fields)
    set(st->fieldIndex(a.name), a.value.get(), a.loc);
  return v;
}

llvm::Value* Lowerer::expr(const ast::Expr* e, const sema::Type* expected) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::Type* type = isUntyped(e->type) && expected ? expected : e->type;
  if (e->constValue) return constant(*e->constValue, type, e->loc);
  switch (e->kind) {
    case ast::NodeKind::Path: {
      const auto* p = static_cast<const ast::PathExpr*>(e);
      if (const auto* v = ast::dynCast<ast::VariableDecl>(p->resolved);
          v && v->isConst() && v->init)
        return expr(v->init.get(), type);
      if (auto lazy = m_lazyParams.find(p->resolved); lazy != m_lazyParams.end()) {
        const LazyParam& lp = lazy->second;
        llvm::Value* v = loadBigEndian(lp.base, lp.bitOffset, lp.bits, 8);
        const auto* param = static_cast<const ast::ParamDecl*>(p->resolved);  // only params
        return coerce(v, llvmType(param->type, e->loc), isSignedType(param->type));
      }
      std::optional<LValue> lv = lvalue(e);
      return lv ? load(*lv) : zeroValue(type, e->loc);
    }
    case ast::NodeKind::Member:
      return member(static_cast<const ast::MemberExpr*>(e), type);
    case ast::NodeKind::Binary:
      return binary(static_cast<const ast::BinaryExpr*>(e), type);
    case ast::NodeKind::Unary: {
      const auto* u = static_cast<const ast::UnaryExpr*>(e);
      llvm::Value* v = expr(u->operand.get(), type);
      switch (u->op) {
        case ast::UnaryOp::Not:
          return b.CreateNot(coerce(v, b.getInt1Ty(), false));
        case ast::UnaryOp::BitNot:
          return b.CreateNot(v);
        case ast::UnaryOp::Neg:
          return b.CreateNeg(v);
        case ast::UnaryOp::Plus:
          return v;
      }
      return v;
    }
    case ast::NodeKind::Ternary: {
      const auto* t = static_cast<const ast::TernaryExpr*>(e);
      llvm::Value* c = condition(t->cond.get());
      llvm::Value* x = expr(t->thenExpr.get(), type);
      llvm::Value* y = expr(t->elseExpr.get(), type);
      llvm::Type* rt = llvmType(type, e->loc);
      return b.CreateSelect(c, coerce(x, rt, isSignedType(type)),
                            coerce(y, rt, isSignedType(type)));
    }
    case ast::NodeKind::Cast: {
      const auto* c = static_cast<const ast::CastExpr*>(e);
      const sema::Type* from = c->operand->type;
      llvm::Value* v = expr(c->operand.get(), type);
      llvm::Type* to = llvmType(type, e->loc);
      if (to->isIntegerTy(1) && !v->getType()->isIntegerTy(1)) return b.CreateIsNotNull(v);
      return coerce(v, to, isSignedType(from));
    }
    case ast::NodeKind::Slice: {
      const auto* s = static_cast<const ast::SliceExpr*>(e);
      llvm::Value* v = expr(s->base.get());
      v = b.CreateLShr(v, s->loBit);
      return b.CreateTrunc(v, b.getIntNTy(s->hiBit - s->loBit + 1));
    }
    case ast::NodeKind::Call:
      return callValue(static_cast<const ast::CallExpr*>(e));
    case ast::NodeKind::Index: {  // a whole stack element
      std::optional<LValue> lv = lvalue(e);
      return lv ? load(*lv) : zeroValue(type, e->loc);
    }
    case ast::NodeKind::List:
    case ast::NodeKind::StructInit:
      if (const sema::StructType* st = asStruct(expected ? expected : e->type))
        return initializer(e, st);
      unsupported(e->loc, std::string("expressions of kind ") + ast::nodeKindName(e->kind));
      return zeroValue(type, e->loc);
    default:
      unsupported(e->loc, std::string("expressions of kind ") + ast::nodeKindName(e->kind));
      return zeroValue(type, e->loc);
  }
}

llvm::Value* Lowerer::member(const ast::MemberExpr* e, const sema::Type* type) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  using MK = ast::MemberExpr::MemberKind;
  switch (e->memberKind) {
    case MK::Field: {
      if (const auto* base = ast::dynCast<ast::MemberExpr>(e->base.get());
          base && base->memberKind == MK::StackLast && m_forcedIndex.count(base) == 0)
        return stackLastField(e);
      std::optional<LValue> lv = lvalue(e);
      return lv ? load(*lv) : zeroValue(type, e->loc);
    }
    case MK::EnumMember:
      return enumMemberValue(e->resolved, type);
    case MK::StackLastIndex:
      return stackLastIndex(e);
    case MK::StackLast:
    case MK::StackNext: {
      std::optional<LValue> lv = lvalue(e);
      return lv ? load(*lv) : zeroValue(type, e->loc);
    }
    case MK::TableHit:
    case MK::TableMiss: {
      const auto* call = ast::dynCast<ast::CallExpr>(e->base.get());
      const auto* table = call ? ast::dynCast<ast::TableDecl>(call->target) : nullptr;
      if (!table) break;
      TableApplyResult r = applyTable(table, call->loc);
      return e->memberKind == MK::TableHit ? r.hit : b.CreateNot(r.hit);
    }
    default:
      break;
  }
  unsupported(e->loc, "'." + e->member + "' here");
  return zeroValue(type, e->loc);
}

llvm::Value* Lowerer::callValue(const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (call->callKind == ast::CallKind::IsValid && call->receiver) {
    std::optional<LValue> header = lvalue(call->receiver);
    if (header && header->type && header->type->kind == sema::TypeKind::HeaderUnion) {
      // A union is valid when one of its members is.
      const sema::StructType* ut = asStruct(header->type);
      llvm::Value* any = b.getFalse();
      for (std::size_t i = 0; i < ut->fields.size(); ++i) {
        llvm::Value* m =
            b.CreateStructGEP(llvmType(ut, call->loc), header->ptr, static_cast<unsigned>(i));
        llvm::Value* v = b.CreateLoad(
            b.getInt8Ty(), b.CreateStructGEP(llvmType(ut->fields[i].type, call->loc), m, kHeaderValid));
        any = b.CreateOr(any, b.CreateIsNotNull(v));
      }
      return any;
    }
    if (!header || !header->type || header->type->kind != sema::TypeKind::Header) {
      unsupported(call->loc, "isValid() on this expression");
      return b.getFalse();
    }
    llvm::Value* valid = b.CreateLoad(
        b.getInt8Ty(),
        b.CreateStructGEP(llvmType(header->type, call->loc), header->ptr, kHeaderValid));
    return b.CreateIsNotNull(valid);
  }
  if (call->callKind == ast::CallKind::TableApply) {
    if (const auto* table = ast::dynCast<ast::TableDecl>(call->target))
      return applyTable(table, call->loc).hit;
  }
  if (call->callKind == ast::CallKind::FunctionCall) {
    if (llvm::Value* v = callFunction(call)) return v;
    return zeroValue(call->type, call->loc);
  }
  if (call->callKind == ast::CallKind::Lookahead) return lookahead(call);
  if (llvm::Value* v = externCall(call)) return v;
  std::string what = "this call";
  if (const auto* m = ast::dynCast<ast::MemberExpr>(call->callee.get()))
    what = "'" + m->member + "()'";
  if (const auto* p = ast::dynCast<ast::PathExpr>(call->callee.get())) what = "'" + p->name + "()'";
  unsupported(call->loc, what + " in an expression");
  return zeroValue(call->type, call->loc);
}

// BPF multiplies 64 bits at most (a wider product would be a library call): wider
// operands are multiplied in 32-bit limbs whose products fit 64 bits, summed at their
// place; only the low N bits are kept (P4 wraps).
llvm::Value* Lowerer::multiply(llvm::Value* l, llvm::Value* r) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Type* t = l->getType();
  unsigned width = t->getIntegerBitWidth();
  if (width <= 64) return b.CreateMul(l, r);
  unsigned limbs = (width + 31) / 32;
  // Each limb goes through an empty asm: otherwise the optimiser folds x + (x << k)
  // (a product with a constant) back into one wide `mul`, the library call again.
  auto limb = [&](llvm::Value* v, unsigned k) -> llvm::Value* {
    llvm::Value* part =
        b.CreateZExt(b.CreateTrunc(b.CreateLShr(v, 32 * k), b.getInt32Ty()), b.getInt64Ty());
    return m_ctx.opaque(part);
  };
  llvm::Value* sum = llvm::ConstantInt::get(t, 0);
  for (unsigned i = 0; i < limbs; ++i)
    for (unsigned j = 0; i + j < limbs; ++j) {
      llvm::Value* p = b.CreateMul(limb(l, i), limb(r, j));
      sum = b.CreateAdd(sum, b.CreateShl(b.CreateZExt(p, t), 32 * (i + j)));
    }
  return sum;
}

// A shift by a run-time amount (< width). Over 64 bits BPF would need a library call
// (__ashlti3 ...): shift 64-bit limbs instead. Output limb j takes limbs j -/+ q and
// their neighbours (q = amount / 64, chosen by selects), each shifted by amount % 64.
llvm::Value* Lowerer::wideShift(llvm::Instruction::BinaryOps op, llvm::Value* v,
                                llvm::Value* amount) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  unsigned width = v->getType()->getIntegerBitWidth();
  if (width <= 64 || llvm::isa<llvm::Constant>(amount)) return b.CreateBinOp(op, v, amount);
  unsigned limbs = (width + 63) / 64;
  llvm::Type* full = b.getIntNTy(limbs * 64);
  llvm::Type* i64 = b.getInt64Ty();
  bool left = op == llvm::Instruction::Shl;
  llvm::Value* x = op == llvm::Instruction::AShr ? b.CreateSExt(v, full) : b.CreateZExt(v, full);
  llvm::Value* s = b.CreateZExtOrTrunc(amount, i64);
  llvm::Value* q = b.CreateLShr(s, 6);
  llvm::Value* r = b.CreateAnd(s, 63);
  llvm::Value* noCarry = b.CreateICmpEQ(r, b.getInt64(0));
  llvm::Value* back = b.CreateAnd(b.CreateSub(b.getInt64(64), r), 63);
  std::vector<llvm::Value*> in;
  for (unsigned k = 0; k < limbs; ++k) in.push_back(b.CreateTrunc(b.CreateLShr(x, 64 * k), i64));
  llvm::Value* fill =
      op == llvm::Instruction::AShr ? b.CreateAShr(in.back(), 63) : b.getInt64(0);
  auto limb = [&](int k) -> llvm::Value* {
    if (k < 0) return b.getInt64(0);
    return k >= static_cast<int>(limbs) ? fill : in[static_cast<unsigned>(k)];
  };
  llvm::Value* result = llvm::ConstantInt::get(full, 0);
  for (int j = 0; j < static_cast<int>(limbs); ++j) {
    llvm::Value* out = nullptr;
    for (int n = 0; n < static_cast<int>(limbs); ++n) {
      llvm::Value* main = left ? b.CreateShl(limb(j - n), r) : b.CreateLShr(limb(j + n), r);
      llvm::Value* carry = left ? b.CreateLShr(limb(j - n - 1), back)
                                : b.CreateShl(limb(j + n + 1), back);
      llvm::Value* c = b.CreateOr(main, b.CreateSelect(noCarry, b.getInt64(0), carry));
      out = out ? b.CreateSelect(b.CreateICmpEQ(q, b.getInt64(static_cast<unsigned>(n))), c, out)
                : c;
    }
    result = b.CreateOr(result, b.CreateShl(b.CreateZExt(out, full), 64 * static_cast<unsigned>(j)));
  }
  return b.CreateTrunc(result, v->getType());
}

// Spec 8.9: structs (and header unions, stacks) are equal when all members are; headers
// when both are invalid, or both valid with equal fields.
llvm::Value* Lowerer::aggregateEqual(llvm::Value* l, llvm::Value* r, const sema::Type* type) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (!l->getType()->isAggregateType()) return b.CreateICmpEQ(l, r);
  if (type && type->kind == sema::TypeKind::Varbit) return varbitEqual(l, r, type);
  const sema::StructType* st = asStruct(type);
  llvm::Value* all = b.getTrue();
  if (!st) {  // header stack: { nextIndex, elements... }
    const auto* hs = static_cast<const sema::HeaderStackType*>(type);
    for (unsigned i = 1; i <= hs->size; ++i)
      all = b.CreateAnd(all, aggregateEqual(b.CreateExtractValue(l, i),
                                            b.CreateExtractValue(r, i), hs->element));
    return all;
  }
  bool isHeader = st->kind == sema::TypeKind::Header;
  unsigned first = isHeader ? kHeaderFirstField : 0;
  for (unsigned i = 0; i < st->fields.size(); ++i)
    all = b.CreateAnd(all, aggregateEqual(b.CreateExtractValue(l, first + i),
                                          b.CreateExtractValue(r, first + i), st->fields[i].type));
  if (!isHeader) return all;
  llvm::Value* lv = b.CreateIsNotNull(b.CreateExtractValue(l, kHeaderValid));
  llvm::Value* rv = b.CreateIsNotNull(b.CreateExtractValue(r, kHeaderValid));
  return b.CreateAnd(b.CreateICmpEQ(lv, rv), b.CreateOr(b.CreateNot(lv), all));
}

llvm::Value* Lowerer::binary(const ast::BinaryExpr* e, const sema::Type* type) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  using Op = ast::BinaryOp;
  if (e->op == Op::And || e->op == Op::Or) {
    // Short-circuit: the right side may apply a table.
    llvm::Value* lhs = condition(e->lhs.get());
    llvm::BasicBlock* lhsBlock = b.GetInsertBlock();
    llvm::BasicBlock* rhsBlock = newBlock(e->op == Op::And ? "and.rhs" : "or.rhs");
    llvm::BasicBlock* join = newBlock(e->op == Op::And ? "and.end" : "or.end");
    if (e->op == Op::And)
      b.CreateCondBr(lhs, rhsBlock, join);
    else
      b.CreateCondBr(lhs, join, rhsBlock);
    b.SetInsertPoint(rhsBlock);
    llvm::Value* rhs = condition(e->rhs.get());
    llvm::BasicBlock* rhsEnd = b.GetInsertBlock();
    b.CreateBr(join);
    b.SetInsertPoint(join);
    llvm::PHINode* phi = b.CreatePHI(b.getInt1Ty(), 2);
    phi->addIncoming(b.getInt1(e->op == Op::Or), lhsBlock);
    phi->addIncoming(rhs, rhsEnd);
    return phi;
  }
  bool isCompare = e->op == Op::Lt || e->op == Op::Le || e->op == Op::Gt || e->op == Op::Ge ||
                   e->op == Op::Eq || e->op == Op::Ne;
  const sema::Type* operandType = isCompare ? e->lhs->type : type;
  if (isUntyped(operandType)) operandType = isUntyped(e->rhs->type) ? type : e->rhs->type;
  if (isCompare && isUntyped(operandType)) operandType = e->rhs->type;
  if (e->op == Op::Concat) {
    llvm::Value* l = expr(e->lhs.get());
    llvm::Value* r = expr(e->rhs.get());
    llvm::Type* rt = llvmType(type, e->loc);
    unsigned rw = r->getType()->getIntegerBitWidth();
    return b.CreateOr(b.CreateShl(b.CreateZExt(l, rt), rw), b.CreateZExt(r, rt));
  }
  bool isAggregate = operandType && (operandType->isStructLike() ||
                                     operandType->kind == sema::TypeKind::HeaderStack ||
                                     operandType->kind == sema::TypeKind::Varbit);
  if (isAggregate && (e->op == Op::Eq || e->op == Op::Ne)) {
    llvm::Value* same = aggregateEqual(expr(e->lhs.get(), operandType),
                                       expr(e->rhs.get(), operandType), operandType);
    return e->op == Op::Eq ? same : b.CreateNot(same);
  }
  if (isAggregate) {
    unsupported(e->loc, std::string("'") + ast::binaryOpSpelling(e->op) + "' on " +
                            operandType->toString());
    return b.getFalse();
  }
  bool isSigned = isSignedType(operandType);
  llvm::Type* t = llvmType(operandType, e->loc);
  llvm::Value* l = coerce(expr(e->lhs.get(), operandType), t, isSigned);
  bool isShift = e->op == Op::Shl || e->op == Op::Shr;
  llvm::Value* r =
      isShift ? expr(e->rhs.get()) : coerce(expr(e->rhs.get(), operandType), t, isSigned);
  if (isShift) {
    unsigned width = t->getIntegerBitWidth();
    llvm::Type* amountType = r->getType();
    unsigned common = std::max(width, amountType->getIntegerBitWidth());
    llvm::Value* amount = b.CreateZExt(r, b.getIntNTy(common));
    llvm::Value* tooBig = b.CreateICmpUGE(amount, b.getIntN(common, width));
    llvm::Value* a = b.CreateTrunc(b.CreateSelect(tooBig, b.getIntN(common, 0), amount), t);
    llvm::Value* shifted = wideShift(e->op == Op::Shl ? llvm::Instruction::Shl
                                     : isSigned       ? llvm::Instruction::AShr
                                                      : llvm::Instruction::LShr,
                                     l, a);
    llvm::Value* overflow =
        e->op == Op::Shr && isSigned ? b.CreateAShr(l, width - 1) : llvm::Constant::getNullValue(t);
    return b.CreateSelect(tooBig, overflow, shifted);
  }
  switch (e->op) {
    case Op::Add:
      return b.CreateAdd(l, r);
    case Op::Sub:
      return b.CreateSub(l, r);
    case Op::Mul:
      return multiply(l, r);
    case Op::AddSat:
      return b.CreateBinaryIntrinsic(
          isSigned ? llvm::Intrinsic::sadd_sat : llvm::Intrinsic::uadd_sat, l, r);
    case Op::SubSat:
      return b.CreateBinaryIntrinsic(
          isSigned ? llvm::Intrinsic::ssub_sat : llvm::Intrinsic::usub_sat, l, r);
    case Op::Div:
    case Op::Mod:
      if (isSigned) {
        // The spec lists no `/` or `%` for int<W> (only for int, on positive values).
        unsupported(e->loc, std::string("'") + ast::binaryOpSpelling(e->op) + "' on " +
                                operandType->toString() +
                                " (P4 defines division and modulo only for unsigned values)");
        return l;
      }
      return divide(l, r, e->op == Op::Mod);
    case Op::BitAnd:
      return b.CreateAnd(l, r);
    case Op::BitOr:
      return b.CreateOr(l, r);
    case Op::BitXor:
      return b.CreateXor(l, r);
    case Op::Eq:
      return b.CreateICmpEQ(l, r);
    case Op::Ne:
      return b.CreateICmpNE(l, r);
    case Op::Lt:
      return isSigned ? b.CreateICmpSLT(l, r) : b.CreateICmpULT(l, r);
    case Op::Le:
      return isSigned ? b.CreateICmpSLE(l, r) : b.CreateICmpULE(l, r);
    case Op::Gt:
      return isSigned ? b.CreateICmpSGT(l, r) : b.CreateICmpUGT(l, r);
    case Op::Ge:
      return isSigned ? b.CreateICmpSGE(l, r) : b.CreateICmpUGE(l, r);
    default:
      break;
  }
  unsupported(e->loc, std::string("operator '") + ast::binaryOpSpelling(e->op) + "'");
  return l;
}

}  // namespace p4wb::compiler
