// Header validity changes and the rebuild of the packet's head after the deparser.
//
// Fast path (the common case): every header the parser extracts is emitted
// unconditionally and no header's validity can change, so the headers are where the
// parser found them, field writes already went to the packet, and nothing is emitted.
// Otherwise (setValid/setInvalid, push_front/pop_front, a whole-header assignment into
// the headers, an emit inside `if`/`switch`, or an extracted header not emitted) the
// head is rebuilt: the output is the headers the deparser emitted while valid followed
// by the bytes after the parser's cursor. The packet grows or shrinks by the difference
// (bpf_xdp_adjust_head; on tc bpf_skb_change_head to grow,
// bpf_skb_adjust_room(BPF_ADJ_ROOM_MAC) to shrink), then every emitted header is written
// at a running offset, each write behind its own bounds check so the verifier accepts
// the variable offsets. A failing helper drops the packet.
// Field writes do not go to the packet in a program that rebuilds its head; they mark
// their header as no longer in the packet instead (expression.cpp), so a header still
// at its parsed offset holds exactly its packet bytes. The rebuild skips such a header
// when the resize moved those bytes to the very place the output needs them (a decap
// keeps the inner frame, an encap the original headers behind the new ones), and writes
// the others from their fields with one store per naturally aligned 8/4/2/1-byte chunk.
#include <llvm/IR/Intrinsics.h>

#include <algorithm>
#include <functional>
#include <set>

#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

constexpr std::uint64_t kAdjRoomMac = 1;  // BPF_ADJ_ROOM_MAC (uapi/linux/bpf.h)

const sema::HeaderStackType* asStack(const sema::Type* type) {
  return type && type->kind == sema::TypeKind::HeaderStack
             ? static_cast<const sema::HeaderStackType*>(type)
             : nullptr;
}

bool containsHeaders(const sema::Type* type) {
  if (!type) return false;
  if (type->kind == sema::TypeKind::Header || type->kind == sema::TypeKind::HeaderStack ||
      type->kind == sema::TypeKind::HeaderUnion)
    return true;
  if (type->kind != sema::TypeKind::Struct) return false;
  for (const sema::Field& f : static_cast<const sema::StructType*>(type)->fields)
    if (containsHeaders(f.type)) return true;
  return false;
}

}  // namespace

bool Lowerer::inSharedHeaders(const LValue& lv) const {
  if (!m_headers) return false;
  std::string root = std::to_string(reinterpret_cast<std::uintptr_t>(m_headers));
  return lv.path.compare(0, root.size(), root) == 0;
}

void Lowerer::markValidityChange(const LValue& lv) {
  if (lv.isSlice || !containsHeaders(lv.type)) return;
  // Only the shared headers reach the deparser; a local header copy does not matter.
  if (inSharedHeaders(lv)) {
    m_validityMayChange = true;
    markHeadDirty();
  }
}

void Lowerer::markHeadDirty() {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (!m_headDirty) m_headDirty = m_ctx.entryAlloca(b.getInt1Ty(), "head.dirty");
  b.CreateStore(b.getTrue(), m_headDirty);
}

