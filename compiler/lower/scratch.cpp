// Headers, metadata and locals live in entry-block allocas that LLVM turns into
// registers; when they add up to more than the verifier's 512-byte stack, the large
// ones (structs of 64 bytes or more; the emit copies only when a head rebuild replays
// them, else they are dead on the fast path) move into the one entry of a per-CPU ARRAY
// map `p4wb_scratch_<hook>`,
// looked up at program entry (NULL cannot happen for a one-entry array; it would abort).
// Their fields are then read from the map value where they are used instead of being
// held in registers, which is what overflows the stack in large programs.
#include <algorithm>

#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

constexpr std::uint64_t kStackLimit = 512;   // BPF's stack
constexpr std::uint64_t kKeepOnStack = 256;  // what may stay in allocas after the move
constexpr std::uint64_t kMinMoved = 64;
constexpr std::uint64_t kKeepOnStackRebuild = 128;
constexpr std::uint64_t kMinMovedRebuild = 16;

bool isEmitCopy(const llvm::AllocaInst* a) {
  llvm::StringRef name = a->getName();
  return name.starts_with("emit.") || name.starts_with("stack.element");
}

// bpf_loop wants its context on the stack ("expected=fp"): such allocas stay.
bool isLoopContext(const llvm::AllocaInst* a) {
  for (const llvm::User* u : a->users())
    if (const auto* call = llvm::dyn_cast<llvm::CallInst>(u))
      if (const auto* ce = llvm::dyn_cast<llvm::ConstantExpr>(call->getCalledOperand()))
        if (const auto* id = llvm::dyn_cast<llvm::ConstantInt>(ce->getOperand(0)))
          if (id->getZExtValue() == static_cast<std::uint64_t>(BpfHelper::Loop)) return true;
  return false;
}

// The non-zero integer leaves of a constant initialiser with their byte offsets; false
// when it holds anything else (then the store stays as it is).
bool nonZeroLeaves(const llvm::DataLayout& dl, llvm::Constant* c, std::uint64_t offset,
                   std::vector<std::pair<std::uint64_t, llvm::ConstantInt*>>& out) {
  if (c->isNullValue()) return true;
  if (auto* i = llvm::dyn_cast<llvm::ConstantInt>(c)) {
    if (i->getBitWidth() % 8 != 0) return false;  // an i4/i13 leaf: not a whole store
    out.push_back({offset, i});
    return true;
  }
  if (auto* st = llvm::dyn_cast<llvm::StructType>(c->getType())) {
    const llvm::StructLayout* layout = dl.getStructLayout(st);
    for (unsigned k = 0; k < st->getNumElements(); ++k)
      if (!nonZeroLeaves(dl, c->getAggregateElement(k), offset + layout->getElementOffset(k), out))
        return false;
    return true;
  }
  if (auto* at = llvm::dyn_cast<llvm::ArrayType>(c->getType())) {
    std::uint64_t size = dl.getTypeAllocSize(at->getElementType());
    for (unsigned k = 0; k < at->getNumElements(); ++k)
      if (!nonZeroLeaves(dl, c->getAggregateElement(k), offset + k * size, out)) return false;
    return true;
  }
  return false;
}

}  // namespace

