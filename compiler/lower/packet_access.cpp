// Packet bytes <-> host integers, and the packet/header method calls built on them
// (extract, advance, emit, verify). Header fields are written back to the packet when
// assigned (see Lowerer::writeThrough); emit records the header (deparser.cpp rebuilds
// the head when the emitted headers differ from the parsed ones). Packet fields are
// big-endian and may start at any bit; every access goes through single-byte loads/stores, which
// the verifier accepts on every architecture (no alignment assumptions about the packet), and LLVM
// folds the shifts. Every packet access is preceded by one `data + off + size > data_end` check.
#include <llvm/IR/Intrinsics.h>

#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

// Larger than any XDP frame; below the verifier's MAX_PACKET_OFF (0xffff).
constexpr std::uint32_t kMaxPacketOffset = 0x3fff;

struct ByteSpan {
  unsigned first = 0;  // first byte touched
  unsigned count = 0;  // bytes touched
  unsigned shift = 0;  // right shift that puts the field's lowest bit at bit 0
};

ByteSpan spanOf(unsigned bitOffset, unsigned width) {
  ByteSpan s;
  s.first = bitOffset / 8;
  s.count = (bitOffset + width - 1) / 8 - s.first + 1;
  s.shift = s.count * 8 - bitOffset % 8 - width;
  return s;
}

}  // namespace

bool Lowerer::isWireField(const sema::StructType* header, std::size_t index) {
  if (!header || header->kind != sema::TypeKind::Header || header->totalBits % 8 != 0 ||
      index >= header->fields.size())
    return false;
  const sema::Field& f = header->fields[index];
  if (!f.type || f.type->kind != sema::TypeKind::Bits || f.type->bitWidth() != f.bitWidth) return false;
  return f.bitOffset % 8 == 0 && f.bitWidth % 8 == 0 && f.bitWidth >= 16 && f.bitWidth <= 64;
}

llvm::Value* Lowerer::wireSwap(llvm::Value* v) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  unsigned bits = v->getType()->getIntegerBitWidth();
  if (bits % 16 == 0) return b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, v);
  // An odd number of bytes (bit<24>): swap in the next even width, drop the extra byte.
  llvm::Type* even = b.getIntNTy(bits + 8);
  llvm::Value* swapped = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, b.CreateZExt(v, even));
  return b.CreateTrunc(b.CreateLShr(swapped, 8), v->getType());
}

llvm::Value* Lowerer::loadBigEndian(llvm::Value* base, unsigned bitOffset, unsigned width,
                                    unsigned baseAlign) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  // Whole bytes (two or more): the bytes in memory order, then one swap of the whole
  // value, which LLVM folds against the swap of a wire field or a key store.
  if (bitOffset % 8 == 0 && width % 8 == 0 && width >= 16 && width <= 64)
    return wireSwap(loadRaw(base, bitOffset / 8, width / 8, baseAlign));
  ByteSpan s = spanOf(bitOffset, width);
  llvm::Type* spanType = b.getIntNTy(s.count * 8);
  llvm::Value* acc = llvm::ConstantInt::get(spanType, 0);
  unsigned end = s.first + s.count;
  for (unsigned pos = s.first; pos < end;) {
    // The widest naturally aligned chunk the base alignment allows (map values are
    // 8-byte aligned; packet data is not assumed to be).
    unsigned size = 8;
    while (size > 1 && (size > end - pos || pos % size != 0 || size > baseAlign)) size /= 2;
    llvm::Type* chunkType = b.getIntNTy(size * 8);
    llvm::Value* ptr = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, pos);
    llvm::Value* chunk = b.CreateAlignedLoad(chunkType, ptr, llvm::Align(size));
    if (size > 1) chunk = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, chunk);
    llvm::Value* wide = b.CreateZExt(chunk, spanType);
    acc = b.CreateOr(acc, b.CreateShl(wide, 8 * (end - pos - size)));
    pos += size;
  }
  if (s.shift != 0) acc = b.CreateLShr(acc, s.shift);
  return b.CreateTrunc(acc, b.getIntNTy(width));
}