// Whether a packet whose path left the headers untouched (head.dirty clear) gets exactly
// its parsed head back: the valid headers are then the extracted ones, unchanged, at
// their parsed offsets, one after the other from 0 with no bytes skipped; that is the
// output when every extracted header is emitted, unconditionally, and the emit order
// agrees with the extraction order on every parser path. Checked on the parser's state
// graph with extracts at the top level of states; anything else (loops, sub-parsers,
// varbit, local headers emitted) keeps the full rebuild.
bool Lowerer::rebuildSkippableWhenClean() const {
  if (m_conditionalEmit || m_parserSkips || !m_fe.programInfo.parser) return false;
  for (const auto& [path, what] : m_extracted)
    if (m_emitted.count(path) == 0) return false;
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < m_emits.size(); ++i) {
    const EmitRecord& r = m_emits[i];
    if (varbitFieldIndex(r.type) >= 0 || !m_headers) return false;
    std::string root = std::to_string(reinterpret_cast<std::uintptr_t>(m_headers));
    if (r.path.compare(0, root.size(), root) != 0) return false;
    if (!index.emplace(r.path, static_cast<int>(i)).second) return false;
  }
  std::set<const ast::CallExpr*> found;
  std::set<std::pair<const ast::ParserStateDecl*, int>> done;
  std::set<const ast::ParserStateDecl*> active;
  std::function<bool(const ast::ParserStateDecl*, int)> visit =
      [&](const ast::ParserStateDecl* s, int before) {
        if (!s) return true;  // accept / reject
        if (active.count(s)) return false;  // a loop
        if (!done.insert({s, before}).second) return true;
        active.insert(s);
        int last = before;
        for (const ast::StmtPtr& stmt : s->stmts) {
          const auto* cs = ast::dynCast<ast::CallStmt>(stmt.get());
          if (!cs) continue;
          auto it = m_extractPaths.find(cs->call.get());
          if (it == m_extractPaths.end()) continue;
          auto at = index.find(it->second);
          if (at == index.end() || at->second <= last) return false;
          last = at->second;
          found.insert(cs->call.get());
        }
        const ast::Transition& t = s->transition;
        if (t.kind == ast::Transition::Kind::Direct && !visit(t.target, last)) return false;
        if (t.kind == ast::Transition::Kind::Select)
          for (const ast::SelectCase& c : t.cases)
            if (!visit(c.target, last)) return false;
        active.erase(s);
        return true;
      };
  if (!visit(m_fe.programInfo.parser->findState("start"), -1)) return false;
  // Every extract lowered must have been seen at a state's top level (none in a block,
  // a sub-parser or an unreachable state).
  return found.size() == m_extractPaths.size();
}

void Lowerer::setValidity(const ast::CallExpr* call, bool valid) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  std::optional<LValue> header = call->receiver ? lvalue(call->receiver) : std::nullopt;
  const sema::StructType* st = header ? asStruct(header->type) : nullptr;
  if (!st || st->kind != sema::TypeKind::Header || header->isSlice) {
    unsupported(call->loc, std::string(valid ? "setValid" : "setInvalid") +
                               "() on something that is not a header");
    return;
  }
  if (valid) {
    invalidateUnionSiblings(call->receiver, true);
    m_setValidTypes.insert(st);
  }
  b.CreateStore(b.getInt8(valid ? 1 : 0),
                b.CreateStructGEP(llvmType(st, call->loc), header->ptr, kHeaderValid));
  markValidityChange(*header);
}

// A header union holds at most one valid member: making `member` valid (setValid,
// extract) invalidates the others. An extract does not count as a validity change (the
// parser extracts one member of the union, as the packet says).
void Lowerer::invalidateUnionSiblings(const ast::Expr* member, bool markChange) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const auto* m = ast::dynCast<ast::MemberExpr>(member);
  if (!m || !m->base->type || m->base->type->kind != sema::TypeKind::HeaderUnion) return;
  std::optional<LValue> u = lvalue(m->base.get());
  const sema::StructType* ut = u ? asStruct(u->type) : nullptr;
  if (!ut) return;
  llvm::Type* t = llvmType(ut, m->loc);
  for (std::size_t i = 0; i < ut->fields.size(); ++i) {
    if (static_cast<int>(i) == m->fieldIndex) continue;
    llvm::Value* other = b.CreateStructGEP(t, u->ptr, static_cast<unsigned>(i));
    b.CreateStore(b.getInt8(0),
                  b.CreateStructGEP(llvmType(ut->fields[i].type, m->loc), other, kHeaderValid));
  }
  if (markChange) markValidityChange(*u);
}

