// `t.apply()`: check const entries, build the key, look it up, fall back to the default
// slot, then run the action the entry names (a switch on the action id). Counts
// table_hit / table_miss.
#include <algorithm>

#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

std::vector<BoundArg> Lowerer::boundArgs(const ast::ActionRef& ref, llvm::Value* value,
                                         const ActionLayout* layout) {
  std::vector<BoundArg> args;
  std::size_t data = 0;
  const ast::ActionDecl* action = ref.action;
  for (std::size_t i = 0; i < action->params.size(); ++i) {
    const ast::ParamDecl* p = action->params[i].get();
    if (p->direction == ast::Direction::None && value && layout && data < layout->params.size()) {
      const FieldLayout& f = layout->params[data++];
      // Aligned chunk loads (map values are 8-byte aligned): a parameter copied into a
      // packet field is stored in the same chunks (storeBigEndian), so the byte swaps
      // cancel, and one used as an integer (a checksum update) is one load. The local copy is only kept when the body takes the parameter's l-value; reads
      // load from the entry where they are (see m_lazyParams).
      LazyParam lazy{value, f.offset * 8 + (f.bytes * 8 - f.bits), f.bits};
      args.push_back({loadBigEndian(value, lazy.bitOffset, lazy.bits, 8), std::nullopt, lazy});
    } else if (i < ref.args.size() && ref.args[i]) {
      args.push_back({expr(ref.args[i], p->type), std::nullopt, std::nullopt});
    } else {
      args.push_back({zeroValue(p->type, p->loc), std::nullopt, std::nullopt});
    }
  }
  return args;
}

void Lowerer::dispatchActions(LoweredTable& t, llvm::Value* value, llvm::Value* actionId,
                              llvm::BasicBlock* join, llvm::AllocaInst* ran) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::SwitchInst* sw = b.CreateSwitch(actionId, join);
  for (std::size_t i = 0; i < t.actions.size(); ++i) {
    const ast::ActionRef& ref = t.decl->actions[i];
    llvm::BasicBlock* caseBlock = newBlock("action." + ref.action->name);
    sw->addCase(b.getInt32(static_cast<unsigned>(i + 1)), caseBlock);
    b.SetInsertPoint(caseBlock);
    b.CreateStore(b.getInt32(static_cast<unsigned>(i + 1)), ran);
    const ActionLayout* layout = &t.layout.actions[i];
    runAction(
        ref.action, [&] { return boundArgs(ref, value, layout); }, ref.loc);
    b.CreateBr(join);
  }
}

// Records which action of `t` runs (its id) for `switch (t.apply().action_run)`.
void Lowerer::noteActionRun(const TableApply& apply, const ast::ActionDecl* action) {
  for (std::size_t i = 0; i < apply.t.actions.size(); ++i)
    if (apply.t.actions[i] == action)
      m_ctx.builder().CreateStore(m_ctx.builder().getInt32(static_cast<unsigned>(i + 1)),
                                  apply.ran);
}

// `const entries`, in order: the first whose keysets all match runs its action (a hit).
void Lowerer::emitConstEntries(const TableApply& apply, const std::vector<llvm::Value*>& keys) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const ast::TableDecl* table = apply.t.decl;
  for (const ast::TableEntry& e : table->entries) {
    if (!e.action.action) continue;
    llvm::Value* match = b.getTrue();
    for (std::size_t i = 0; i < e.keys.size() && i < keys.size(); ++i)
      match = b.CreateAnd(match,
                          selectCaseMatches(e.keys[i].get(), keys[i], table->keys[i].expr->type));
    llvm::BasicBlock* matched = newBlock("entry." + table->name);
    llvm::BasicBlock* next = newBlock("entry.next");
    b.CreateCondBr(match, matched, next);
    b.SetInsertPoint(matched);
    m_stages.emitIncrement(apply.t.hitStage);
    b.CreateStore(b.getTrue(), apply.hit);
    noteActionRun(apply, e.action.action);
    runAction(
        e.action.action, [&] { return boundArgs(e.action, nullptr, nullptr); }, e.loc);
    b.CreateBr(apply.join);
    b.SetInsertPoint(next);
  }
}