// A header field as the C of a packed-free struct reads it: a 16/32/64-bit field at a
// multiple of its size within the header is one load of that width (the header is assumed
// naturally aligned, as clang assumes for `struct iphdr`) and a byte swap; other fields
// load the bytes they span in naturally aligned chunks of the same assumption (a MAC
// address is 4 + 2 bytes, a 13-bit fragment offset one 16-bit load), not byte by byte.
// The wide load also spares the mask a byte-wise 16-bit read needs.
llvm::Value* Lowerer::extractField(llvm::Value* header, unsigned bitOffset, unsigned width) {
  unsigned bytes = width / 8;
  bool wide = bitOffset % 8 == 0 && width % 8 == 0 && (bytes == 2 || bytes == 4 || bytes == 8) &&
              (bitOffset / 8) % bytes == 0;
  if (!wide) return loadBigEndian(header, bitOffset, width, 8);
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Value* ptr = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), header, bitOffset / 8);
  llvm::Value* v = b.CreateAlignedLoad(b.getIntNTy(width), ptr, llvm::Align(bytes));
  return b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, v);
}

llvm::Value* Lowerer::loadRaw(llvm::Value* base, unsigned byteOffset, unsigned bytes, unsigned baseAlign) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Type* type = b.getIntNTy(bytes * 8);
  llvm::Value* acc = llvm::ConstantInt::get(type, 0);
  unsigned end = byteOffset + bytes;
  // Naturally aligned chunks relative to the header's start, as extractField assumes;
  // memory order: the chunk at byteOffset + k goes to bits 8k and up.
  for (unsigned pos = byteOffset; pos < end;) {
    unsigned size = 8;
    while (size > 1 && (size > end - pos || pos % size != 0 || size > baseAlign)) size /= 2;
    llvm::Value* chunk = b.CreateAlignedLoad(
        b.getIntNTy(size * 8), b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, pos), llvm::Align(size));
    if (size == bytes) return chunk;
    acc = b.CreateOr(acc, b.CreateShl(b.CreateZExt(chunk, type), 8 * (pos - byteOffset)));
    pos += size;
  }
  return acc;
}

void Lowerer::storeBigEndian(llvm::Value* base, unsigned bitOffset, unsigned width,
                             llvm::Value* value, unsigned baseAlign) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  ByteSpan s = spanOf(bitOffset, width);
  llvm::Type* spanType = b.getIntNTy(s.count * 8);
  if (baseAlign > 1 && bitOffset % 8 == 0 && width % 8 == 0) {
    // The mirror of loadBigEndian's chunks: a 13-byte flow key is 5 stores, not 13
    // byte stores with a shift each.
    llvm::Value* bits = b.CreateZExt(coerce(value, b.getIntNTy(width), false), spanType);
    unsigned end = s.first + s.count;
    for (unsigned pos = s.first; pos < end;) {
      unsigned size = 8;
      while (size > 1 && (size > end - pos || pos % size != 0 || size > baseAlign)) size /= 2;
      llvm::Value* chunk = b.CreateTrunc(b.CreateLShr(bits, 8 * (end - pos - size)),
                                         b.getIntNTy(size * 8));
      if (size > 1) chunk = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, chunk);
      b.CreateAlignedStore(chunk, b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, pos),
                           llvm::Align(size));
      pos += size;
    }
    return;
  }
  llvm::Value* bits =
      b.CreateShl(b.CreateZExt(coerce(value, b.getIntNTy(width), false), spanType), s.shift);
  if (bitOffset % 8 != 0 || width % 8 != 0) {
    // The field shares bytes with its neighbours: read-modify-write the span.
    llvm::Value* old = loadBigEndian(base, s.first * 8, s.count * 8);
    llvm::APInt mask = llvm::APInt::getBitsSet(s.count * 8, s.shift, s.shift + width);
    bits = b.CreateOr(b.CreateAnd(old, llvm::ConstantInt::get(spanType, ~mask)), bits);
  }
  for (unsigned k = 0; k < s.count; ++k) {
    llvm::Value* byte = b.CreateTrunc(b.CreateLShr(bits, 8 * (s.count - 1 - k)), b.getInt8Ty());
    llvm::Value* ptr = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, s.first + k);
    b.CreateAlignedStore(byte, ptr, llvm::Align(1));
  }
}

llvm::Value* Lowerer::checkedPacketPointer(llvm::Value* offset, unsigned bytes,
                                           llvm::BasicBlock* fail) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  // The verifier only grants packet access through a pointer whose variable offset has
  // a known small bound; this branch gives it one (and folds away for constant offsets).
  llvm::BasicBlock* bounded = newBlock("offset.ok");
  b.CreateCondBr(b.CreateICmpUGT(offset, b.getInt32(kMaxPacketOffset)), fail, bounded);
  b.SetInsertPoint(bounded);
  llvm::Value* ptr = b.CreateGEP(b.getInt8Ty(), m_data, b.CreateZExt(offset, b.getInt64Ty()));
  llvm::Value* end = b.CreateConstGEP1_64(b.getInt8Ty(), ptr, bytes);
  llvm::BasicBlock* ok = newBlock("bounds.ok");
  b.CreateCondBr(b.CreateICmpUGT(end, m_dataEnd), fail, ok);
  b.SetInsertPoint(ok);
  return ptr;
}