// push_front(n) shifts the elements up by n (the first n become invalid, the last n
// fall off) and moves nextIndex up (at most to the size); pop_front(n) shifts them
// down (the last n become invalid) and moves nextIndex down (at least to 0).
void Lowerer::pushPopFront(const ast::CallExpr* call, bool push) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  std::optional<LValue> stack = call->receiver ? lvalue(call->receiver) : std::nullopt;
  const sema::HeaderStackType* hs = stack ? asStack(stack->type) : nullptr;
  const ast::Expr* countExpr = call->args.empty() ? nullptr : call->args[0].value.get();
  if (!hs || !countExpr || !countExpr->constValue) {
    unsupported(call->loc, "push_front/pop_front with a non-constant count or on this value");
    return;
  }
  std::uint64_t count64 = countExpr->constValue->asU64();
  unsigned size = hs->size;
  unsigned count = count64 > size ? size : static_cast<unsigned>(count64);
  llvm::Type* t = llvmType(hs, call->loc);
  llvm::Type* elementType = llvmType(hs->element, call->loc);
  auto element = [&](unsigned k) { return b.CreateStructGEP(t, stack->ptr, kStackFirstElement + k); };
  llvm::Constant* empty = initialValue(hs->element, call->loc);
  if (push) {
    for (unsigned k = size; k-- > 0;)
      b.CreateStore(k >= count ? static_cast<llvm::Value*>(b.CreateLoad(elementType, element(k - count)))
                               : empty,
                    element(k));
  } else {
    for (unsigned k = 0; k < size; ++k)
      b.CreateStore(k + count < size
                        ? static_cast<llvm::Value*>(b.CreateLoad(elementType, element(k + count)))
                        : empty,
                    element(k));
  }
  llvm::Value* nextSlot = b.CreateStructGEP(t, stack->ptr, kStackNextIndex);
  llvm::Value* next = b.CreateLoad(b.getInt32Ty(), nextSlot);
  llvm::Value* moved;
  if (push) {
    llvm::Value* sum = b.CreateAdd(next, b.getInt32(count));
    moved = b.CreateSelect(b.CreateICmpUGT(sum, b.getInt32(size)), b.getInt32(size), sum);
  } else {
    moved = b.CreateSelect(b.CreateICmpULT(next, b.getInt32(count)), b.getInt32(0),
                           b.CreateSub(next, b.getInt32(count)));
  }
  b.CreateStore(moved, nextSlot);
  markValidityChange(*stack);
}

// bpf_skb_adjust_room(BPF_ADJ_ROOM_MAC) removes bytes after the first 14 (the MAC
// header), so with fewer than 14 bytes of headers to write the payload's first bytes
// would go too: copy them to [length, 14) first, where they end up in front of the rest.
void Lowerer::keepMacBytes(llvm::Value* length, llvm::Value* payload, llvm::BasicBlock* fail) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  constexpr unsigned kMacLength = 14;
  for (unsigned k = 0; k < kMacLength; ++k) {
    llvm::BasicBlock* copy = newBlock("head.keep");
    llvm::BasicBlock* next = newBlock("head.kept");
    b.CreateCondBr(b.CreateICmpULT(b.getInt32(k), length), next, copy);
    b.SetInsertPoint(copy);
    llvm::Value* from = b.CreateSub(b.CreateAdd(payload, b.getInt32(k)), length);
    llvm::Value* src = checkedPacketPointer(from, 1, fail);
    llvm::Value* byte = b.CreateLoad(b.getInt8Ty(), src);
    llvm::Value* dst = checkedPacketPointer(b.getInt32(k), 1, fail);
    b.CreateStore(byte, dst);
    b.CreateBr(next);
    b.SetInsertPoint(next);
  }
}

