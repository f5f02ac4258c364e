// Sema: statements, parsers (states and transitions), controls, actions and tables.
#include <algorithm>
#include <cstdint>

#include "compiler/ast/ast_printer.h"
#include "compiler/sema/sema_impl.h"

namespace p4wb::compiler::sema {

void Sema::checkBlock(BlockStmt* b) {
  if (!b) return;
  pushScope();
  for (auto& s : b->stmts) checkStmt(s.get());
  popScope();
}

void Sema::checkStmt(Stmt* s) {
  if (!s) return;
  if (m_inParserState) {
    const char* what = s->kind == NodeKind::ExitStmt     ? "'exit'"
                       : s->kind == NodeKind::ReturnStmt ? "'return'"
                       : s->kind == NodeKind::SwitchStmt ? "a switch statement"
                                                         : nullptr;
    if (what) error(DiagKind::NotAllowedInParser, s->loc, {what});
  }
  switch (s->kind) {
    case NodeKind::BlockStmt: return checkBlock(static_cast<BlockStmt*>(s));
    case NodeKind::AssignStmt: return checkAssign(static_cast<AssignStmt&>(*s));
    case NodeKind::CallStmt: checkExpr(static_cast<CallStmt*>(s)->call.get()); return;
    case NodeKind::IfStmt: {
      auto& i = static_cast<IfStmt&>(*s);
      const Type* ct = checkExpr(i.cond.get());
      if (!ct->isBool() && !ct->isUnknown())
        error(DiagKind::ConditionNotBool, *i.cond, {ct->toString()});
      checkStmt(i.thenStmt.get());
      checkStmt(i.elseStmt.get());
      return;
    }
    case NodeKind::SwitchStmt: return checkSwitch(static_cast<SwitchStmt&>(*s));
    case NodeKind::ForStmt: return checkFor(static_cast<ForStmt&>(*s));
    case NodeKind::ForInStmt: return checkForIn(static_cast<ForInStmt&>(*s));
    case NodeKind::BreakStmt:
    case NodeKind::ContinueStmt:
      if (m_loopDepth == 0)
        error(DiagKind::OutsideLoop, s->loc, {s->kind == NodeKind::BreakStmt ? "break" : "continue"});
      return;
    case NodeKind::ReturnStmt: {
      auto& r = static_cast<ReturnStmt&>(*s);
      if (!r.value) {
        // A bare 'return' leaves a non-void function's result undefined (spec 12.6).
        if (m_returnType && m_returnType->kind != TypeKind::Void && m_returnType->kind != TypeKind::Unknown)
          error(DiagKind::ReturnWithoutValue, r.loc, {m_functionName, m_returnType->toString()});
        return;
      }
      checkExpr(r.value.get(), m_returnType);
      if (!m_returnType || m_returnType->kind == TypeKind::Void)
        error(DiagKind::ReturnValueInVoid, r.loc, {m_returnType ? "a void function" : "an action or block"});
      else
        convertTo(*r.value, m_returnType);
      return;
    }
    case NodeKind::DeclStmt: {
      auto& d = static_cast<DeclStmt&>(*s);
      if (d.decl) checkLocalDecl(*d.decl);
      return;
    }
    default: return;
  }
}

void Sema::checkFor(ForStmt& s) {
  pushScope();
  for (auto& i : s.init) checkStmt(i.get());
  if (s.cond) {
    const Type* ct = checkExpr(s.cond.get());
    if (!ct->isBool() && !ct->isUnknown())
      error(DiagKind::ConditionNotBool, *s.cond, {ct->toString()});
  }
  for (auto& u : s.update) checkStmt(u.get());
  ++m_loopDepth;
  checkStmt(s.body.get());
  --m_loopDepth;
  popScope();
}

void Sema::checkForIn(ForInStmt& s) {
  pushScope();
  auto* v = dynCast<VariableDecl>(s.var.get());
  const Type* vt = v ? resolveType(v->typeRef.get()) : m_ctx.unknown();
  if (auto* r = dynCast<RangeExpr>(s.collection.get())) {
    checkKeyset(r, vt);
  } else if (auto* l = dynCast<ListExpr>(s.collection.get())) {
    // for (T x in {a, b, c}): every element must convert to T.
    checkExpr(l);
    if (!vt->isUnknown()) convertTo(*l, m_ctx.make<ListType>(vt));
  } else {
    const Type* ct = checkExpr(s.collection.get());
    const Type* elem = nullptr;
    if (ct->kind == TypeKind::HeaderStack) elem = static_cast<const HeaderStackType*>(ct)->element;
    if (ct->kind == TypeKind::List) elem = static_cast<const ListType*>(ct)->element;
    if (ct->kind == TypeKind::Tuple) {
      auto* tt = static_cast<const TupleType*>(ct);
      if (!tt->elements.empty()) elem = tt->elements.front();
    }
    if (!elem && !ct->isUnknown())
      error(DiagKind::InvalidOperand, *s.collection, {"for ... in", ct->toString()});
    else if (elem && !sameType(elem, vt))
      error(DiagKind::TypeMismatch, *s.collection, {elem->toString(), vt->toString()});
  }
  if (v) {
    v->type = vt;
    declare(*v);
  }
  ++m_loopDepth;
  checkStmt(s.body.get());
  --m_loopDepth;
  popScope();
}

void Sema::checkAssign(AssignStmt& s) {
  const Type* lt = checkExpr(s.lhs.get());
  if (!lt->isUnknown() && !s.lhs->isLValue) {
    auto* p = dynCast<PathExpr>(s.lhs.get());
    if (p && p->resolved && p->resolved->kind == NodeKind::ParamDecl)
      error(DiagKind::ReadOnlyParam, s.lhs->loc, {p->name});
    else
      error(DiagKind::NotAnLValue, *s.lhs, {"'" + exprToString(*s.lhs) + "'"});
  }
  checkExpr(s.rhs.get(), lt);
  if (!lt->isUnknown() && s.rhs) convertTo(*s.rhs, lt);
}

void Sema::checkSwitch(SwitchStmt& s) {
  const Type* st = checkExpr(s.subject.get());
  auto* m = dynCast<MemberExpr>(s.subject.get());
  if (m && m->memberKind == MemberExpr::MemberKind::TableActionRun) {
    if (auto* call = dynCast<CallExpr>(m->base.get()))
      s.table = dynCast<TableDecl>(const_cast<Decl*>(call->target));
  }
  for (auto& c : s.cases) {
    if (c.label && c.label->kind != NodeKind::Default) {
      if (s.table) {
        auto* p = dynCast<PathExpr>(c.label.get());
        const ActionDecl* found = nullptr;
        for (const auto& r : s.table->actions)
          if (p && r.action && r.action->name == p->name) found = r.action;
        const Decl* other = p && !found ? lookup(p->name) : nullptr;
        if (other && other->kind == NodeKind::ActionDecl) {
          // A real action the table cannot run: say so rather than "not an action".
          error(DiagKind::ActionNotInTable, c.label->loc, {p->name, s.table->name});
        } else if (!found) {
          error(DiagKind::UnknownAction, c.label->loc, {exprToString(*c.label)});
        } else {
          p->resolved = found;
          p->type = st;
          c.action = found;
        }
      } else {
        checkExpr(c.label.get(), st);
        if (!st->isUnknown()) convertTo(*c.label, st);
      }
    } else if (c.label) {
      c.label->type = m_ctx.dontCare();
    }
    checkBlock(c.body.get());
  }
  checkSwitchLabelsUnique(s);
}

// The spec forbids a label (action, value or `default`) appearing twice in one switch.
// Value labels are compared by their value at the switch's type (`1` and `8w1` are the
// same label), actions and enum members by what they name.
void Sema::checkSwitchLabelsUnique(const SwitchStmt& s) {
  std::vector<std::pair<std::string, const Expr*>> seen;
  const Expr* defaultLabel = nullptr;
  bool reportedOrder = false;
  for (const auto& c : s.cases) {
    if (!c.label) continue;
    // As in p4c: `default` comes last (a label after it could never be chosen).
    if (defaultLabel && c.label->kind != NodeKind::Default && !reportedOrder) {
      error(DiagKind::LabelAfterDefault, *c.label, {exprToString(*c.label)});
      error(DiagKind::Note, defaultLabel->loc, {"'default' is here"});
      reportedOrder = true;
    }
    if (c.label->kind == NodeKind::Default && !defaultLabel) defaultLabel = c.label.get();
    std::string key;
    const auto& cv = c.label->constValue;
    if (c.label->kind == NodeKind::Default) key = "default";
    else if (c.action) key = "action " + c.action->name;
    else if (cv && cv->kind == ConstValue::Kind::Member) key = "member " + std::to_string(reinterpret_cast<std::uintptr_t>(cv->member));
    else if (cv) key = "value " + cv->toString();
    else key = "text " + exprToString(*c.label);
    auto prev = std::find_if(seen.begin(), seen.end(), [&](const auto& p) { return p.first == key; });
    if (prev == seen.end()) {
      seen.emplace_back(key, c.label.get());
      continue;
    }
    std::string written = c.label->kind == NodeKind::Default ? "default" : exprToString(*c.label);
    error(DiagKind::DuplicateSwitchLabel, c.label->loc, {written});
    std::string first = prev->second->kind == NodeKind::Default ? "default" : exprToString(*prev->second);
    error(DiagKind::Note, prev->second->loc, {"previous label '" + first + "' is here"});
  }
}

void Sema::checkLocalDecl(Decl& d) {
  switch (d.kind) {
    case NodeKind::ConstDecl: case NodeKind::VariableDecl:
      m_locals.push_back(&d);
      return checkVariable(static_cast<VariableDecl&>(d));
    case NodeKind::InstantiationDecl: return checkInstantiation(static_cast<InstantiationDecl&>(d));
    case NodeKind::ActionDecl: return checkAction(static_cast<ActionDecl&>(d), m_control);
    case NodeKind::TableDecl: return checkTable(static_cast<TableDecl&>(d), m_control);
    case NodeKind::ValueSetDecl: {
      auto& v = static_cast<ValueSetDecl&>(d);
      v.type = resolveType(v.elementType.get());
      constUnsigned(v.size.get(), "a value_set size");
      declare(v);
      return;
    }
    default: return checkTopDecl(d);
  }
}

void Sema::checkParser(ParserDecl& p) {
  auto* ct = m_ctx.make<CallableType>(TypeKind::Parser, p.name);
  ct->decl = &p;
  ct->returnType = m_ctx.voidType();
  p.type = ct;
  declare(p);
  pushScope();
  ct->typeParams = declareTypeParams(p.typeParams);
  ct->params = checkParams(p.params);
  ct->ctorParams = checkParams(p.ctorParams);
  for (auto& l : p.locals) {
    checkLocalDecl(*l);
    if (l->kind == NodeKind::InstantiationDecl) m_blockLocals.push_back(l.get());
  }
  for (auto& s : p.states) {
    s->type = m_ctx.state();
    declare(*s);
  }
  for (auto& s : p.states) {
    pushScope();
    m_inParserState = true;
    for (auto& st : s->stmts) checkStmt(st.get());
    m_inParserState = false;
    checkTransition(p, s->transition);
    popScope();
  }
  if (!p.findState("start")) error(DiagKind::MissingStart, p.loc, {p.name});
  popScope();
}

// `select(a, b) { vs: ... }` with `value_set<S> vs` and S a struct of one field per
// select expression (spec 12.11): the fields are the keys, in order. False when the
// keyset is not such a value set (the caller checks it as usual).
bool Sema::checkStructValueSetCase(const Transition& t, Expr& keyset) {
  auto* path = dynCast<PathExpr>(&keyset);
  if (!path) return false;
  const Decl* d = path->leadingDot ? lookupGlobal(path->name) : lookup(path->name);
  auto* vs = d ? dynCast<ValueSetDecl>(d) : nullptr;
  const Type* elem = vs && vs->elementType ? vs->elementType->resolved : nullptr;
  if (!elem || elem->kind != TypeKind::Struct) return false;
  checkExpr(&keyset);
  auto* st = static_cast<const StructType*>(elem);
  if (st->fields.size() != t.selectExprs.size()) {
    error(DiagKind::ArgCount, keyset.loc, {"select", std::to_string(t.selectExprs.size()),
                                           std::to_string(st->fields.size()) + " (fields of " + st->name + ")"});
    return true;
  }
  for (std::size_t i = 0; i < st->fields.size(); ++i) {
    const Type* want = t.selectExprs[i]->type;
    const Type* have = st->fields[i].type;
    if (want && have && !sameType(want, have))
      error(DiagKind::TypeMismatch, keyset.loc,
            {"field '" + st->fields[i].name + "' " + have->toString(), want->toString()});
  }
  return true;
}

void Sema::checkTransition(ParserDecl& p, Transition& t) {
  auto resolveState = [&](const std::string& name, SourceLocation loc) -> const ParserStateDecl* {
    if (isAcceptState(name) || isRejectState(name) || name.empty()) return nullptr;
    const ParserStateDecl* s = p.findState(name);
    if (!s) error(DiagKind::UnknownState, loc, {name});
    return s;
  };
  if (t.kind == Transition::Kind::Direct) {
    t.target = resolveState(t.nextState, t.loc);
    return;
  }
  if (t.kind != Transition::Kind::Select) return;
  for (auto& e : t.selectExprs) checkExpr(e.get());
  for (auto& c : t.cases) {
    bool wildcard = c.keysets.size() == 1 && c.keysets[0]->kind == NodeKind::Default;
    if (!wildcard && c.keysets.size() == 1 && t.selectExprs.size() > 1 &&
        checkStructValueSetCase(t, *c.keysets[0])) {
      c.target = resolveState(c.nextState, c.nextLoc);
      continue;
    }
    if (!wildcard && c.keysets.size() != t.selectExprs.size()) {
      error(DiagKind::ArgCount, c.loc, {"select", std::to_string(t.selectExprs.size()),
                                        std::to_string(c.keysets.size())});
    }
    for (std::size_t i = 0; i < c.keysets.size(); ++i) {
      const Type* kt = i < t.selectExprs.size() ? t.selectExprs[i]->type : nullptr;
      checkKeyset(c.keysets[i].get(), kt);
    }
    c.target = resolveState(c.nextState, c.nextLoc);
  }
}

void Sema::checkControl(ControlDecl& c) {
  auto* ct = m_ctx.make<CallableType>(TypeKind::Control, c.name);
  ct->decl = &c;
  ct->returnType = m_ctx.voidType();
  c.type = ct;
  declare(c);
  pushScope();
  ct->typeParams = declareTypeParams(c.typeParams);
  ct->params = checkParams(c.params);
  ct->ctorParams = checkParams(c.ctorParams);
  const ControlDecl* saved = m_control;
  m_control = &c;
  for (auto& l : c.locals) {
    checkLocalDecl(*l);
    if (l->kind == NodeKind::TableDecl || l->kind == NodeKind::InstantiationDecl) m_blockLocals.push_back(l.get());
  }
  if (c.apply) checkBlock(c.apply.get());
  else error(DiagKind::MissingApply, c.loc, {c.name});
  m_control = saved;
  popScope();
}

void Sema::checkAction(ActionDecl& a, const Decl* enclosing) {
  a.enclosing = enclosing;
  auto* ct = m_ctx.make<CallableType>(TypeKind::Action, a.name);
  ct->decl = &a;
  ct->returnType = m_ctx.voidType();
  a.type = ct;
  declare(a);
  pushScope();
  ct->params = checkParams(a.params);
  noteParams(a.params, "action", a.name);
  const Type* saved = m_returnType;
  m_returnType = nullptr;
  checkBlock(a.body.get());
  m_returnType = saved;
  popScope();
}

void Sema::resolveActionRef(ActionRef& r, bool allowPartialArgs) {
  if (!r.expr) return;
  PathExpr* p = dynCast<PathExpr>(r.expr.get());
  auto* call = dynCast<CallExpr>(r.expr.get());
  if (call) p = dynCast<PathExpr>(call->callee.get());
  if (!p) {
    error(DiagKind::UnknownAction, r.expr->loc, {exprToString(*r.expr)});
    return;
  }
  const Decl* d = p->leadingDot ? lookupGlobal(p->name) : lookup(p->name);
  if (!d || d->kind != NodeKind::ActionDecl) {
    if (!d) error(DiagKind::UndeclaredIdentifier, p->loc, {p->name});
    else error(DiagKind::UnknownAction, p->loc, {p->name});
    p->type = m_ctx.unknown();
    if (call) {
      call->type = m_ctx.unknown();
      for (auto& a : call->args) checkExpr(a.value.get());
    }
    return;
  }
  auto* a = static_cast<const ActionDecl*>(d);
  r.action = a;
  p->resolved = a;
  p->type = a->type;
  if (!call) return;
  call->callKind = CallKind::ActionCall;
  call->target = a;
  call->type = m_ctx.voidType();
  std::size_t n = call->args.size();
  if (n > a->params.size() || (!allowPartialArgs && n != a->params.size()))
    error(DiagKind::ArgCount, *call, {a->name, std::to_string(a->params.size()), std::to_string(n)});
  for (std::size_t i = 0; i < n; ++i) {
    Expr* v = call->args[i].value.get();
    const Type* pt = i < a->params.size() ? a->params[i]->type : nullptr;
    checkExpr(v, pt);
    if (v && pt && !convertTo(*v, pt, false))
      error(DiagKind::ArgTypeMismatch, *v, {a->params[i]->name, a->name, v->type->toString(), pt->toString()});
    r.args.push_back(v);
  }
}

void Sema::checkTable(TableDecl& t, const Decl* enclosing) {
  t.enclosing = enclosing;
  auto* tt = m_ctx.make<TableType>(&t);
  t.type = tt;
  for (auto& k : t.keys) {
    checkExpr(k.expr.get());
    const Decl* mk = lookup(k.matchKind);
    auto* m = mk ? dynCast<EnumMemberDecl>(mk) : nullptr;
    if (!m || !m->parent || m->parent->kind != NodeKind::MatchKindDecl)
      error(DiagKind::UnknownMatchKind, k.matchKindLoc, {k.matchKind});
    else
      k.matchKindDecl = m;
  }
  auto* run = m_ctx.make<EnumType>(TypeKind::ActionEnum, t.name + ".action_run");
  for (auto& r : t.actions) {
    resolveActionRef(r, true);
    if (r.action) run->members.push_back({r.action->name, std::nullopt, nullptr});
  }
  tt->actionRun = run;
  // Lowering numbers actions by their place in `actions`; anything else is an error.
  auto requireListed = [&](const ActionRef& r) -> const ActionRef* {
    if (!r.action) return nullptr;
    for (const auto& listed : t.actions)
      if (listed.action == r.action) return &listed;
    error(DiagKind::ActionNotInTable, r.loc, {r.action->name, t.name});
    return nullptr;
  };
  // The list's @tableonly / @defaultonly restrict where an action may appear (spec 14.2.1.2).
  auto restrictedBy = [&](const ActionRef* listed, const char* annotation, const ActionRef& use) {
    if (!listed) return;
    for (const auto& a : listed->annotations) {
      if (a.name != annotation) continue;
      error(DiagKind::ActionPlacement, use.loc,
            {listed->action->name, t.name, annotation,
             std::string(annotation) == "tableonly" ? "as its default action" : "in its entries"});
      error(DiagKind::Note, listed->loc, {"'" + listed->action->name + "' is listed with @" + annotation + " here"});
      return;
    }
  };
  if (t.defaultAction) {
    resolveActionRef(*t.defaultAction, false);
    restrictedBy(requireListed(*t.defaultAction), "tableonly", *t.defaultAction);
  }
  if (t.size)
    if (auto v = constUnsigned(t.size.get(), "table size")) t.sizeValue = *v;
  if (t.implementation) checkExpr(t.implementation.get());
  for (auto& e : t.entries) {
    bool wildcard = e.keys.size() == 1 && e.keys[0]->kind == NodeKind::Default;
    if (!wildcard && e.keys.size() != t.keys.size())
      error(DiagKind::ArgCount, e.loc, {"entry key", std::to_string(t.keys.size()), std::to_string(e.keys.size())});
    for (std::size_t i = 0; i < e.keys.size(); ++i)
      checkKeyset(e.keys[i].get(), i < t.keys.size() && t.keys[i].expr ? t.keys[i].expr->type : nullptr);
    resolveActionRef(e.action, false);
    restrictedBy(requireListed(e.action), "defaultonly", e.action);
    if (e.priority) checkExpr(e.priority.get());
  }
  for (auto& [name, e] : t.otherProperties) {
    // Unknown names here are often architecture-specific (psa_*); resolve quietly.
    if (auto* p = dynCast<PathExpr>(e.get()); p && !lookup(p->name)) continue;
    checkExpr(e.get());
  }
  declare(t);
}

}  // namespace p4wb::compiler::sema
