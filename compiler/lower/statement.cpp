// Statements of control and parser bodies: assignment, if, blocks, switch (on values and
// on `t.apply().action_run`), return/exit, local declarations and method calls.
#include <algorithm>

#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

llvm::BasicBlock* Lowerer::newBlock(const std::string& name) {
  return llvm::BasicBlock::Create(m_ctx.context(), name, m_ctx.function());
}

void Lowerer::startDeadBlock() { m_ctx.builder().SetInsertPoint(newBlock("dead")); }

void Lowerer::block(const ast::BlockStmt* b) {
  if (!b) return;
  for (const ast::StmtPtr& s : b->stmts) stmt(s.get());
}

void Lowerer::declareLocal(const ast::Decl* decl) {
  if (const auto* v = ast::dynCast<ast::VariableDecl>(decl)) {
    if (v->isConst()) return;  // uses read init / constValue directly
    setLoc(v->loc);
    llvm::AllocaInst* slot = allocate(v->type, v->name, v->loc);
    m_storage[v] = {slot, v->type};
    if (v->init) {
      LValue lv;
      lv.ptr = slot;
      lv.type = v->type;
      store(lv, expr(v->init.get(), v->type));
    }
    return;
  }
  if (ast::isa<ast::ActionDecl>(decl) || ast::isa<ast::TableDecl>(decl)) return;
  if (const auto* inst = ast::dynCast<ast::InstantiationDecl>(decl)) {
    if (ast::isa<ast::ControlDecl>(inst->instantiated)) return;  // inlined where applied
    if (ast::isa<ast::ParserDecl>(inst->instantiated)) return;  // inlined where applied
    declareExternInstance(inst);
    return;
  }
  unsupported(decl->loc,
              std::string("local declarations of kind ") + ast::nodeKindName(decl->kind));
}

void Lowerer::stmt(const ast::Stmt* s) {
  if (!s) return;
  setLoc(s->loc);
  switch (s->kind) {
    case ast::NodeKind::AssignStmt:
      assignStmt(static_cast<const ast::AssignStmt*>(s));
      return;
    case ast::NodeKind::CallStmt:
      callStmt(static_cast<const ast::CallStmt*>(s)->call.get());
      return;
    case ast::NodeKind::IfStmt:
      ifStmt(static_cast<const ast::IfStmt*>(s));
      return;
    case ast::NodeKind::BlockStmt:
      block(static_cast<const ast::BlockStmt*>(s));
      return;
    case ast::NodeKind::SwitchStmt:
      switchStmt(static_cast<const ast::SwitchStmt*>(s));
      return;
    case ast::NodeKind::ReturnStmt:
    case ast::NodeKind::ExitStmt:
      jumpStmt(s);
      return;
    case ast::NodeKind::EmptyStmt:
      return;
    case ast::NodeKind::DeclStmt:
      declareLocal(static_cast<const ast::DeclStmt*>(s)->decl.get());
      return;
    default:
      unsupported(s->loc, std::string("statements of kind ") + ast::nodeKindName(s->kind));
  }
}

void Lowerer::assignStmt(const ast::AssignStmt* a) {
  if (withRuntimeIndex(a->lhs.get(), [&] { assignStmt(a); })) return;
  std::optional<LValue> lv = lvalue(a->lhs.get());
  if (!lv) return;
  store(*lv, expr(a->rhs.get(), lv->type));
}

namespace {

// An if condition as the schema's control-flow label: "hdr.tcp.isValid() || hdr.udp.isValid()";
// empty when a part is not a name, member, call, literal or operator.
std::string conditionText(const ast::Expr* e) {
  if (const auto* b = ast::dynCast<ast::BinaryExpr>(e)) {
    std::string l = conditionText(b->lhs.get()), r = conditionText(b->rhs.get());
    return l.empty() || r.empty() ? "" : l + " " + ast::binaryOpSpelling(b->op) + " " + r;
  }
  if (const auto* u = ast::dynCast<ast::UnaryExpr>(e)) {
    std::string o = conditionText(u->operand.get());
    return o.empty() ? "" : ast::unaryOpSpelling(u->op) + o;
  }
  if (const auto* i = ast::dynCast<ast::IntLiteralExpr>(e)) return i->text;
  if (const auto* b = ast::dynCast<ast::BoolLiteralExpr>(e)) return b->value ? "true" : "false";
  std::string text = exprText(e);
  return text.find("expr") == std::string::npos ? text : "";
}

}  // namespace