void Lowerer::storeKeyFields(const TableLayout& l, const std::vector<llvm::Value*>& keys,
                             llvm::Value* key, bool skipRanges) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  // A key slot's alignment allows chunked stores of other whole-byte fields too: a MAC
  // key read from the packet as 4 + 2 bytes is stored as 4 + 2 bytes.
  unsigned keyAlign = 1;
  if (auto* slot = llvm::dyn_cast<llvm::AllocaInst>(key))
    keyAlign = static_cast<unsigned>(std::min<std::uint64_t>(slot->getAlign().value(), 8));
  for (std::size_t i = 0; i < l.keys.size() && i < keys.size(); ++i) {
    const FieldLayout& f = l.keys[i];
    if (skipRanges && f.match == "range") continue;
    bool wide = f.bits == f.bytes * 8 && (f.bytes == 2 || f.bytes == 4 || f.bytes == 8) &&
                f.offset % f.bytes == 0;
    if (!wide) {
      storeBigEndian(key, f.offset * 8 + (f.bytes * 8 - f.bits), f.bits, keys[i], keyAlign);
      continue;
    }
    // One aligned store of the byte-swapped value: a key read from the packet with one wide
    // load (extractField) is then stored as loaded, the two swaps cancel.
    llvm::Value* v = coerce(keys[i], b.getIntNTy(f.bits), false);
    v = b.CreateUnaryIntrinsic(llvm::Intrinsic::bswap, v);
    llvm::Value* ptr = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), key, f.offset);
    b.CreateAlignedStore(v, ptr, llvm::Align(f.bytes));
  }
}

// Packs the key (network byte order), looks it up and branches to `hitBlock` with the
// value pointer in apply.entry, or to `missBlock`.
void Lowerer::emitEntryLookup(const TableApply& apply, const std::vector<llvm::Value*>& keys,
                              llvm::BasicBlock* hitBlock, llvm::BasicBlock* missBlock) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (!apply.t.map) {
    b.CreateBr(missBlock);
    return;
  }
  llvm::Type* keyType = llvm::ArrayType::get(b.getInt8Ty(), apply.t.layout.keySize);
  llvm::AllocaInst* key = m_ctx.entryAlloca(keyType, "key." + apply.t.decl->name);
  // Aligned for its widest possible field store (at most 8), no more: a 4-byte key then
  // shares an 8-byte stack slot with the zero key.
  unsigned align = 8;
  while (align > 1 && align > apply.t.layout.keySize) align /= 2;
  if (apply.t.layout.mapType == "lpm_trie") align = 8;
  key->setAlignment(llvm::Align(align));
  b.CreateStore(llvm::Constant::getNullValue(keyType), key);
  storeKeyFields(apply.t.layout, keys, key, false);
  if (apply.t.layout.mapType == "lpm_trie")  // look up with every bit significant
    b.CreateAlignedStore(b.getInt32((apply.t.layout.keySize - 4) * 8), key, llvm::Align(8));
  llvm::Value* found = emitMapLookup(m_ctx, apply.t.map, key);
  b.CreateStore(found, apply.entry);
  b.CreateCondBr(b.CreateIsNull(found), missBlock, hitBlock);
}

// Miss: the default slot's value when its action id is set, else `compiled`.
void Lowerer::emitDefaultSlot(const TableApply& apply, llvm::BasicBlock* dispatch,
                              llvm::BasicBlock* compiled) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  m_stages.emitIncrement(apply.t.missStage);
  // `const default_action`: the control plane cannot change it (the runtime refuses), so
  // the default slot is not read.
  if (apply.t.layout.defaultAction.isConst) {
    b.CreateBr(compiled);
    return;
  }
  llvm::AllocaInst* zero = m_ctx.zeroKey();
  llvm::Value* slot = emitMapLookup(m_ctx, apply.t.defaultMap, zero);
  b.CreateStore(slot, apply.entry);
  llvm::BasicBlock* checkSlot = newBlock("default.slot." + apply.t.decl->name);
  b.CreateCondBr(b.CreateIsNull(slot), compiled, checkSlot);
  b.SetInsertPoint(checkSlot);
  llvm::Value* slotId = b.CreateAlignedLoad(b.getInt32Ty(), slot, llvm::Align(4));
  b.CreateCondBr(b.CreateIsNull(slotId), compiled, dispatch);
}