// Removes `delta` (> 0) bytes from the front of an skb. bpf_skb_adjust_room refuses
// skbs whose protocol is not IPv4/IPv6, so in-packet VLAN tags (skb->protocol
// 802.1Q/802.1ad, as BPF_PROG_TEST_RUN and a tc hook without VLAN offload see them) are
// removed with bpf_skb_vlan_pop first: it takes the 4 bytes at offset 12, inside the head
// that is rewritten anyway. For a double tag the kernel moves the inner tag to the skb's
// metadata, which is undone (the packet regrows by what was removed too much). An skb
// that arrived with a tag in its metadata is left to adjust_room. Returns 0 or < 0.
llvm::Value* Lowerer::shrinkTcHead(llvm::Value* delta, llvm::Value* length, llvm::Value* payload,
                                   llvm::BasicBlock* fail) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  constexpr unsigned kSkbLen = 0, kSkbProtocol = 16, kSkbVlanPresent = 20;
  llvm::Value* ctx = m_ctx.function()->getArg(0);
  auto field = [&](unsigned offset) {
    llvm::Value* p = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), ctx, offset);
    return b.CreateAlignedLoad(b.getInt32Ty(), p, llvm::Align(4));
  };
  auto isVlan = [&]() {
    llvm::Value* proto = field(kSkbProtocol);  // network order in the low 16 bits
    return b.CreateOr(b.CreateICmpEQ(proto, b.getInt32(0x0081)),
                      b.CreateICmpEQ(proto, b.getInt32(0xa888)));
  };
  llvm::Value* target = b.CreateSub(field(kSkbLen), delta);
  llvm::Value* taggedBefore = b.CreateIsNotNull(field(kSkbVlanPresent));
  for (int k = 0; k < 2; ++k) {
    llvm::BasicBlock* pop = newBlock("head.vlan_pop");
    llvm::BasicBlock* next = newBlock("head.vlan_next");
    llvm::Value* left = b.CreateSub(field(kSkbLen), target);
    llvm::Value* go = b.CreateAnd(b.CreateAnd(b.CreateNot(taggedBefore), isVlan()),
                                  b.CreateICmpSGE(left, b.getInt32(4)));
    b.CreateCondBr(go, pop, next);
    b.SetInsertPoint(pop);
    llvm::Value* popped = m_ctx.callHelper(BpfHelper::SkbVlanPop, b.getInt64Ty(), {ctx});
    llvm::BasicBlock* popOk = newBlock("head.vlan_popped");
    b.CreateCondBr(b.CreateIsNotNull(popped), fail, popOk);
    b.SetInsertPoint(popOk);
    b.CreateBr(next);
    b.SetInsertPoint(next);
  }
  // A tag the pops moved into the metadata would be sent again: drop it.
  llvm::BasicBlock* clear = newBlock("head.vlan_clear");
  llvm::BasicBlock* cleared = newBlock("head.vlan_cleared");
  b.CreateCondBr(b.CreateAnd(b.CreateNot(taggedBefore), b.CreateIsNotNull(field(kSkbVlanPresent))),
                 clear, cleared);
  b.SetInsertPoint(clear);
  m_ctx.callHelper(BpfHelper::SkbVlanPop, b.getInt64Ty(), {ctx});
  b.CreateBr(cleared);
  b.SetInsertPoint(cleared);
  llvm::Value* rest = b.CreateSub(field(kSkbLen), target);  // still to remove (< 0: grow)
  llvm::BasicBlock* grow = newBlock("head.regrow");
  llvm::BasicBlock* room = newBlock("head.adjust_room");
  llvm::BasicBlock* check = newBlock("head.shrink_room");
  llvm::BasicBlock* done = newBlock("head.shrunk");
  b.CreateCondBr(b.CreateICmpSLT(rest, b.getInt32(0)), grow, check);
  b.SetInsertPoint(grow);
  llvm::Value* grown = m_ctx.callHelper(BpfHelper::SkbChangeHead, b.getInt64Ty(),
                                        {ctx, b.CreateZExt(b.CreateNeg(rest), b.getInt64Ty()),
                                         b.getInt64(0)});
  b.CreateBr(done);
  b.SetInsertPoint(check);
  b.CreateCondBr(b.CreateICmpEQ(rest, b.getInt32(0)), done, room);
  b.SetInsertPoint(room);
  // The bytes already removed came from in front of the payload.
  llvm::Value* removed = b.CreateSub(delta, rest);
  // A pop invalidated every packet pointer.
  llvm::Value* savedData = m_data;
  llvm::Value* savedEnd = m_dataEnd;
  auto toPtr = [&](unsigned offset) {
    return b.CreateIntToPtr(b.CreateZExt(field(offset), b.getInt64Ty()), b.getPtrTy());
  };
  m_data = toPtr(m_ctxData);
  m_dataEnd = toPtr(m_ctxDataEnd);
  keepMacBytes(length, b.CreateSub(payload, removed), fail);
  m_data = savedData;
  m_dataEnd = savedEnd;
  llvm::Value* shrunk = m_ctx.callHelper(
      BpfHelper::SkbAdjustRoom, b.getInt64Ty(),
      {ctx, b.CreateNeg(b.CreateSExt(rest, b.getInt64Ty())), b.getInt64(kAdjRoomMac),
       b.getInt64(0)});
  llvm::BasicBlock* roomEnd = b.GetInsertBlock();
  b.CreateBr(done);
  b.SetInsertPoint(done);
  llvm::PHINode* status = b.CreatePHI(b.getInt64Ty(), 3);
  status->addIncoming(grown, grow);
  status->addIncoming(b.getInt64(0), check);
  status->addIncoming(shrunk, roomEnd);
  return status;
}