void Lowerer::ifStmt(const ast::IfStmt* i) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Value* c = condition(i->cond.get());
  // Control flow for the schema: tables applied in a branch come from the preds so far,
  // labelled with the branch; after the if, from the ends of both branches.
  const std::vector<FlowPred> before = m_flowPreds;
  auto labelled = [&](const std::string& label) {
    std::vector<FlowPred> out = before;
    for (FlowPred& p : out) p.label = p.label.empty() ? label : p.label + ", " + label;
    return out;
  };
  std::string text = conditionText(i->cond.get());
  if (text.size() > 48) text = text.substr(0, 45) + "...";
  const std::string cond = text.empty() ? "if" : "if " + text;
  llvm::BasicBlock* thenBlock = newBlock("if.then");
  llvm::BasicBlock* elseBlock = i->elseStmt ? newBlock("if.else") : nullptr;
  llvm::BasicBlock* join = newBlock("if.end");
  b.CreateCondBr(c, thenBlock, elseBlock ? elseBlock : join);
  if (m_inDeparser) ++m_branchDepth;  // emits in here are conditional
  b.SetInsertPoint(thenBlock);
  m_flowPreds = labelled(cond);
  stmt(i->thenStmt.get());
  b.CreateBr(join);
  std::vector<FlowPred> afterThen = std::move(m_flowPreds);
  m_flowPreds = i->elseStmt ? labelled("else") : before;
  if (elseBlock) {
    b.SetInsertPoint(elseBlock);
    stmt(i->elseStmt.get());
    b.CreateBr(join);
  }
  // A branch that applied no table leaves the preds as they were, condition and all.
  std::vector<FlowPred> joined;
  auto settle = [&](std::vector<FlowPred> branch) { settleFlowPreds(joined, before, std::move(branch)); };
  settle(std::move(afterThen));
  settle(std::move(m_flowPreds));
  m_flowPreds = std::move(joined);
  if (m_inDeparser) --m_branchDepth;
  b.SetInsertPoint(join);
}

// switch on a value, or on `t.apply().action_run` (the cases name the table's actions,
// whose ids are their positions in the table's action list).
void Lowerer::switchStmt(const ast::SwitchStmt* sw) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  LoweredTable* table = sw->table ? tableFor(sw->table) : nullptr;
  llvm::Value* subject =
      table ? applyTable(sw->table, sw->subject->loc).actionRun : expr(sw->subject.get());
  if (!subject->getType()->isIntegerTy()) {
    unsupported(sw->loc, "this switch subject");
    return;
  }
  llvm::BasicBlock* join = newBlock("switch.end");
  llvm::SwitchInst* inst = b.CreateSwitch(subject, join);
  llvm::BasicBlock* pending = nullptr;  // cases without a body fall through
  if (m_inDeparser) ++m_branchDepth;
  // Control flow for the schema: tables applied in a case come from the preds so far
  // (the switched table for action_run), labelled "case <label>" (fall-through labels
  // joined by ", "); after the switch, from the ends of the cases (and, without a
  // default, from the preds so far).
  const std::vector<FlowPred> before = m_flowPreds;
  std::vector<FlowPred> joined;
  std::string caseLabels;
  bool hasDefault = false;
  auto settle = [&](std::vector<FlowPred> branch) { settleFlowPreds(joined, before, std::move(branch)); };
  for (const ast::SwitchCase& c : sw->cases) {
    llvm::BasicBlock* caseBlock = pending ? pending : newBlock("switch.case");
    const bool isDefault = ast::isa<ast::DefaultExpr>(c.label.get());
    std::string text = isDefault ? "default" : exprText(c.label.get());
    if (const std::size_t dot = text.rfind('.'); dot != std::string::npos && table) text = text.substr(dot + 1);
    if (text.find("expr") != std::string::npos) text = "?";
    caseLabels += (caseLabels.empty() ? "" : ", ") + text;
    hasDefault |= isDefault;
    if (isDefault) {
      inst->setDefaultDest(caseBlock);
    } else if (table) {
      for (std::size_t k = 0; k < table->actions.size(); ++k)
        if (table->actions[k] == c.action)
          inst->addCase(b.getInt32(static_cast<unsigned>(k + 1)), caseBlock);
    } else if (c.label->constValue) {
      llvm::Value* v = coerce(constant(*c.label->constValue, sw->subject->type, c.loc),
                              subject->getType(), false);
      if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(v)) inst->addCase(ci, caseBlock);
    } else {
      unsupported(c.loc, "a non-constant switch label");
    }
    if (!c.body) {
      pending = caseBlock;
      continue;
    }
    pending = nullptr;
    b.SetInsertPoint(caseBlock);
    std::string label = caseLabels == "default" ? caseLabels : "case " + caseLabels;
    if (label.size() > 48) label = label.substr(0, 45) + "...";
    caseLabels.clear();
    m_flowPreds = before;
    for (FlowPred& p : m_flowPreds) p.label = p.label.empty() ? label : p.label + ", " + label;
    block(c.body.get());
    b.CreateBr(join);
    settle(std::move(m_flowPreds));
  }
  if (pending) {
    b.SetInsertPoint(pending);
    b.CreateBr(join);
  }
  if (pending || !hasDefault) settle(before);  // no body, or no case matched
  m_flowPreds = std::move(joined);
  if (m_inDeparser) --m_branchDepth;
  b.SetInsertPoint(join);
}