void Lowerer::emitHeaderExtract(const LValue& header, const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::StructType* st = asStruct(header.type);
  if (!st || st->kind != sema::TypeKind::Header || header.isSlice) {
    unsupported(call->loc, "extract into something that is not a header");
    return;
  }
  bool hasVarbit = varbitFieldIndex(st) >= 0;
  if (hasVarbit && !checkVarbitLayout(st, call->loc)) return;
  if (hasVarbit != (call->args.size() == 2)) {
    unsupported(call->loc, hasVarbit ? "extract of header '" + st->name +
                                           "' (it has a varbit field) without a length"
                                     : "extract with a length into header '" + st->name +
                                           "', which has no varbit field");
    return;
  }
  if (st->totalBits % 8 != 0) {
    unsupported(call->loc, "headers whose size is not a whole number of bytes");
    return;
  }
  unsigned bytes = st->totalBits / 8;
  llvm::Type* type = llvmType(st, call->loc);
  llvm::Value* offset = b.CreateLoad(b.getInt32Ty(), m_packetOffset);
  llvm::Value* ptr = checkedPacketPointer(offset, bytes, rejectWith("PacketTooShort"));
  for (std::size_t i = 0; i < st->fields.size(); ++i) {
    const sema::Field& f = st->fields[i];
    if (f.bitWidth == 0) continue;  // the varbit field, below
    llvm::Value* slot = b.CreateStructGEP(type, header.ptr, kHeaderFirstField + i);
    if (wireField(st, i)) {  // the packet's bytes as they are
      b.CreateStore(loadRaw(ptr, f.bitOffset / 8, f.bitWidth / 8), slot);
      continue;
    }
    llvm::Value* v = extractField(ptr, f.bitOffset, f.bitWidth);
    b.CreateStore(coerce(v, llvmType(f.type, call->loc), false), slot);
  }
  llvm::Value* size = hasVarbit ? extractVarbit(header, call, offset) : b.getInt32(bytes);
  invalidateUnionSiblings(call->args[0].value.get(), false);
  b.CreateStore(b.getInt8(1), b.CreateStructGEP(type, header.ptr, kHeaderValid));
  b.CreateStore(offset, b.CreateStructGEP(type, header.ptr, kHeaderOffset));
  b.CreateStore(b.CreateAdd(offset, size), m_packetOffset);
  // The bytes of a header extracted a second time must not stay in the packet.
  if (m_extracted.count(header.path) != 0) m_parserSkips = true;
  m_extracted.emplace(header.path, std::make_pair(exprText(call->args[0].value.get()), call->loc));
  m_extractPaths[call] = header.path;
}

// Emitting a header records that it stays in the packet (its changed fields were
// already written through when they were assigned) and what rewriteHead() writes should
// the emitted headers differ from the parsed ones. A shared header cannot change after
// its emit (the deparser's headers are `in`), so the record points at it; only an emit
// inside `if`/`switch` (invalid unless it ran) or of a local header needs a copy.
void Lowerer::emitEmit(llvm::Value* ptr, const std::string& path, const sema::Type* type,
                       SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::StructType* st = asStruct(type);
  if (st && st->kind == sema::TypeKind::Header) {
    m_emitted.insert(path);
    if (m_branchDepth > 0) m_conditionalEmit = true;
    EmitRecord record;
    record.type = st;
    record.path = path;
    std::string root =
        m_headers ? std::to_string(reinterpret_cast<std::uintptr_t>(m_headers)) : std::string();
    if (m_branchDepth == 0 && !root.empty() && path.compare(0, root.size(), root) == 0) {
      record.header = ptr;
    } else {
      llvm::AllocaInst* copy = allocate(st, "emit." + st->name, loc);
      b.CreateStore(b.CreateLoad(llvmType(st, loc), ptr), copy);
      record.header = copy;
    }
    m_emits.push_back(record);
    return;
  }
  if (st && (st->kind == sema::TypeKind::Struct || st->kind == sema::TypeKind::HeaderUnion)) {
    llvm::Type* t = llvmType(st, loc);
    for (std::size_t i = 0; i < st->fields.size(); ++i)
      emitEmit(b.CreateStructGEP(t, ptr, static_cast<unsigned>(i)), path + "." + std::to_string(i),
               st->fields[i].type, loc);
    return;
  }
  if (type && type->kind == sema::TypeKind::HeaderStack) {
    auto* hs = static_cast<const sema::HeaderStackType*>(type);
    llvm::Type* t = llvmType(hs, loc);
    for (unsigned k = 0; k < hs->size; ++k)
      emitEmit(b.CreateStructGEP(t, ptr, kStackFirstElement + k),
               path + "[" + std::to_string(k) + "]", hs->element, loc);
    return;
  }
  unsupported(loc, "emit of " + (type ? type->toString() : std::string("this value")));
}

