// varbit<N>: a field's value is { u32 length in bits, u8 bytes[ceil(N/8)] } with the
// bytes in packet order and every byte past the length zero (so `==` compares the whole
// value and assignment copies it). A header may hold one varbit field, as its last field,
// starting at a whole byte; lengths are whole bytes.
//   extract(h, len): the fixed fields as usual, then len / 8 bytes copied with
//     bpf_xdp_load_bytes / bpf_skb_load_bytes (one helper call whose length the verifier
//     sees bounded by N / 8 — no per-byte bounds checks). len not a multiple of 8 rejects
//     (ParserInvalidArgument), len > N rejects (HeaderTooShort), a short packet rejects.
//   emit: free when the header stays where it was parsed; when the head is rebuilt its
//     bytes are written with bpf_xdp_store_bytes / bpf_skb_store_bytes.
//   Assigning a varbit field of the headers rebuilds the head (its length may change).
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

int Lowerer::varbitFieldIndex(const sema::StructType* header) {
  if (!header || header->kind != sema::TypeKind::Header) return -1;
  for (std::size_t i = 0; i < header->fields.size(); ++i)
    if (header->fields[i].type && header->fields[i].type->kind == sema::TypeKind::Varbit)
      return static_cast<int>(i);
  return -1;
}

bool Lowerer::checkVarbitLayout(const sema::StructType* header, SourceLocation loc) {
  int index = varbitFieldIndex(header);
  if (index < 0) return true;
  unsigned varbits = 0;
  for (const sema::Field& f : header->fields)
    if (f.type && f.type->kind == sema::TypeKind::Varbit) ++varbits;
  const sema::Field& f = header->fields[static_cast<unsigned>(index)];
  std::string what;
  if (varbits > 1)
    what = "header '" + header->name + "' with more than one varbit field";
  else if (static_cast<std::size_t>(index) + 1 != header->fields.size())
    what = "a field after the varbit field '" + f.name + "' of header '" + header->name + "'";
  else if (header->totalBits % 8 != 0)
    what = "varbit field '" + f.name + "' of header '" + header->name +
           "' not starting at a whole byte";
  if (what.empty()) return true;
  unsupported(loc, what);
  return false;
}

unsigned Lowerer::varbitBytes(const sema::Type* type) {
  return (static_cast<const sema::VarbitType*>(type)->maxWidth + 7) / 8;
}

// The fixed fields were extracted from `ptr` (= data + offset); copies the varbit bytes
// that follow and returns the bytes the header took in all.
llvm::Value* Lowerer::extractVarbit(const LValue& header, const ast::CallExpr* call,
                                    llvm::Value* offset) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::StructType* st = asStruct(header.type);
  unsigned index = static_cast<unsigned>(varbitFieldIndex(st));
  const sema::Type* vt = st->fields[index].type;
  unsigned maxBits = static_cast<const sema::VarbitType*>(vt)->maxWidth;
  unsigned fixedBytes = st->totalBits / 8;
  llvm::Value* bits =
      b.CreateZExtOrTrunc(expr(call->args[1].value.get(), m_fe.types->bits(32)), b.getInt32Ty());
  llvm::BasicBlock* sized = newBlock("varbit.sized");
  llvm::Value* bad = b.CreateOr(b.CreateICmpNE(b.CreateAnd(bits, b.getInt32(7)), b.getInt32(0)),
                                b.CreateICmpUGT(bits, b.getInt32(maxBits)));
  // ParserInvalidArgument for a length that is not whole bytes, HeaderTooShort above N.
  llvm::BasicBlock* notBytes = newBlock("varbit.not_bytes");
  b.CreateCondBr(b.CreateICmpUGT(bits, b.getInt32(maxBits)), rejectWith("HeaderTooShort"), notBytes);
  b.SetInsertPoint(notBytes);
  b.CreateCondBr(bad, rejectWith("ParserInvalidArgument"), sized);
  b.SetInsertPoint(sized);
  llvm::Value* bytes = b.CreateLShr(bits, 3);
  llvm::Type* ht = llvmType(st, call->loc);
  llvm::Value* field = b.CreateStructGEP(ht, header.ptr, kHeaderFirstField + index);
  llvm::Type* vty = llvmType(vt, call->loc);
  llvm::Value* data = b.CreateStructGEP(vty, field, kVarbitData);
  b.CreateStore(bits, b.CreateStructGEP(vty, field, kVarbitBits));
  b.CreateMemSet(data, b.getInt8(0), varbitBytes(vt), llvm::MaybeAlign(1));
  llvm::BasicBlock* copied = newBlock("varbit.copied");
  llvm::Value* length = boundedLength(bytes, varbitBytes(vt), copied, rejectWith("HeaderTooShort"));
  llvm::Value* at = b.CreateZExt(b.CreateAdd(offset, b.getInt32(fixedBytes)), b.getInt64Ty());
  llvm::Value* status =
      m_ctx.callHelper(m_tcHook ? BpfHelper::SkbLoadBytes : BpfHelper::XdpLoadBytes,
                       b.getInt64Ty(), {m_ctx.function()->getArg(0), at, data, length});
  b.CreateCondBr(b.CreateIsNotNull(status), rejectWith("PacketTooShort"), copied);
  b.SetInsertPoint(copied);
  return b.CreateAdd(bytes, b.getInt32(fixedBytes));
}