bool Lowerer::headNeedsRewrite() const {
  if (m_isFilter) return false;
  if (m_validityMayChange || m_conditionalEmit || m_parserSkips) return true;
  for (const auto& [path, what] : m_extracted)
    if (m_emitted.count(path) == 0) return true;
  return false;
}

llvm::Value* Lowerer::headRebuildFlag() {
  if (!m_headRebuild) m_headRebuild = m_ctx.entryAlloca(m_ctx.builder().getInt1Ty(), "head.rebuild");
  return m_headRebuild;
}

// The header's bytes from its fields: each naturally aligned chunk (relative to the
// header's start, as extractField assumes for loads) is built in a register and stored
// with one instruction; LLVM folds the constant parts.
void Lowerer::storeHeaderImage(llvm::Value* packet, const sema::StructType* type,
                               llvm::Value* header) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Type* t = llvmType(type, {});
  std::vector<ImageField> fields;
  for (std::size_t k = 0; k < type->fields.size(); ++k) {
    const sema::Field& f = type->fields[k];
    fields.push_back({f.bitOffset, f.bitWidth, nullptr, wireField(type, k)});
  }
  storeImage(packet, type->totalBits / 8, fields, 8, [&](std::size_t k) {
    const sema::Field& f = type->fields[k];
    llvm::Value* v = b.CreateLoad(llvmType(f.type, {}),
                                  b.CreateStructGEP(t, header, kHeaderFirstField + k));
    return fields[k].raw ? v : coerce(v, b.getIntNTy(f.bitWidth), false);
  });
}

void Lowerer::storeImage(llvm::Value* base, unsigned bytes, std::vector<ImageField>& fields,
                         unsigned baseAlign, const std::function<llvm::Value*(std::size_t)>& load) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  for (unsigned pos = 0; pos < bytes;) {
    unsigned size = 8;
    while (size > 1 && (size > bytes - pos || pos % size != 0 || size > baseAlign)) size /= 2;
    unsigned lo = pos * 8, hi = (pos + size) * 8;
    llvm::IntegerType* chunkType = b.getIntNTy(size * 8);
    llvm::Value* acc = llvm::ConstantInt::get(chunkType, 0);
    llvm::Value* rawAcc = llvm::ConstantInt::get(chunkType, 0);  // memory order
    for (std::size_t k = 0; k < fields.size(); ++k) {
      ImageField& f = fields[k];
      unsigned from = f.bitOffset, to = f.bitOffset + f.width;
      if (f.width == 0 || from >= hi || to <= lo) continue;  // a varbit field: stored apart
      if (!f.value) f.value = load(k);
      if (f.raw) {  // whole bytes: byte j of the value is image byte from / 8 + j
        llvm::Value* wide = b.CreateZExt(f.value, b.getIntNTy(std::max(f.width, size * 8)));
        if (from > lo) wide = b.CreateShl(wide, from - lo);
        if (lo > from) wide = b.CreateLShr(wide, lo - from);
        rawAcc = b.CreateOr(rawAcc, b.CreateTrunc(wide, chunkType));
        continue;
      }
      // Big-endian: the field's last bit lands `hi - to` bits above the chunk's bit 0.
      llvm::Value* wide = b.CreateZExt(f.value, b.getIntNTy(std::max(f.width, size * 8)));
      if (hi > to) wide = b.CreateShl(wide, hi - to);
      if (to > hi) wide = b.CreateLShr(wide, to - hi);
      acc = b.CreateOr(acc, b.CreateTrunc(wide, chunkType));
    }
    if (size > 1) acc = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, acc);
    acc = b.CreateOr(acc, rawAcc);
    b.CreateAlignedStore(acc, b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, pos),
                         llvm::Align(size));
    pos += size;
  }
}