llvm::Value* Lowerer::lookahead(const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::Type* type = call->type;
  unsigned width = type ? type->bitWidth() : 0;
  if (!m_parserReject || !type || type->kind != sema::TypeKind::Bits || width == 0) {
    unsupported(call->loc, "lookahead of this type (only bit<N> in the parser)");
    return zeroValue(type, call->loc);
  }
  // Reading past the end of the packet rejects, like extract (PacketTooShort).
  llvm::Value* offset = b.CreateLoad(b.getInt32Ty(), m_packetOffset);
  llvm::Value* ptr = checkedPacketPointer(offset, (width + 7) / 8, rejectWith("PacketTooShort"));
  return loadBigEndian(ptr, 0, width);
}

void Lowerer::emitCall(const ast::CallExpr* call, SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  switch (call->callKind) {
    case ast::CallKind::Extract: {
      if (call->args.empty() || call->args.size() > 2 || !m_parserReject) {
        unsupported(loc, m_parserReject ? "extract with these arguments"
                                        : "extract outside the parser");
        return;
      }
      const ast::Expr* target = call->args[0].value.get();
      if (const auto* m = ast::dynCast<ast::MemberExpr>(target);
          m && m->memberKind == ast::MemberExpr::MemberKind::StackNext) {
        if (std::optional<LValue> stack = lvalue(m->base.get())) extractNext(*stack, call);
        return;
      }
      if (std::optional<LValue> header = lvalue(target)) emitHeaderExtract(*header, call);
      return;
    }
    case ast::CallKind::Advance: {
      const ast::Expr* bits = call->args.empty() ? nullptr : call->args[0].value.get();
      if (!bits || !bits->constValue || bits->constValue->asU64() % 8 != 0 || !m_parserReject) {
        unsupported(loc, "advance by a non-constant or non-byte amount");
        return;
      }
      unsigned bytes = static_cast<unsigned>(bits->constValue->asU64() / 8);
      llvm::Value* offset = b.CreateLoad(b.getInt32Ty(), m_packetOffset);
      checkedPacketPointer(offset, bytes, rejectWith("PacketTooShort"));
      b.CreateStore(b.CreateAdd(offset, b.getInt32(bytes)), m_packetOffset);
      m_parserSkips = true;  // the skipped bytes are not part of the output
      return;
    }
    case ast::CallKind::Verify: {
      if (call->args.empty() || !m_parserReject) {
        unsupported(loc, "verify outside the parser");
        return;
      }
      llvm::Value* ok = condition(call->args[0].value.get());
      llvm::BasicBlock* cont = newBlock("verify.ok");
      std::string error = "verify";  // an error only known at run time
      if (call->args.size() > 1)
        if (const auto& cv = call->args[1].value->constValue;
            cv && cv->kind == sema::ConstValue::Kind::Member && cv->member)
          error = cv->member->name;
      b.CreateCondBr(ok, cont, rejectWith(error));
      b.SetInsertPoint(cont);
      return;
    }
    case ast::CallKind::Emit: {
      if (call->args.size() != 1) break;
      if (std::optional<LValue> lv = lvalue(call->args[0].value.get()))
        emitEmit(lv->ptr, lv->path, lv->type, loc);
      return;
    }
    case ast::CallKind::SetValid:
    case ast::CallKind::SetInvalid:
      setValidity(call, call->callKind == ast::CallKind::SetValid);
      return;
    case ast::CallKind::PushFront:
    case ast::CallKind::PopFront:
      pushPopFront(call, call->callKind == ast::CallKind::PushFront);
      return;
    default:
      if (externCall(call)) return;
      break;
  }
  std::string what = "this call";
  if (const auto* m = ast::dynCast<ast::MemberExpr>(call->callee.get()))
    what = "'" + m->member + "()'";
  if (const auto* p = ast::dynCast<ast::PathExpr>(call->callee.get())) what = "'" + p->name + "()'";
  unsupported(loc, what);
}

}  // namespace p4wb::compiler
