// Actions and P4 functions are inlined where they run (table dispatch, default action,
// direct call): parameters become fresh locals (out/inout ones are copied back to the
// argument afterwards, as P4's copy-in/copy-out requires), `return` jumps to the end of
// the inlined body, and each action run counts the action's stage.
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

std::vector<BoundArg> Lowerer::bindCallArgs(const ast::Params& params, const ast::CallExpr* call) {
  std::vector<BoundArg> args;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const ast::ParamDecl* p = params[i].get();
    const ast::Expr* arg =
        i < call->args.size() ? call->args[i].value.get() : p->defaultValue.get();
    BoundArg bound;
    bool isOut = p->direction == ast::Direction::Out || p->direction == ast::Direction::InOut;
    if (isOut && arg && !ast::isa<ast::DefaultExpr>(arg)) {
      bound.target = lvalue(arg);
      if (bound.target && p->direction == ast::Direction::InOut) bound.value = load(*bound.target);
    } else if (arg && !ast::isa<ast::DefaultExpr>(arg)) {
      bound.value = expr(arg, p->type);
    }
    args.push_back(std::move(bound));
  }
  return args;
}

void Lowerer::inlineBody(const ast::Params& params, const std::vector<BoundArg>& args,
                         const ast::BlockStmt* body, const std::string& name,
                         llvm::AllocaInst* returnSlot) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  std::vector<std::pair<const LValue*, llvm::AllocaInst*>> copyOut;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const ast::ParamDecl* p = params[i].get();
    llvm::AllocaInst* slot = allocate(p->type, p->name, p->loc);
    const BoundArg* arg = i < args.size() ? &args[i] : nullptr;
    if (arg && arg->value)
      b.CreateStore(coerce(arg->value, slot->getAllocatedType(), isSignedType(p->type)), slot);
    if (arg && arg->target) copyOut.emplace_back(&*arg->target, slot);
    m_storage[p] = {slot, p->type};
    if (arg && arg->lazy)
      m_lazyParams[p] = *arg->lazy;
    else
      m_lazyParams.erase(p);
  }
  llvm::BasicBlock* savedReturn = m_actionReturn;
  llvm::AllocaInst* savedSlot = m_returnSlot;
  m_actionReturn = newBlock("end." + name);
  m_returnSlot = returnSlot;
  block(body);
  b.CreateBr(m_actionReturn);
  b.SetInsertPoint(m_actionReturn);
  m_actionReturn = savedReturn;
  m_returnSlot = savedSlot;
  for (const auto& param : params) m_lazyParams.erase(param.get());
  for (const auto& [target, slot] : copyOut)
    store(*target, b.CreateLoad(slot->getAllocatedType(), slot));
}

void Lowerer::countAction(const ast::ActionDecl* action) {
  auto stage = m_actionStages.find(action);
  if (stage == m_actionStages.end()) {
    unsigned id = m_stages.add(StageKind::Action, controlLocalName(action), fileName(action->loc),
                               action->loc.line, action->loc.column);
    stage = m_actionStages.emplace(action, id).first;
  }
  setLoc(action->loc);
  m_stages.emitIncrement(stage->second);
}

void Lowerer::runAction(const ast::ActionDecl* action, const ArgsFn& argsFn, SourceLocation loc) {
  countAction(action);
  std::vector<BoundArg> args = argsFn();
  inlineBody(action->params, args, action->body.get(), action->name, nullptr);
  setLoc(loc);
}

void Lowerer::callAction(const ast::CallExpr* call) {
  const auto* action = ast::dynCast<ast::ActionDecl>(call->target);
  if (!action) {
    unsupported(call->loc, "this action call");
    return;
  }
  std::vector<BoundArg> args = bindCallArgs(action->params, call);
  countAction(action);
  inlineBody(action->params, args, action->body.get(), action->name, nullptr);
  setLoc(call->loc);
}

llvm::Value* Lowerer::callFunction(const ast::CallExpr* call) {
  const auto* fn = ast::dynCast<ast::FunctionDecl>(call->target);
  if (!fn || !fn->body) {
    unsupported(call->loc, "this function call");
    return nullptr;
  }
  if (m_inlineDepth > 16) {
    unsupported(call->loc, "recursive function calls");
    return nullptr;
  }
  std::vector<BoundArg> args = bindCallArgs(fn->params, call);
  const sema::Type* returnType = call->type;
  bool hasValue = returnType && returnType->kind != sema::TypeKind::Void &&
                  returnType->kind != sema::TypeKind::Unknown;
  llvm::AllocaInst* slot =
      hasValue ? allocate(returnType, fn->name + ".result", call->loc) : nullptr;
  ++m_inlineDepth;
  inlineBody(fn->params, args, fn->body.get(), fn->name, slot);
  --m_inlineDepth;
  setLoc(call->loc);
  return slot ? m_ctx.builder().CreateLoad(slot->getAllocatedType(), slot) : nullptr;
}

}  // namespace p4wb::compiler
