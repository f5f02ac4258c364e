// Headers, metadata and locals live in entry-block allocas that LLVM turns into
// registers; when they add up to more than the verifier's 512-byte stack, the large
// ones (structs of 64 bytes or more; the emit copies only when a head rebuild replays
// them, else they are dead on the fast path) move into the one entry of a per-CPU ARRAY
// map `p4wb_scratch_<hook>`,
// looked up at program entry (NULL cannot happen for a one-entry array; it would abort).
// Their fields are then read from the map value where they are used instead of being
// held in registers, which is what overflows the stack in large programs.
#include <algorithm>
#include <functional>
#include <set>

#include <llvm/Analysis/ValueTracking.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/MDBuilder.h>

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

// The scratch entry is memory no other pointer of the program reaches (tables' values,
// the packet, the stack): accesses through it get an alias scope of their own and every
// other load, store and memory intrinsic is marked as outside it, so LLVM may drop a
// store to the entry that a later one overwrites across loads of a table's action data
// (vxlan_gateway's encap marked the IPv4 header "not in the packet" five times), and keep
// entry values in registers across packet writes. Helper calls still clobber the entry.
void scopeScratchAccesses(llvm::Function* f, const std::set<llvm::Value*>& scratchBases) {
  llvm::LLVMContext& c = f->getContext();
  llvm::MDBuilder md(c);
  llvm::MDNode* domain = md.createAnonymousAliasScopeDomain("p4wb.scratch");
  llvm::MDNode* scope = md.createAnonymousAliasScope(domain, "p4wb.scratch.entry");
  llvm::MDNode* list = llvm::MDNode::get(c, {scope});
  // 1: only the entry; 0: only other objects the program knows (stack, globals, the
  // context, packet pointers, other map values, a pointer variable holding only such);
  // -1: mixed or unknown (left unmarked).
  std::function<int(llvm::Value*, int)> where = [&](llvm::Value* ptr, int depth) {
    llvm::SmallVector<const llvm::Value*, 4> objects;
    llvm::getUnderlyingObjects(ptr, objects, nullptr, 0);
    bool scratch = false, other = false;
    for (const llvm::Value* o : objects) {
      if (scratchBases.count(const_cast<llvm::Value*>(o))) {
        scratch = true;
        continue;
      }
      const auto* call = llvm::dyn_cast<llvm::CallInst>(o);
      bool known = llvm::isa<llvm::AllocaInst>(o) || llvm::isa<llvm::GlobalVariable>(o) ||
                   llvm::isa<llvm::Argument>(o) || llvm::isa<llvm::IntToPtrInst>(o) ||
                   (call && !call->isInlineAsm());
      // A pointer loaded from a local slot (a table's entry pointer): known when every
      // store to that slot stores a known non-entry pointer.
      const auto* load = llvm::dyn_cast<llvm::LoadInst>(o);
      const auto* slot = load ? llvm::dyn_cast<llvm::AllocaInst>(load->getPointerOperand()) : nullptr;
      if (slot && depth < 2) {
        known = true;
        for (const llvm::User* u : slot->users()) {
          const auto* st = llvm::dyn_cast<llvm::StoreInst>(u);
          if (llvm::isa<llvm::LoadInst>(u)) continue;
          if (!st || st->getPointerOperand() != slot ||
              where(const_cast<llvm::Value*>(st->getValueOperand()), depth + 1) != 0)
            known = false;
        }
      }
      if (!known) return -1;
      other = true;
    }
    return scratch == other ? -1 : scratch ? 1 : 0;
  };
  for (llvm::BasicBlock& bb : *f)
    for (llvm::Instruction& inst : bb) {
      llvm::Value* ptr = nullptr;
      if (auto* l = llvm::dyn_cast<llvm::LoadInst>(&inst)) ptr = l->getPointerOperand();
      else if (auto* s = llvm::dyn_cast<llvm::StoreInst>(&inst)) ptr = s->getPointerOperand();
      else if (auto* m = llvm::dyn_cast<llvm::MemIntrinsic>(&inst)) ptr = m->getRawDest();
      if (!ptr) continue;
      int side = where(ptr, 0);
      if (auto* t = llvm::dyn_cast<llvm::MemTransferInst>(&inst); t && where(t->getRawSource(), 0) != side)
        continue;  // a copy between the entry and elsewhere: in both, leave it unmarked
      if (side >= 0)
        inst.setMetadata(side == 1 ? llvm::LLVMContext::MD_alias_scope : llvm::LLVMContext::MD_noalias, list);
    }
}

