// Unsigned `/` and `%` at any width. P4 has no arithmetic exceptions, so division by
// zero must give something: x / 0 = 0 and x % 0 = x, what BPF's own div/mod give.
// Up to 64 bits that is one BPF div/mod behind a select; wider, BPF has no instruction and
// no library (__udivti3), so the quotient is computed bit by bit (restoring division):
// `width` steps run by bpf_loop over one internal callback per width, on a state in a
// per-CPU map. (An inline loop branches on every quotient bit and the verifier explores
// every path: over 1M insns for bit<128>.)
#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

llvm::Value* Lowerer::divide(llvm::Value* l, llvm::Value* r, bool remainder) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Type* t = l->getType();
  unsigned width = t->getIntegerBitWidth();
  llvm::Value* byZero = b.CreateICmpEQ(r, llvm::ConstantInt::get(t, 0));
  llvm::Value* onZero = remainder ? l : llvm::ConstantInt::get(t, 0);
  if (width <= 64) {
    // LLVM treats division by zero as undefined: divide by 1 instead and select.
    llvm::Value* safe = b.CreateSelect(byZero, llvm::ConstantInt::get(t, 1), r);
    llvm::Value* v = remainder ? b.CreateURem(l, safe) : b.CreateUDiv(l, safe);
    return b.CreateSelect(byZero, onZero, v);
  }
  // n, q, rem, divisor in limbs of 64 bits with room for the remainder's extra bit
  // (rem < divisor, shifted left once), in the one entry of a per-CPU map: the verifier
  // does not track what a map value holds, so it checks the step once and sees the same
  // state on every round (on the stack, every step's values would differ and it gives up).
  unsigned limbs = (width + 1 + 63) / 64;
  llvm::Type* wide = b.getIntNTy(64 * limbs);
  llvm::StructType* stateType = divisionState(limbs);
  llvm::GlobalVariable* map = divisionMap(width, limbs);
  llvm::Value* state = emitMapLookup(m_ctx, map, m_ctx.zeroKey());
  llvm::BasicBlock* run = newBlock("div.run");
  llvm::BasicBlock* missing = newBlock("div.missing");  // cannot happen: 1-entry array
  llvm::BasicBlock* done = newBlock("div.done");
  b.CreateCondBr(b.CreateIsNull(state), missing, run);
  b.SetInsertPoint(run);
  auto at = [&](unsigned member) { return b.CreateStructGEP(stateType, state, member); };
  b.CreateAlignedStore(b.CreateZExt(l, wide), at(0), llvm::Align(8));
  b.CreateAlignedStore(llvm::ConstantInt::get(wide, 0), at(1), llvm::Align(8));
  b.CreateAlignedStore(llvm::ConstantInt::get(wide, 0), at(2), llvm::Align(8));
  b.CreateAlignedStore(b.CreateZExt(r, wide), at(3), llvm::Align(8));
  // bpf_loop's context must be on the stack: it holds the map value's address.
  llvm::AllocaInst* ctx = m_ctx.entryAlloca(b.getPtrTy(), "div.ctx");
  b.CreateStore(state, ctx);
  m_ctx.callHelper(BpfHelper::Loop, b.getInt64Ty(),
                   {b.getInt32(width), divisionStep(width, limbs), ctx, b.getInt64(0)});
  llvm::Value* v = b.CreateTrunc(b.CreateAlignedLoad(wide, at(remainder ? 2 : 1), llvm::Align(8)), t);
  llvm::BasicBlock* ran = b.GetInsertBlock();
  b.CreateBr(done);
  b.SetInsertPoint(missing);
  b.CreateBr(done);
  b.SetInsertPoint(done);
  llvm::PHINode* result = b.CreatePHI(t, 2);
  result->addIncoming(v, ran);
  result->addIncoming(llvm::ConstantInt::get(t, 0), missing);
  return b.CreateSelect(byZero, onZero, result);
}