void Lowerer::spillLargeLocals(const std::string& hook, unsigned abortResult, bool emitCopiesLive) {
  llvm::Function* f = m_ctx.function();
  llvm::BasicBlock& entry = f->getEntryBlock();
  const llvm::DataLayout& dl = m_ctx.module().getDataLayout();
  std::vector<llvm::AllocaInst*> allocas;
  std::uint64_t total = 0;
  for (llvm::Instruction& inst : entry)
    if (auto* a = llvm::dyn_cast<llvm::AllocaInst>(&inst)) {
      allocas.push_back(a);
      if (!isEmitCopy(a) || emitCopiesLive) total += dl.getTypeAllocSize(a->getAllocatedType());
    }
  // A rebuilt head replays every emit copy after the deparser, so they are live across
  // the whole program together with the headers themselves: they always move then
  // (map value accesses cost about what stack accesses do).
  std::vector<std::pair<llvm::AllocaInst*, std::uint64_t>> moved;  // alloca, offset
  std::uint64_t size = 0;
  auto move = [&](llvm::AllocaInst* a) {
    std::uint64_t bytes = dl.getTypeAllocSize(a->getAllocatedType());
    moved.push_back({a, size});
    size += (bytes + 7) / 8 * 8;
    return bytes;
  };
  if (emitCopiesLive)
    for (llvm::AllocaInst* a : allocas)
      if (isEmitCopy(a)) total -= move(a);
  // After a head rebuild LLVM also keeps the parsed headers live in registers across the
  // replay and spills them; keep less on the stack then.
  const std::uint64_t keep = emitCopiesLive ? kKeepOnStackRebuild : kKeepOnStack;
  if (total > (emitCopiesLive ? keep : kStackLimit)) {
    std::vector<llvm::AllocaInst*> bySize = allocas;
    std::stable_sort(bySize.begin(), bySize.end(), [&](llvm::AllocaInst* x, llvm::AllocaInst* y) {
      return dl.getTypeAllocSize(x->getAllocatedType()) > dl.getTypeAllocSize(y->getAllocatedType());
    });
    for (llvm::AllocaInst* a : bySize) {
      std::uint64_t bytes = dl.getTypeAllocSize(a->getAllocatedType());
      if (total <= keep || bytes < (emitCopiesLive ? kMinMovedRebuild : kMinMoved)) break;
      if (isEmitCopy(a) || isLoopContext(a)) continue;
      total -= move(a);
    }
  }
  if (moved.empty()) return;

  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  setLoc(pi.main->loc);
  MapDefinition def;
  def.name = "p4wb_scratch_" + hook;
  def.type = BpfMapType::PercpuArray;
  def.key = m_ctx.diU32();
  def.value = m_ctx.diByteArray(size);
  def.maxEntries = 1;
  def.line = pi.main->loc.line;
  llvm::GlobalVariable* map = defineMap(m_ctx, def);

  // entry: allocas, then the lookup; entry.rest: the initialisation, then the body.
  llvm::AllocaInst* key = m_ctx.zeroKey();
  // zeroKey() may only now create the key, its initialisation right behind it in front of
  // the other allocas: gather every alloca at the top (else the split below leaves some in
  // entry.rest, a "dynamic stack allocation" for the BPF back end).
  std::vector<llvm::AllocaInst*> all;
  for (llvm::Instruction& inst : entry)
    if (auto* a = llvm::dyn_cast<llvm::AllocaInst>(&inst)) all.push_back(a);
  for (auto it = all.rbegin(); it != all.rend(); ++it) (*it)->moveBefore(&*entry.begin());
  llvm::Instruction* firstOther = nullptr;
  for (llvm::Instruction& inst : entry)
    if (!llvm::isa<llvm::AllocaInst>(&inst)) {
      firstOther = &inst;
      break;
    }
  llvm::BasicBlock* rest = entry.splitBasicBlock(firstOther, "entry.rest");
  entry.getTerminator()->eraseFromParent();
  b.SetInsertPoint(&entry);
  b.CreateStore(b.getInt32(0), key);
  llvm::Value* value = emitMapLookup(m_ctx, map, key);
  llvm::BasicBlock* abort = llvm::BasicBlock::Create(m_ctx.context(), "scratch.missing", f);
  b.CreateCondBr(b.CreateIsNull(value), abort, rest);
  b.SetInsertPoint(abort);
  b.CreateRet(b.getInt32(abortResult));
  b.SetInsertPoint(rest, rest->getFirstInsertionPt());
  for (auto& [a, offset] : moved) {
    llvm::Value* place = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), value, offset);
    a->replaceAllUsesWith(place);
    a->eraseFromParent();
  }
  // The map entry is re-initialised for every packet: store its initial values as a
  // zeroing memset (8-byte stores) plus the few non-zero words (header offsets "not in
  // the packet") instead of one store per field (vxlan_gateway: 47 stores -> 30).
  std::vector<llvm::StoreInst*> inits;
  for (llvm::Instruction& inst : *rest)
    if (auto* st = llvm::dyn_cast<llvm::StoreInst>(&inst))
      if (llvm::isa<llvm::Constant>(st->getValueOperand()) &&
          st->getValueOperand()->getType()->isAggregateType())
        inits.push_back(st);
  for (llvm::StoreInst* st : inits) {
    auto* init = llvm::cast<llvm::Constant>(st->getValueOperand());
    std::vector<std::pair<std::uint64_t, llvm::ConstantInt*>> leaves;
    if (!nonZeroLeaves(dl, init, 0, leaves)) continue;
    llvm::IRBuilder<> at(st);
    at.SetCurrentDebugLocation(st->getDebugLoc());
    llvm::Value* ptr = st->getPointerOperand();
    at.CreateMemSet(ptr, at.getInt8(0), dl.getTypeAllocSize(init->getType()), llvm::Align(8));
    for (auto& [off, leaf] : leaves)
      at.CreateStore(leaf, at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), ptr, off));
    st->eraseFromParent();
  }
}

}  // namespace p4wb::compiler