void Lowerer::rewriteHead(llvm::BasicBlock* verdict) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  (void)verdict;
  bool anyVarbit = false;
  for (const EmitRecord& r : m_emits) {
    if (varbitFieldIndex(r.type) >= 0) {
      if (!checkVarbitLayout(r.type, m_fe.programInfo.deparser->loc)) return;
      anyVarbit = true;
    }
    if (r.type->totalBits % 8 != 0) {
      unsupported(m_fe.programInfo.deparser->loc,
                  "header '" + r.type->name + "' whose size is not a whole number of bytes");
      return;
    }
  }
  // Nothing on this packet's path touched the headers: its head is already the output
  // (ARP or an unknown tunnel passing vxlan_gateway, an untagged bridged frame in vswitch).
  llvm::BasicBlock* unchanged = nullptr;
  if (rebuildSkippableWhenClean()) {
    unchanged = newBlock("head.unchanged");
    llvm::BasicBlock* rebuild = newBlock("head.rebuild");
    llvm::Value* dirty = m_headDirty ? static_cast<llvm::Value*>(b.CreateLoad(b.getInt1Ty(), m_headDirty))
                                     : b.getFalse();
    b.CreateCondBr(dirty, rebuild, unchanged);
    b.SetInsertPoint(rebuild);
  }
  llvm::BasicBlock* fail = newBlock("head.fail");
  llvm::Value* ctx = m_ctx.function()->getArg(0);
  // Bytes of headers to write, and how many bytes the packet's front loses (< 0: grows).
  std::vector<llvm::Value*> valid;
  llvm::Value* length = b.getInt32(0);
  for (const EmitRecord& r : m_emits) {
    llvm::Value* v = b.CreateLoad(
        b.getInt8Ty(), b.CreateStructGEP(llvmType(r.type, {}), r.header, kHeaderValid));
    valid.push_back(b.CreateIsNotNull(v));
    llvm::Value* size = b.getInt32(r.type->totalBits / 8);
    if (int index = varbitFieldIndex(r.type); index >= 0) {
      llvm::Value* field = b.CreateStructGEP(llvmType(r.type, {}), r.header,
                                             kHeaderFirstField + static_cast<unsigned>(index));
      llvm::Value* bits = b.CreateLoad(
          b.getInt32Ty(),
          b.CreateStructGEP(llvmType(r.type->fields[static_cast<unsigned>(index)].type, {}), field,
                            kVarbitBits));
      size = b.CreateAdd(size, b.CreateLShr(bits, 3));
    }
    length = b.CreateAdd(length, b.CreateSelect(valid.back(), size, b.getInt32(0)));
  }
  llvm::Value* payload = b.CreateLoad(b.getInt32Ty(), m_packetOffset);
  llvm::Value* delta = b.CreateSub(payload, length);
  llvm::BasicBlock* adjust = newBlock("head.adjust");
  llvm::BasicBlock* write = newBlock("head.write");
  b.CreateCondBr(b.CreateICmpEQ(delta, b.getInt32(0)), write, adjust);
  b.SetInsertPoint(adjust);
  llvm::Value* delta64 = b.CreateSExt(delta, b.getInt64Ty());
  llvm::Value* status;
  if (!m_tcHook) {
    status = m_ctx.callHelper(BpfHelper::XdpAdjustHead, b.getInt64Ty(), {ctx, delta64});
  } else {
    llvm::BasicBlock* grow = newBlock("head.grow");
    llvm::BasicBlock* shrink = newBlock("head.shrink");
    llvm::BasicBlock* adjusted = newBlock("head.adjusted");
    b.CreateCondBr(b.CreateICmpSLT(delta, b.getInt32(0)), grow, shrink);
    b.SetInsertPoint(grow);
    llvm::Value* grown = m_ctx.callHelper(BpfHelper::SkbChangeHead, b.getInt64Ty(),
                                          {ctx, b.CreateNeg(delta64), b.getInt64(0)});
    b.CreateBr(adjusted);
    b.SetInsertPoint(shrink);
    llvm::Value* shrunk = shrinkTcHead(delta, length, payload, fail);
    llvm::BasicBlock* shrinkEnd = b.GetInsertBlock();
    b.CreateBr(adjusted);
    b.SetInsertPoint(adjusted);
    llvm::PHINode* phi = b.CreatePHI(b.getInt64Ty(), 2);
    phi->addIncoming(grown, grow);
    phi->addIncoming(shrunk, shrinkEnd);
    status = phi;
  }
  b.CreateCondBr(b.CreateIsNotNull(status), fail, write);
  // Every packet pointer is stale after the helper: read data/data_end again.
  b.SetInsertPoint(write);
  auto ctxField = [&](unsigned offset) {
    llvm::Value* p = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), ctx, offset);
    llvm::Value* v = b.CreateAlignedLoad(b.getInt32Ty(), p, llvm::Align(4));
    return b.CreateIntToPtr(b.CreateZExt(v, b.getInt64Ty()), b.getPtrTy());
  };
  m_data = ctxField(m_ctxData);
  m_dataEnd = ctxField(m_ctxDataEnd);
  // A header's parsed bytes are now `delta` bytes further to the front (the packet's
  // front moved by delta); bpf_skb_adjust_room on tc removes them behind the MAC header
  // instead, so a shrinking tc program writes every header.
  llvm::Value* canStay = b.getTrue();
  if (m_tcHook) canStay = b.CreateICmpSLE(delta, b.getInt32(0));
  llvm::AllocaInst* cursor = m_ctx.entryAlloca(b.getInt32Ty(), "head.cursor");
  b.CreateStore(b.getInt32(0), cursor);
  for (std::size_t i = 0; i < m_emits.size(); ++i) {
    const EmitRecord& r = m_emits[i];
    unsigned bytes = r.type->totalBits / 8;
    llvm::Type* t = llvmType(r.type, {});
    llvm::BasicBlock* put = newBlock("head.put." + r.type->name);
    llvm::BasicBlock* store = newBlock("head.store." + r.type->name);
    llvm::BasicBlock* placed = newBlock("head.placed");
    llvm::BasicBlock* next = newBlock("head.next");
    // The valid byte read again (the map value survives the helper): the values of the
    // length sum above would otherwise stay live across bpf_xdp_adjust_head (spilled).
    llvm::Value* isValid = b.CreateIsNotNull(
        b.CreateLoad(b.getInt8Ty(), b.CreateStructGEP(t, r.header, kHeaderValid)));
    b.CreateCondBr(isValid, put, next);
    b.SetInsertPoint(put);
    if (anyVarbit) {  // bpf_skb_store_bytes made every packet pointer stale
      m_data = ctxField(m_ctxData);
      m_dataEnd = ctxField(m_ctxDataEnd);
    }
    llvm::Value* at = b.CreateLoad(b.getInt32Ty(), cursor);
    // Parser offsets are below 0x4000 and kNotInPacket is 0x8000, so a header that is
    // not in the packet never matches.
    llvm::Value* offset = b.CreateLoad(b.getInt32Ty(), b.CreateStructGEP(t, r.header, kHeaderOffset));
    // A varbit header is always written: its length may differ from the parsed one.
    bool varbit = varbitFieldIndex(r.type) >= 0;
    llvm::Value* inPlace = varbit ? b.getFalse()
                                  : b.CreateAnd(canStay, b.CreateICmpEQ(offset, b.CreateAdd(at, delta)));
    llvm::BasicBlock* decided = b.GetInsertBlock();
    b.CreateCondBr(inPlace, placed, store);
    b.SetInsertPoint(store);
    llvm::Value* ptr = checkedPacketPointer(at, bytes, fail);
    storeHeaderImage(ptr, r.type, r.header);
    llvm::Value* size = b.getInt32(bytes);
    if (varbit)
      size = b.CreateAdd(size, storeVarbit(r.header, r.type, b.CreateAdd(at, size), fail));
    llvm::BasicBlock* stored = b.GetInsertBlock();
    b.CreateBr(placed);
    b.SetInsertPoint(placed);
    llvm::PHINode* written = b.CreatePHI(b.getInt32Ty(), 2);
    written->addIncoming(b.getInt32(bytes), decided);
    written->addIncoming(size, stored);
    b.CreateStore(b.CreateAdd(at, written), cursor);
    b.CreateBr(next);
    b.SetInsertPoint(next);
  }
  llvm::BasicBlock* done = b.GetInsertBlock();
  // The packet could not be resized (or is shorter than its headers): drop it.
  b.SetInsertPoint(fail);
  if (int action = m_outputType ? m_outputType->fieldIndex("output_action") : -1; action >= 0)
    b.CreateStore(b.getInt32(1), b.CreateStructGEP(llvmType(m_outputType, {}), m_output,
                                                   static_cast<unsigned>(action)));
  b.CreateBr(verdict);
  b.SetInsertPoint(done);
  if (unchanged) {
    b.CreateBr(unchanged);
    b.SetInsertPoint(unchanged);
  }
}

}  // namespace p4wb::compiler
