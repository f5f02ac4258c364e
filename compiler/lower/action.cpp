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
    if (p->type && p->type->kind == sema::TypeKind::Extern) {  // packet_in: the one packet
      args.push_back(std::move(bound));
      continue;
    }
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
                         llvm::AllocaInst* returnSlot, const std::function<void()>& prelude) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  std::vector<std::pair<const LValue*, llvm::AllocaInst*>> copyOut;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const ast::ParamDecl* p = params[i].get();
    if (p->type && p->type->kind == sema::TypeKind::Extern) continue;  // see bindCallArgs
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
  llvm::BasicBlock* savedExit = m_controlExit;
  m_actionReturn = newBlock("end." + name);
  m_returnSlot = returnSlot;
  // P4 still copies out/inout parameters back when `exit` leaves through this body.
  llvm::BasicBlock* exitCopyOut = nullptr;
  if (!copyOut.empty() && m_controlExit) m_controlExit = exitCopyOut = newBlock("exit." + name);
  if (prelude) prelude();
  m_flowReturns.emplace_back();
  block(body);
  mergeFlowPreds(m_flowPreds, std::move(m_flowReturns.back()));  // returns join the end
  m_flowReturns.pop_back();
  b.CreateBr(m_actionReturn);
  b.SetInsertPoint(m_actionReturn);
  m_actionReturn = savedReturn;
  m_returnSlot = savedSlot;
  m_controlExit = savedExit;
  for (const auto& param : params) m_lazyParams.erase(param.get());
  auto copyBack = [&] {
    for (const auto& [target, slot] : copyOut)
      store(*target, b.CreateLoad(slot->getAllocatedType(), slot));
  };
  copyBack();
  if (exitCopyOut) {
    llvm::BasicBlock* after = b.GetInsertBlock();
    b.SetInsertPoint(exitCopyOut);
    copyBack();
    b.CreateBr(savedExit);
    b.SetInsertPoint(after);
  }
}

void Lowerer::countAction(const ast::ActionDecl* action) {
  std::string name = controlLocalName(action);
  auto stage = m_actionStages.find(name);
  if (stage == m_actionStages.end()) {
    unsigned id = m_stages.add(StageKind::Action, name, fileName(action->loc), action->loc.line,
                               action->loc.column);
    stage = m_actionStages.emplace(name, id).first;
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

// A control instantiated inside a control is inlined where it is applied, like an
// action: apply parameters copied in and out, constructor parameters bound to the
// instantiation's arguments, locals declared afresh. Its tables, actions, externs and
// stages are named by the instance path ("C.first.t"), so each instance has its own maps.
void Lowerer::applyControlInstance(const ast::CallExpr* call) {
  const auto* inst = ast::dynCast<ast::InstantiationDecl>(call->target);
  const auto* control = inst ? ast::dynCast<ast::ControlDecl>(inst->instantiated) : nullptr;
  if (const auto* sub = inst ? ast::dynCast<ast::ParserDecl>(inst->instantiated) : nullptr) {
    applyParserInstance(inst, sub, call);
    return;
  }
  if (!control || !control->apply || m_controlFrames.empty()) {
    unsupported(call->loc, "applying '" + (inst ? inst->name : std::string("?")) +
                               "' here (control instances can be applied inside a control)");
    return;
  }
  if (m_controlFrames.size() > 16) {
    unsupported(call->loc, "control instances nested more than 16 deep");
    return;
  }
  llvm::IRBuilder<>& b = m_ctx.builder();
  std::string path = instanceLocalName(inst->name);
  // Constructor arguments are evaluated where the instance is declared (outer frame).
  std::vector<std::pair<const ast::ParamDecl*, llvm::Value*>> ctorValues;
  for (std::size_t i = 0; i < control->ctorParams.size(); ++i) {
    const ast::ParamDecl* p = control->ctorParams[i].get();
    const ast::Expr* arg =
        i < inst->args.size() ? inst->args[i].value.get() : p->defaultValue.get();
    ctorValues.emplace_back(p, arg ? expr(arg, p->type) : zeroValue(p->type, p->loc));
  }
  std::vector<BoundArg> args = bindCallArgs(control->params, call);
  m_controlFrames.push_back({control, path});
  setLoc(control->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::Control, path, fileName(control->loc),
                                      control->loc.line, control->loc.column));
  inlineBody(control->params, args, control->apply.get(), inst->name, nullptr, [&] {
    for (const auto& [p, value] : ctorValues) {
      llvm::AllocaInst* slot = allocate(p->type, p->name, p->loc);
      b.CreateStore(coerce(value, slot->getAllocatedType(), isSignedType(p->type)), slot);
      m_storage[p] = {slot, p->type};
    }
    declareControlLocals(control);
  });
  m_controlFrames.pop_back();
  setLoc(call->loc);
}

}  // namespace p4wb::compiler