// The helpers' length must be a register the verifier knows to be in [1, max]: LLVM
// would check a copy (or prove the check redundant), so the checks are on an opaque copy.
// Branches to `empty` for 0 and to `tooLong` above `max`; returns the i64 length.
llvm::Value* Lowerer::boundedLength(llvm::Value* bytes, unsigned max, llvm::BasicBlock* empty,
                                    llvm::BasicBlock* tooLong) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Value* length = m_ctx.opaque(b.CreateZExt(bytes, b.getInt64Ty()));
  llvm::BasicBlock* nonEmpty = newBlock("varbit.nonempty");
  llvm::BasicBlock* bounded = newBlock("varbit.bounded");
  b.CreateCondBr(b.CreateICmpEQ(length, b.getInt64(0)), empty, nonEmpty);
  b.SetInsertPoint(nonEmpty);
  b.CreateCondBr(b.CreateICmpUGT(length, b.getInt64(max)), tooLong, bounded);
  b.SetInsertPoint(bounded);
  return length;
}

llvm::Value* Lowerer::varbitEqual(llvm::Value* l, llvm::Value* r, const sema::Type* type) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Value* same =
      b.CreateICmpEQ(b.CreateExtractValue(l, kVarbitBits), b.CreateExtractValue(r, kVarbitBits));
  // Bytes past the length are zero in both (see above), so all bytes can be compared.
  for (unsigned k = 0; k < varbitBytes(type); ++k)
    same = b.CreateAnd(same, b.CreateICmpEQ(b.CreateExtractValue(l, {kVarbitData, k}),
                                            b.CreateExtractValue(r, {kVarbitData, k})));
  return same;
}

// Writes the varbit bytes of the emitted copy `snapshot` at packet offset `at`; returns
// their number. Packet pointers are stale afterwards (bpf_skb_store_bytes).
llvm::Value* Lowerer::storeVarbit(llvm::Value* snapshot, const sema::StructType* header,
                                  llvm::Value* at, llvm::BasicBlock* fail) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  unsigned index = static_cast<unsigned>(varbitFieldIndex(header));
  const sema::Type* vt = header->fields[index].type;
  llvm::Type* vty = llvmType(vt, {});
  llvm::Value* field = b.CreateStructGEP(llvmType(header, {}), snapshot, kHeaderFirstField + index);
  llvm::Value* bits = b.CreateLoad(b.getInt32Ty(), b.CreateStructGEP(vty, field, kVarbitBits));
  llvm::Value* bytes = b.CreateLShr(bits, 3);
  llvm::BasicBlock* done = newBlock("varbit.done");
  llvm::Value* length = boundedLength(bytes, varbitBytes(vt), done, fail);
  std::vector<llvm::Value*> args = {m_ctx.function()->getArg(0),
                                    b.CreateZExt(at, b.getInt64Ty()),
                                    b.CreateStructGEP(vty, field, kVarbitData), length,
                                    b.getInt64(0)};
  llvm::Value* status = m_ctx.callHelper(
      m_tcHook ? BpfHelper::SkbStoreBytes : BpfHelper::XdpStoreBytes, b.getInt64Ty(), args);
  b.CreateCondBr(b.CreateIsNotNull(status), fail, done);
  b.SetInsertPoint(done);
  return bytes;
}

}  // namespace p4wb::compiler