TableApplyResult Lowerer::applyTable(const ast::TableDecl* table, SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  LoweredTable& t = *tableFor(table);
  for (const FlowPred& p : m_flowPreds) m_stages.addFlowEdge(p.node, t.layout.name, p.label);
  struct FlowAfter {  // the next apply comes from this table (also on early returns)
    std::vector<FlowPred>& preds;
    std::string name;
    ~FlowAfter() { preds = {{name, ""}}; }
  } flowAfter{m_flowPreds, t.layout.name};
  setLoc(loc);
  TableApply apply{t, m_ctx.entryAlloca(b.getInt1Ty(), "hit"),
                   m_ctx.entryAlloca(b.getInt32Ty(), "action_run"),
                   m_ctx.entryAlloca(b.getPtrTy(), "entry"), newBlock("apply.end." + table->name)};
  b.CreateStore(b.getFalse(), apply.hit);
  b.CreateStore(b.getInt32(0), apply.ran);
  if (!t.defaultMap) {  // the layout failed and was reported
    b.CreateBr(apply.join);
    b.SetInsertPoint(apply.join);
    return {b.getFalse(), b.getInt32(0)};
  }
  llvm::BasicBlock* hitBlock = newBlock("hit." + table->name);
  llvm::BasicBlock* missBlock = newBlock("miss." + table->name);
  llvm::BasicBlock* dispatch = newBlock("dispatch." + table->name);
  llvm::BasicBlock* compiled = newBlock("default." + table->name);
  std::vector<llvm::Value*> keys;
  for (const ast::TableKey& k : table->keys) keys.push_back(expr(k.expr.get()));
  // A scanned table holds its const entries in the map with their priorities (the
  // runtime installs them at load), so they take part in the priority order.
  if (t.layout.scan) {
    emitScanLookup(apply, keys, hitBlock, missBlock);
  } else if (t.layout.entriesConst) {
    // `const entries`: the list is the whole table (the control plane cannot change it),
    // so it is matched in code and nothing is looked up; a mutable `entries` list lives
    // in the map only, where the control plane may modify or delete its entries.
    emitConstEntries(apply, keys);
    b.CreateBr(missBlock);
  } else {
    emitEntryLookup(apply, keys, hitBlock, missBlock);
  }

  b.SetInsertPoint(hitBlock);
  m_stages.emitIncrement(t.hitStage);
  b.CreateStore(b.getTrue(), apply.hit);
  b.CreateBr(dispatch);

  b.SetInsertPoint(missBlock);
  emitDefaultSlot(apply, dispatch, compiled);

  b.SetInsertPoint(dispatch);
  llvm::Value* value = b.CreateLoad(b.getPtrTy(), apply.entry);
  llvm::Value* id = b.CreateAlignedLoad(b.getInt32Ty(), value, llvm::Align(4));
  dispatchActions(t, value, id, apply.join, apply.ran);

  b.SetInsertPoint(compiled);
  if (table->defaultAction && table->defaultAction->action) {
    const ast::ActionRef& ref = *table->defaultAction;
    noteActionRun(apply, ref.action);
    runAction(
        ref.action, [&] { return boundArgs(ref, nullptr, nullptr); }, ref.loc);
  }
  b.CreateBr(apply.join);

  b.SetInsertPoint(apply.join);
  return {b.CreateLoad(b.getInt1Ty(), apply.hit), b.CreateLoad(b.getInt32Ty(), apply.ran)};
}

}  // namespace p4wb::compiler
