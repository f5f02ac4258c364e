// Actions are inlined where they run (table dispatch, default action, direct call):
// parameters become fresh locals, `return` jumps to the end of the inlined body, and
// each run counts the action's stage.
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

void Lowerer::runAction(const ast::ActionDecl* action, const ArgsFn& argsFn,
                        SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  auto stage = m_actionStages.find(action);
  if (stage == m_actionStages.end()) {
    unsigned id = m_stages.add(StageKind::Action, controlLocalName(action),
                               fileName(action->loc), action->loc.line, action->loc.column);
    stage = m_actionStages.emplace(action, id).first;
  }
  setLoc(action->loc);
  m_stages.emitIncrement(stage->second);
  std::vector<llvm::Value*> args = argsFn();
  for (std::size_t i = 0; i < action->params.size() && i < args.size(); ++i) {
    const ast::ParamDecl* p = action->params[i].get();
    llvm::AllocaInst* slot = allocate(p->type, p->name, p->loc);
    b.CreateStore(coerce(args[i], slot->getAllocatedType(), isSignedType(p->type)), slot);
    m_storage[p] = {slot, p->type};
  }
  llvm::BasicBlock* savedReturn = m_actionReturn;
  m_actionReturn = newBlock("action.end." + action->name);
  block(action->body.get());
  b.CreateBr(m_actionReturn);
  b.SetInsertPoint(m_actionReturn);
  m_actionReturn = savedReturn;
  setLoc(loc);
}

void Lowerer::callAction(const ast::CallExpr* call) {
  const auto* action = ast::dynCast<ast::ActionDecl>(call->target);
  if (!action) {
    unsupported(call->loc, "this action call");
    return;
  }
  std::vector<llvm::Value*> args;
  for (std::size_t i = 0; i < action->params.size(); ++i) {
    const ast::ParamDecl* p = action->params[i].get();
    if (p->direction == ast::Direction::Out || p->direction == ast::Direction::InOut) {
      unsupported(call->loc, "actions with out/inout parameters");
      return;
    }
    const ast::Expr* arg = i < call->args.size() ? call->args[i].value.get() : p->defaultValue.get();
    args.push_back(arg ? expr(arg, p->type) : zeroValue(p->type, p->loc));
  }
  runAction(action, [&] { return args; }, call->loc);
}

}  // namespace p4wb::compiler