// `return` leaves the innermost inlined action/function (storing its value), otherwise
// the control; `exit` always leaves the control.
void Lowerer::jumpStmt(const ast::Stmt* s) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  bool isReturn = s->kind == ast::NodeKind::ReturnStmt;
  llvm::BasicBlock* target = isReturn && m_actionReturn ? m_actionReturn : m_controlExit;
  if (!target) {
    unsupported(s->loc, "return/exit here");
    return;
  }
  const auto* ret = ast::dynCast<ast::ReturnStmt>(s);
  if (ret && ret->value && m_returnSlot && target == m_actionReturn) {
    b.CreateStore(coerce(expr(ret->value.get(), nullptr), m_returnSlot->getAllocatedType(),
                         isSignedType(ret->value->type)),
                  m_returnSlot);
  }
  b.CreateBr(target);
  // Control flow: a `return` from an inlined body (an action, a function, a control
  // instance) joins that body's end; a control's own `return` and any `exit` end the
  // path, nothing applied later comes from here.
  if (target == m_actionReturn && !m_flowReturns.empty())
    mergeFlowPreds(m_flowReturns.back(), std::move(m_flowPreds));
  m_flowPreds.clear();
  startDeadBlock();
}

void Lowerer::settleFlowPreds(std::vector<FlowPred>& joined, const std::vector<FlowPred>& before,
                              std::vector<FlowPred> branch) {
  for (FlowPred& p : branch) {  // a branch that applied no table keeps the label it had
    auto orig = std::find_if(before.begin(), before.end(), [&](const FlowPred& q) { return q.node == p.node; });
    if (orig != before.end()) p.label = orig->label;
  }
  mergeFlowPreds(joined, std::move(branch));
}

void Lowerer::mergeFlowPreds(std::vector<FlowPred>& into, std::vector<FlowPred> from) {
  for (FlowPred& p : from)
    if (std::none_of(into.begin(), into.end(),
                     [&](const FlowPred& q) { return q.node == p.node && q.label == p.label; }))
      into.push_back(std::move(p));
}

void Lowerer::callStmt(const ast::CallExpr* call) {
  setLoc(call->loc);
  switch (call->callKind) {
    case ast::CallKind::TableApply:
      if (const auto* table = ast::dynCast<ast::TableDecl>(call->target)) {
        applyTable(table, call->loc);
        return;
      }
      break;
    case ast::CallKind::ActionCall:
      callAction(call);
      return;
    case ast::CallKind::FunctionCall:
      callFunction(call);
      return;
    case ast::CallKind::IsValid:
      return;
    case ast::CallKind::SubBlockApply:
      applyControlInstance(call);
      return;
    default: {
      // Calls that write a header through an index known only at run time.
      const ast::Expr* target = nullptr;
      if (call->callKind == ast::CallKind::SetValid ||
          call->callKind == ast::CallKind::SetInvalid)
        target = call->receiver;
      else if (call->callKind == ast::CallKind::Extract && !call->args.empty())
        target = call->args[0].value.get();
      // extract(s.next) switches on the next index itself (a full stack rejects).
      if (const auto* m = ast::dynCast<ast::MemberExpr>(target);
          m && m->memberKind == ast::MemberExpr::MemberKind::StackNext)
        target = nullptr;
      if (target && withRuntimeIndex(target, [&] { emitCall(call, call->loc); })) return;
      emitCall(call, call->loc);
      return;
    }
  }
  unsupported(call->loc, "this call");
}

}  // namespace p4wb::compiler
