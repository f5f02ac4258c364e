// `t.apply()`: check const entries, build the key, look it up, fall back to the default
// slot, then run the action the entry names (a switch on the action id). Counts
// table_hit / table_miss.
#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

std::vector<llvm::Value*> Lowerer::boundArgs(const ast::ActionRef& ref, llvm::Value* value,
                                             const ActionLayout* layout) {
  std::vector<llvm::Value*> args;
  std::size_t data = 0;
  const ast::ActionDecl* action = ref.action;
  for (std::size_t i = 0; i < action->params.size(); ++i) {
    const ast::ParamDecl* p = action->params[i].get();
    if (p->direction == ast::Direction::None && value && layout && data < layout->params.size()) {
      const FieldLayout& f = layout->params[data++];
      args.push_back(loadBigEndian(value, f.offset * 8 + (f.bytes * 8 - f.bits), f.bits, 8));
    } else if (i < ref.args.size() && ref.args[i]) {
      args.push_back(expr(ref.args[i], p->type));
    } else {
      args.push_back(zeroValue(p->type, p->loc));
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
    runAction(ref.action, [&] { return boundArgs(ref, value, layout); }, ref.loc);
    b.CreateBr(join);
  }
}

TableApplyResult Lowerer::applyTable(const ast::TableDecl* table, SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  LoweredTable& t = *tableFor(table);
  TableApplyResult result;
  setLoc(loc);
  llvm::AllocaInst* hit = m_ctx.entryAlloca(b.getInt1Ty(), "hit");
  llvm::AllocaInst* ran = m_ctx.entryAlloca(b.getInt32Ty(), "action_run");
  b.CreateStore(b.getFalse(), hit);
  b.CreateStore(b.getInt32(0), ran);
  llvm::BasicBlock* join = newBlock("apply.end." + table->name);
  if (!t.defaultMap) {  // the layout failed and was reported
    b.CreateBr(join);
    b.SetInsertPoint(join);
    return {b.getFalse(), b.getInt32(0)};
  }
  llvm::BasicBlock* hitBlock = newBlock("hit." + table->name);
  llvm::BasicBlock* missBlock = newBlock("miss." + table->name);
  llvm::BasicBlock* dispatch = newBlock("dispatch." + table->name);
  llvm::BasicBlock* compiled = newBlock("default." + table->name);
  llvm::AllocaInst* entry = m_ctx.entryAlloca(b.getPtrTy(), "entry");
  std::vector<llvm::Value*> keys;
  for (const ast::TableKey& k : table->keys) keys.push_back(expr(k.expr.get()));
  // Const entries first, in order (the first match wins), then the map.
  for (const ast::TableEntry& e : table->entries) {
    if (!e.action.action) continue;
    llvm::Value* match = b.getTrue();
    for (std::size_t i = 0; i < e.keys.size() && i < keys.size(); ++i)
      match = b.CreateAnd(match, selectCaseMatches(e.keys[i].get(), keys[i], table->keys[i].expr->type));
    llvm::BasicBlock* matched = newBlock("entry." + table->name);
    llvm::BasicBlock* next = newBlock("entry.next");
    b.CreateCondBr(match, matched, next);
    b.SetInsertPoint(matched);
    m_stages.emitIncrement(t.hitStage);
    b.CreateStore(b.getTrue(), hit);
    for (std::size_t i = 0; i < t.actions.size(); ++i)
      if (t.actions[i] == e.action.action) b.CreateStore(b.getInt32(static_cast<unsigned>(i + 1)), ran);
    runAction(e.action.action, [&] { return boundArgs(e.action, nullptr, nullptr); }, e.loc);
    b.CreateBr(join);
    b.SetInsertPoint(next);
  }
  if (t.map) {
    llvm::Type* keyType = llvm::ArrayType::get(b.getInt8Ty(), t.layout.keySize);
    llvm::AllocaInst* key = m_ctx.entryAlloca(keyType, "key." + table->name);
    key->setAlignment(llvm::Align(8));
    b.CreateStore(llvm::Constant::getNullValue(keyType), key);
    for (std::size_t i = 0; i < t.layout.keys.size(); ++i) {
      const FieldLayout& f = t.layout.keys[i];
      storeBigEndian(key, f.offset * 8 + (f.bytes * 8 - f.bits), f.bits, keys[i]);
    }
    llvm::Value* found = emitMapLookup(m_ctx, t.map, key);
    b.CreateStore(found, entry);
    b.CreateCondBr(b.CreateIsNull(found), missBlock, hitBlock);
  } else {
    b.CreateBr(missBlock);
  }
  b.SetInsertPoint(hitBlock);
  m_stages.emitIncrement(t.hitStage);
  b.CreateStore(b.getTrue(), hit);
  b.CreateBr(dispatch);

  b.SetInsertPoint(missBlock);
  m_stages.emitIncrement(t.missStage);
  llvm::AllocaInst* zero = m_ctx.entryAlloca(b.getInt32Ty(), "def_key");
  b.CreateStore(b.getInt32(0), zero);
  llvm::Value* slot = emitMapLookup(m_ctx, t.defaultMap, zero);
  b.CreateStore(slot, entry);
  llvm::BasicBlock* checkSlot = newBlock("default.slot." + table->name);
  b.CreateCondBr(b.CreateIsNull(slot), compiled, checkSlot);
  b.SetInsertPoint(checkSlot);
  llvm::Value* slotId = b.CreateAlignedLoad(b.getInt32Ty(), slot, llvm::Align(4));
  b.CreateCondBr(b.CreateIsNull(slotId), compiled, dispatch);

  b.SetInsertPoint(dispatch);
  llvm::Value* value = b.CreateLoad(b.getPtrTy(), entry);
  llvm::Value* id = b.CreateAlignedLoad(b.getInt32Ty(), value, llvm::Align(4));
  dispatchActions(t, value, id, join, ran);

  b.SetInsertPoint(compiled);
  if (table->defaultAction && table->defaultAction->action) {
    const ast::ActionRef& ref = *table->defaultAction;
    for (std::size_t i = 0; i < t.actions.size(); ++i)
      if (t.actions[i] == ref.action) b.CreateStore(b.getInt32(static_cast<unsigned>(i + 1)), ran);
    runAction(ref.action, [&] { return boundArgs(ref, nullptr, nullptr); }, ref.loc);
  }
  b.CreateBr(join);

  b.SetInsertPoint(join);
  result.hit = b.CreateLoad(b.getInt1Ty(), hit);
  result.actionRun = b.CreateLoad(b.getInt32Ty(), ran);
  return result;
}

}  // namespace p4wb::compiler