llvm::StructType* Lowerer::divisionState(unsigned limbs) {
  llvm::Type* limbArray = llvm::ArrayType::get(m_ctx.builder().getInt64Ty(), limbs);
  return llvm::StructType::get(m_ctx.context(), {limbArray, limbArray, limbArray, limbArray});
}

// p4wb_udiv<W>: PERCPU_ARRAY, 1 entry, u32 0 -> the division state (not in the schema).
llvm::GlobalVariable* Lowerer::divisionMap(unsigned width, unsigned limbs) {
  std::string name = "p4wb_udiv" + std::to_string(width);
  if (llvm::GlobalVariable* g = m_ctx.module().getGlobalVariable(name)) return g;
  MapDefinition def;
  def.name = name;
  def.type = BpfMapType::PercpuArray;
  def.key = m_ctx.diU32();
  def.value = m_ctx.diByteArray(4 * 8 * limbs);
  def.maxEntries = 1;
  def.line = m_ctx.builder().getCurrentDebugLocation() ? m_ctx.builder().getCurrentDebugLocation().getLine() : 0;
  return defineMap(m_ctx, def);
}

// long p4wb_udiv<W>_step(u64 index, void **ctx): step `index` of restoring division: bring
// down dividend bit width - 1 - index into the remainder, subtract the divisor when it
// fits, shift the quotient bit in. bpf_loop runs it `width` times.
llvm::Function* Lowerer::divisionStep(unsigned width, unsigned limbs) {
  if (auto it = m_divisionSteps.find(width); it != m_divisionSteps.end()) return it->second;
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::IRBuilderBase::InsertPointGuard guard(b);
  llvm::DebugLoc savedLoc = b.getCurrentDebugLocation();
  unsigned line = savedLoc ? savedLoc.getLine() : 0;
  llvm::Function* f =
      m_ctx.createLoopCallback("p4wb_udiv" + std::to_string(width) + "_step", line);
  llvm::Type* wide = b.getIntNTy(64 * limbs);
  llvm::Type* i64 = b.getInt64Ty();
  llvm::StructType* stateType = divisionState(limbs);
  llvm::Value* state = b.CreateLoad(b.getPtrTy(), f->getArg(1));
  auto at = [&](unsigned member) { return b.CreateStructGEP(stateType, state, member); };
  auto get = [&](unsigned member) { return b.CreateAlignedLoad(wide, at(member), llvm::Align(8)); };
  llvm::Value* q = get(1);
  llvm::Value* rem = get(2);
  llvm::Value* divisor = get(3);
  llvm::Value* bit = b.CreateSub(b.getInt64(width - 1), f->getArg(0));
  llvm::Value* limbIndex = b.CreateLShr(bit, 6);
  llvm::Value* limb = b.getInt64(0);
  for (unsigned k = 0; k < limbs; ++k) {
    llvm::Value* v = b.CreateAlignedLoad(
        i64, b.CreateConstInBoundsGEP2_32(stateType->getElementType(0), at(0), 0, k), llvm::Align(8));
    limb = b.CreateSelect(b.CreateICmpEQ(limbIndex, b.getInt64(k)), v, limb);
  }
  llvm::Value* top = b.CreateZExt(
      b.CreateAnd(b.CreateLShr(limb, b.CreateAnd(bit, b.getInt64(63))), b.getInt64(1)), wide);
  llvm::Value* shifted = b.CreateOr(b.CreateShl(rem, 1), top);
  llvm::Value* fits = b.CreateICmpUGE(shifted, divisor);
  b.CreateAlignedStore(b.CreateSelect(fits, b.CreateSub(shifted, divisor), shifted), at(2),
                       llvm::Align(8));
  b.CreateAlignedStore(b.CreateOr(b.CreateShl(q, 1), b.CreateZExt(fits, wide)), at(1),
                       llvm::Align(8));
  b.CreateRet(b.getInt64(0));
  b.SetCurrentDebugLocation(savedLoc);
  m_divisionSteps[width] = f;
  return f;
}

}  // namespace p4wb::compiler