// Marks the bytes of a value of type `t` at `offset` that a packet may read before it
// writes them. A header in `relaxed` needs only its valid byte and packet offset: its
// fields are written by the extract that makes it valid, and P4 leaves the fields of an
// invalid header unspecified (what an earlier packet left there is as good as zero).
void markReadBeforeWrite(const llvm::DataLayout& dl, llvm::Type* t, std::uint64_t offset,
                         const std::set<llvm::Type*>& relaxed, std::vector<bool>& need) {
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    const llvm::StructLayout* layout = dl.getStructLayout(st);
    if (relaxed.count(st) && st->getNumElements() > kHeaderFirstField) {
      std::uint64_t end = offset + layout->getElementOffset(kHeaderFirstField);
      for (std::uint64_t k = offset; k < end; ++k) need[k] = true;
      return;
    }
    for (unsigned k = 0; k < st->getNumElements(); ++k)
      markReadBeforeWrite(dl, st->getElementType(k), offset + layout->getElementOffset(k), relaxed, need);
    return;
  }
  if (auto* at = llvm::dyn_cast<llvm::ArrayType>(t)) {
    std::uint64_t size = dl.getTypeAllocSize(at->getElementType());
    for (std::uint64_t k = 0; k < at->getNumElements(); ++k)
      markReadBeforeWrite(dl, at->getElementType(), offset + k * size, relaxed, need);
    return;
  }
  std::uint64_t end = offset + dl.getTypeAllocSize(t);
  for (std::uint64_t k = offset; k < end; ++k) need[k] = true;
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
  std::set<llvm::Value*> places;  // 8-byte aligned in the map value
  std::set<llvm::Value*> scratchBases = {value};
  for (auto& [a, offset] : moved) {
    llvm::Value* place = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), value, offset);
    places.insert(place);
    a->replaceAllUsesWith(place);
    a->eraseFromParent();
  }
  // The map entry is re-initialised for every packet: store its initial values as a
  // zeroing memset (8-byte stores) plus the few non-zero words (header offsets "not in
  // the packet") instead of one store per field (vxlan_gateway: 47 stores -> 30).
  // In the map entry, headers that only an extract makes valid (no setValid() on their
  // type, no varbit) reset just their valid byte and offset word, one 8-byte store each
  // where aligned: the rest is written before it is read on every path of this packet
  // (vxlan_gateway: 30 stores -> 11). The stack cannot do that: the verifier refuses
  // reads of stack bytes nothing wrote.
  std::set<llvm::Type*> relaxed;
  for (auto& [semaType, llvmT] : m_types) {
    if (semaType->kind != sema::TypeKind::Header || m_setValidTypes.count(semaType)) continue;
    bool plain = true;
    for (const sema::Field& fld : asStruct(semaType)->fields)
      if (!fld.type || fld.type->kind == sema::TypeKind::Varbit || fld.type->isStructLike() ||
          fld.type->kind == sema::TypeKind::HeaderStack)
        plain = false;
    if (plain) relaxed.insert(llvmT);
  }
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
    std::uint64_t bytes = dl.getTypeAllocSize(init->getType());
    if (!llvm::isa<llvm::AllocaInst>(ptr->stripPointerCasts())) {
      // A place in the map entry: the initial image in naturally aligned 8/4/2/1-byte
      // stores, only those chunks holding a byte read before written.
      std::uint64_t align = places.count(ptr) ? 8 : st->getAlign().value();
      std::vector<bool> need(bytes, false);
      markReadBeforeWrite(dl, init->getType(), 0, relaxed, need);
      std::vector<std::uint8_t> image(bytes, 0);
      for (auto& [off, leaf] : leaves) {
        llvm::APInt v = leaf->getValue();
        for (unsigned k = 0; k < v.getBitWidth() / 8 && off + k < bytes; ++k)
          image[off + k] = static_cast<std::uint8_t>(v.extractBitsAsZExtValue(8, 8 * k));
      }
      // Through an empty asm: else LLVM shares these addresses with the later loads of
      // the valid bytes and keeps each header's pointer live (spilled) across the program.
      llvm::Type* ptrTy = ptr->getType();
      llvm::Value* base = at.CreateCall(
          llvm::InlineAsm::get(llvm::FunctionType::get(ptrTy, {ptrTy}, false), "", "=r,0", false),
          {ptr});
      scratchBases.insert(base);
      for (std::uint64_t pos = 0; pos < bytes;) {
        unsigned chunk = 8;
        while (chunk > 1 && (pos % chunk != 0 || pos + chunk > bytes || chunk > align)) chunk /= 2;
        if (std::any_of(need.begin() + pos, need.begin() + pos + chunk, [](bool x) { return x; })) {
          std::uint64_t word = 0;
          for (unsigned k = 0; k < chunk; ++k) word |= std::uint64_t{image[pos + k]} << (8 * k);
          at.CreateAlignedStore(at.getIntN(8 * chunk, word),
                                at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), base, pos),
                                llvm::Align(chunk));
        }
        pos += chunk;
      }
      st->eraseFromParent();
      continue;
    }
    at.CreateMemSet(ptr, at.getInt8(0), bytes, llvm::Align(8));
    for (auto& [off, leaf] : leaves)
      at.CreateStore(leaf, at.CreateConstInBoundsGEP1_64(at.getInt8Ty(), ptr, off));
    st->eraseFromParent();
  }
  scopeScratchAccesses(f, scratchBases);
}

}  // namespace p4wb::compiler
