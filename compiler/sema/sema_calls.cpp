// Sema: calls - classification (extract, emit, isValid, table apply, actions, externs),
// overload choice by argument count, argument checking and generic binding.
#include <algorithm>

#include "compiler/sema/sema_impl.h"

namespace p4wb::compiler::sema {

namespace {

// A parameter may be left out when it has a default value or is @optional.
bool isOptionalParam(const ParamDecl& p) {
  return p.defaultValue || p.findAnnotation("optional");
}

std::size_t requiredParams(const Params& ps) {
  std::size_t n = 0;
  for (const auto& p : ps)
    if (!isOptionalParam(*p)) ++n;
  return n;
}

const ParamDecl* paramFor(const FunctionPrototype& f, const std::vector<Argument>& args,
                          std::size_t i) {
  if (args[i].name.empty()) return i < f.params.size() ? f.params[i].get() : nullptr;
  for (const auto& p : f.params)
    if (p->name == args[i].name) return p.get();
  return nullptr;
}

// "f(in bit<8> x, bool y)" for the candidates of an ambiguous call.
std::string signatureOf(const FunctionPrototype& f) {
  std::string out = f.name + "(";
  for (std::size_t i = 0; i < f.params.size(); ++i) {
    const ParamDecl& p = *f.params[i];
    if (i) out += ", ";
    if (p.direction != Direction::None) out += std::string(directionSpelling(p.direction)) + " ";
    out += (p.type ? p.type->toString() : std::string("?")) + " " + p.name;
  }
  return out + ")";
}

}  // namespace

const FunctionPrototype* Sema::pickOverload(const std::vector<const FunctionPrototype*>& cands,
                                            std::vector<Argument>& args, const Node& site,
                                            const std::string& name) {
  std::size_t nargs = args.size();
  std::vector<const FunctionPrototype*> viable;
  for (auto* f : cands)
    if (f->params.size() == nargs) viable.push_back(f);
  for (auto* f : cands)
    if (f->params.size() != nargs && requiredParams(f->params) <= nargs && nargs <= f->params.size())
      viable.push_back(f);
  // Named arguments must name parameters of the candidate.
  std::erase_if(viable, [&](const FunctionPrototype* f) {
    for (std::size_t i = 0; i < nargs; ++i)
      if (!paramFor(*f, args, i)) return true;
    return false;
  });
  if (viable.size() <= 1) return viable.empty() ? nullptr : viable.front();
  // Same arity: look at the argument types (speculatively, without diagnostics).
  std::size_t mark = m_diags.records().size();
  std::vector<const Type*> types;
  for (auto& a : args) types.push_back(checkExpr(a.value.get()));
  m_diags.rollback(mark);
  // Exact arity beats filling @optional/default parameters; then exact argument types
  // beat literal conversions. Several candidates with the best score: ambiguous.
  std::vector<const FunctionPrototype*> best;
  int bestScore = -1;
  for (auto* f : viable) {
    int score = f->params.size() == nargs ? 1000 : 0;
    bool fits = true;
    for (std::size_t i = 0; i < nargs && fits; ++i) {
      const Type* pt = paramFor(*f, args, i)->type;
      const Type* at = types[i];
      const Expr* v = args[i].value.get();
      if (!pt || !at || at->isUnknown() || pt->kind == TypeKind::TypeVar || !v ||
          v->kind == NodeKind::Default)
        continue;
      if (at->kind != TypeKind::TypeVar && sameType(at, pt))
        score += 2;
      else if (at->kind == TypeKind::InfInt && (pt->isBits() || pt->kind == TypeKind::InfInt))
        score += 1;
      else if ((v->kind == NodeKind::List || v->kind == NodeKind::StructInit) &&
               (pt->isStructLike() || pt->kind == TypeKind::Tuple || pt->kind == TypeKind::List))
        score += 1;
      else
        fits = false;
    }
    if (!fits || score < bestScore) continue;
    if (score > bestScore) best.clear();
    best.push_back(f);
    bestScore = score;
  }
  // An argument with an error already reported fits everything: no ambiguity then.
  bool argError = std::any_of(types.begin(), types.end(), [](const Type* t) { return !t || t->isUnknown(); });
  if (best.size() > 1 && !argError) {
    error(DiagKind::AmbiguousCall, site, {name, std::to_string(best.size())});
    for (auto* f : best) error(DiagKind::Note, f->loc, {"candidate '" + signatureOf(*f) + "'"});
  }
  return best.empty() ? viable.front() : best.front();
}

bool Sema::checkArgs(std::vector<Argument>& args, const Node& site, const Params& params,
                     const std::string& calleeName, TypeBindings& b, std::size_t firstParam) {
  // A named argument given twice would otherwise surface as a misleading count error.
  for (std::size_t i = 0; i < args.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!args[i].name.empty() && args[i].name == args[j].name) {
        error(DiagKind::DuplicateNamedArg, args[i].loc, {args[i].name, calleeName});
        for (auto& a : args) checkExpr(a.value.get());
        return false;
      }
  std::size_t avail = params.size() > firstParam ? params.size() - firstParam : 0;
  std::size_t required = 0;
  for (std::size_t i = firstParam; i < params.size(); ++i)
    if (!isOptionalParam(*params[i])) ++required;
  if (args.size() > avail || args.size() < required) {
    error(DiagKind::ArgCount, site, {calleeName, std::to_string(avail), std::to_string(args.size())});
    for (auto& a : args) checkExpr(a.value.get());
    return false;
  }
  bool ok = true;
  bool named = false;
  struct Deferred {
    Argument* arg;
    const ParamDecl* param;
    const Type* type;
  };
  std::vector<Deferred> deferred;
  for (std::size_t i = 0; i < args.size(); ++i) {
    Argument& a = args[i];
    named = named || !a.name.empty();
    const ParamDecl* p = nullptr;
    if (!a.name.empty()) {
      for (std::size_t k = firstParam; k < params.size(); ++k)
        if (params[k]->name == a.name) p = params[k].get();
    } else {
      p = params[firstParam + i].get();
    }
    if (!p) {
      error(DiagKind::NoSuchMember, a.loc, {a.name, "'" + calleeName + "' parameters"});
      checkExpr(a.value.get());
      ok = false;
      continue;
    }
    const Type* pt = substitute(p->type, b);
    const Type* at = checkExpr(a.value.get(), pt);
    if (!a.value || a.value->kind == NodeKind::Default) continue;
    if (pt && containsTypeVar(pt) && at->kind == TypeKind::InfInt) {
      // An unsized literal fits any width: a later argument may fix T (f(1, 8w2) has
      // T = bit<8>), so this one is bound and converted after all the others.
      deferred.push_back({&a, p, pt});
    } else if (pt && containsTypeVar(pt)) {
      ok = bindArg(a, *p, pt, calleeName, b) && ok;
    } else if (pt && !convertTo(*a.value, pt, false)) {
      error(DiagKind::ArgTypeMismatch, *a.value, {p->name, calleeName, at->toString(), pt->toString()});
      ok = false;
    }
    if ((p->direction == Direction::Out || p->direction == Direction::InOut) &&
        !a.value->isLValue && !at->isUnknown()) {
      error(DiagKind::OutArgNotLValue, *a.value, {directionSpelling(p->direction), p->name});
      ok = false;
    }
  }
  for (const auto& d : deferred) ok = bindArg(*d.arg, *d.param, d.type, calleeName, b) && ok;
  // Named arguments are put in parameter order so lowering can match them by position.
  if (named && ok) {
    auto indexOf = [&](const Argument& a) {
      for (std::size_t k = firstParam; k < params.size(); ++k)
        if (params[k]->name == a.name) return k;
      return params.size();
    };
    std::stable_sort(args.begin(), args.end(),
                     [&](const Argument& x, const Argument& y) { return indexOf(x) < indexOf(y); });
  }
  return ok;
}

bool Sema::bindArg(Argument& a, const ParamDecl& p, const Type* pt, const std::string& calleeName,
                   TypeBindings& b) {
  const Type* at = a.value->type;
  bind(pt, at, b);
  // What the argument fixed must now hold for the whole parameter type.
  const Type* bound = substitute(pt, b);
  if (containsTypeVar(bound) || convertTo(*a.value, bound, false)) return true;
  error(DiagKind::ArgTypeMismatch, *a.value, {p.name, calleeName, at->toString(), bound->toString()});
  return false;
}

const Type* Sema::checkCall(CallExpr& c) {
  for (auto& ta : c.typeArgs) resolveType(ta.get());
  if (auto* m = dynCast<MemberExpr>(c.callee.get())) return checkMethodCall(c, *m);
  auto* p = dynCast<PathExpr>(c.callee.get());
  if (!p) {
    checkExpr(c.callee.get());
    error(DiagKind::NotCallable, c, {"expression"});
    for (auto& a : c.args) checkExpr(a.value.get());
    return m_ctx.unknown();
  }
  std::vector<const Decl*> cands =
      p->leadingDot ? std::vector<const Decl*>{lookupGlobal(p->name)} : lookupAll(p->name);
  if (cands.empty() || !cands.front()) {
    error(DiagKind::UndeclaredIdentifier, p->loc, {p->name});
    p->type = m_ctx.unknown();
    for (auto& a : c.args) checkExpr(a.value.get());
    return m_ctx.unknown();
  }
  const Decl* d = cands.front();
  p->resolved = d;
  p->type = d->type ? d->type : m_ctx.unknown();
  switch (d->kind) {
    case NodeKind::ActionDecl: return checkActionCall(c, static_cast<const ActionDecl&>(*d));
    case NodeKind::FunctionPrototype:
    case NodeKind::FunctionDecl: return checkFunctionCall(c, cands, p->name);
    case NodeKind::ParserDecl:
    case NodeKind::ControlDecl:
    case NodeKind::ExternDecl: return checkConstructorCall(c, d);
    default:
      error(DiagKind::NotCallable, c, {p->name});
      for (auto& a : c.args) checkExpr(a.value.get());
      return m_ctx.unknown();
  }
}

const Type* Sema::checkActionCall(CallExpr& c, const ActionDecl& a) {
  if (m_inParserState) error(DiagKind::NotAllowedInParser, c.loc, {"calling action '" + a.name + "'"});
  c.callKind = CallKind::ActionCall;
  c.target = &a;
  TypeBindings b;
  checkArgs(c.args, c, a.params, a.name, b);
  return m_ctx.voidType();
}

const Type* Sema::checkFunctionCall(CallExpr& c, const std::vector<const Decl*>& cands,
                                    const std::string& name) {
  std::vector<const FunctionPrototype*> protos;
  const FunctionDecl* fn = nullptr;
  for (auto* d : cands) {
    if (d->kind == NodeKind::FunctionPrototype) protos.push_back(static_cast<const FunctionPrototype*>(d));
    if (d->kind == NodeKind::FunctionDecl && !fn) fn = static_cast<const FunctionDecl*>(d);
  }
  const Params* params = nullptr;
  const CallableType* ct = nullptr;
  const TypeParams* typeParams = nullptr;
  if (fn) {
    c.callKind = CallKind::FunctionCall;
    c.target = fn;
    params = &fn->params;
    typeParams = &fn->typeParams;
    ct = static_cast<const CallableType*>(fn->type);
  } else {
    const FunctionPrototype* f = pickOverload(protos, c.args, c, name);
    if (!f) {
      error(DiagKind::NoMatchingOverload, c, {name, std::to_string(c.args.size())});
      for (auto& a : c.args) checkExpr(a.value.get());
      return m_ctx.unknown();
    }
    c.callKind = name == "verify" ? CallKind::Verify : CallKind::ExternFunction;
    c.target = f;
    params = &f->params;
    typeParams = &f->typeParams;
    ct = static_cast<const CallableType*>(f->type);
  }
  if (!c.typeArgs.empty() && c.typeArgs.size() != typeParams->size())
    error(DiagKind::TypeArgCount, c.loc,
          {name, std::to_string(typeParams->size()), std::to_string(c.typeArgs.size())});
  TypeBindings b;
  for (std::size_t i = 0; i < c.typeArgs.size() && i < typeParams->size(); ++i)
    bind((*typeParams)[i]->type, c.typeArgs[i]->resolved, b);
  checkArgs(c.args, c, *params, name, b);
  if (name == "static_assert" && !c.args.empty() && c.args[0].value) {
    const auto& cv = c.args[0].value->constValue;
    if (!cv || cv->kind != ConstValue::Kind::Bool) {
      error(DiagKind::NotConstant, c.args[0].value->loc, {"the static_assert condition"});
    } else {
      if (!cv->boolValue) {
        std::string msg;
        if (c.args.size() > 1 && c.args[1].value && c.args[1].value->constValue)
          msg = ": " + c.args[1].value->constValue->text;
        error(DiagKind::StaticAssertFailed, c.loc, {msg});
      }
      c.constValue = ConstValue::makeBool(cv->boolValue);
    }
  }
  return ct && ct->returnType ? substitute(ct->returnType, b) : m_ctx.unknown();
}

const Type* Sema::checkConstructorCall(CallExpr& c, const Decl* d) {
  c.callKind = CallKind::Constructor;
  c.target = d;
  TypeBindings b;
  if (d->kind == NodeKind::ExternDecl) {
    auto* ed = static_cast<const ExternDecl*>(d);
    std::vector<const FunctionPrototype*> ctors;
    for (auto& m : ed->methods)
      if (m->isConstructor) ctors.push_back(m.get());
    const FunctionPrototype* ctor = pickOverload(ctors, c.args, c, ed->name);
    if (!ctor) {
      error(DiagKind::NoMatchingOverload, c, {ed->name, std::to_string(c.args.size())});
      for (auto& a : c.args) checkExpr(a.value.get());
    } else {
      checkArgs(c.args, c, ctor->params, ed->name, b);
    }
    if (!c.typeArgs.empty()) {
      auto* et = m_ctx.make<ExternType>(ed);
      for (auto& ta : c.typeArgs) et->typeArgs.push_back(ta->resolved);
      return et;
    }
    return d->type ? d->type : m_ctx.unknown();
  }
  const Params& ctorParams = d->kind == NodeKind::ParserDecl
                                 ? static_cast<const ParserDecl*>(d)->ctorParams
                                 : static_cast<const ControlDecl*>(d)->ctorParams;
  checkArgs(c.args, c, ctorParams, d->name, b);
  return d->type ? d->type : m_ctx.unknown();
}

const Type* Sema::checkMethodCall(CallExpr& c, MemberExpr& m) {
  const Type* bt = checkExpr(m.base.get());
  m.memberKind = MemberExpr::MemberKind::Method;
  m.type = m_ctx.unknown();
  c.receiver = m.base.get();
  const std::string& name = m.member;
  auto noArgs = [&](CallKind k, const Type* result) {
    c.callKind = k;
    if (!c.args.empty()) {
      error(DiagKind::ArgCount, c, {name, "0", std::to_string(c.args.size())});
      for (auto& a : c.args) checkExpr(a.value.get());
    }
    return result;
  };
  if (bt->isUnknown()) {
    for (auto& a : c.args) checkExpr(a.value.get());
    return bt;
  }
  // minSizeInBits() and friends are compile-time constants of fixed-size types.
  if ((bt->isStructLike() || bt->isBits()) &&
      (name == "minSizeInBits" || name == "minSizeInBytes" || name == "maxSizeInBits" ||
       name == "maxSizeInBytes")) {
    unsigned bits = bt->bitWidth();
    if (bt->isStructLike())
      for (const auto& f : static_cast<const StructType*>(bt)->fields)
        if (f.type->kind == TypeKind::Varbit && name.rfind("max", 0) == 0)
          bits += static_cast<const VarbitType*>(f.type)->maxWidth;
    unsigned v = name.find("Bytes") != std::string::npos ? (bits + 7) / 8 : bits;
    c.constValue = ConstValue::makeInt(llvm::APInt(ConstValue::kInfIntWidth, v), true);
    return noArgs(CallKind::Unknown, m_ctx.infInt());
  }
  if (bt->isHeaderLike()) {
    if (name == "isValid") return noArgs(CallKind::IsValid, m_ctx.boolType());
    if (name == "setValid") return noArgs(CallKind::SetValid, m_ctx.voidType());
    if (name == "setInvalid") return noArgs(CallKind::SetInvalid, m_ctx.voidType());
  }
  if (bt->kind == TypeKind::HeaderStack && (name == "push_front" || name == "pop_front")) {
    c.callKind = name == "push_front" ? CallKind::PushFront : CallKind::PopFront;
    if (c.args.size() != 1) error(DiagKind::ArgCount, c, {name, "1", std::to_string(c.args.size())});
    for (auto& a : c.args) {
      // The shift count must be a compile-time integer (spec 8.18).
      const Type* at = checkExpr(a.value.get());
      if (at->isUnknown()) continue;
      if (!at->isBits() && at->kind != TypeKind::InfInt)
        error(DiagKind::ArgTypeMismatch, *a.value, {"count", name, at->toString(), "an integer constant"});
      else if (!a.value->constValue)
        error(DiagKind::NotConstant, a.value->loc, {"argument 'count' of '" + name + "'"});
    }
    return m_ctx.voidType();
  }
  if (bt->kind == TypeKind::Extern) return checkExternMethod(c, m, static_cast<const ExternType*>(bt));
  if (bt->kind == TypeKind::Table && name == "apply") {
    auto* tt = static_cast<const TableType*>(bt);
    c.target = tt->decl;
    return noArgs(CallKind::TableApply, m_ctx.make<TableResultType>(tt));
  }
  if ((bt->kind == TypeKind::Parser || bt->kind == TypeKind::Control) && name == "apply") {
    auto* p = dynCast<PathExpr>(m.base.get());
    c.callKind = CallKind::SubBlockApply;
    c.target = p ? p->resolved : nullptr;
    auto* ct = static_cast<const CallableType*>(bt);
    const Params* params = nullptr;
    if (ct->decl && ct->decl->kind == NodeKind::ParserDecl) params = &static_cast<const ParserDecl*>(ct->decl)->params;
    if (ct->decl && ct->decl->kind == NodeKind::ControlDecl) params = &static_cast<const ControlDecl*>(ct->decl)->params;
    TypeBindings b;
    if (params) checkArgs(c.args, c, *params, ct->name, b);
    return m_ctx.voidType();
  }
  error(DiagKind::NoSuchMember, m.memberLoc, {name, bt->toString()});
  for (auto& a : c.args) checkExpr(a.value.get());
  return m_ctx.unknown();
}

const Type* Sema::checkExternMethod(CallExpr& c, MemberExpr& m, const ExternType* et) {
  const ExternDecl* ed = et->decl;
  std::vector<const FunctionPrototype*> cands;
  for (auto& f : ed->methods)
    if (!f->isConstructor && f->name == m.member) cands.push_back(f.get());
  if (cands.empty()) {
    error(DiagKind::NoSuchMethod, m.memberLoc, {m.member, ed->name});
    for (auto& a : c.args) checkExpr(a.value.get());
    return m_ctx.unknown();
  }
  const FunctionPrototype* f = pickOverload(cands, c.args, c, ed->name + "." + m.member);
  if (!f) {
    error(DiagKind::NoMatchingOverload, c, {ed->name + "." + m.member, std::to_string(c.args.size())});
    for (auto& a : c.args) checkExpr(a.value.get());
    return m_ctx.unknown();
  }
  m.resolved = f;
  c.target = f;
  if (!c.typeArgs.empty() && c.typeArgs.size() != f->typeParams.size())
    error(DiagKind::TypeArgCount, c.loc,
          {ed->name + "." + m.member, std::to_string(f->typeParams.size()), std::to_string(c.typeArgs.size())});
  TypeBindings b;
  for (std::size_t i = 0; i < et->typeArgs.size() && i < ed->typeParams.size(); ++i)
    bind(ed->typeParams[i]->type, et->typeArgs[i], b);
  for (std::size_t i = 0; i < c.typeArgs.size() && i < f->typeParams.size(); ++i)
    bind(f->typeParams[i]->type, c.typeArgs[i]->resolved, b);
  checkArgs(c.args, c, f->params, m.member, b);
  c.callKind = CallKind::ExternMethod;
  if (ed->name == "packet_in") {
    if (m.member == "extract") c.callKind = CallKind::Extract;
    if (m.member == "lookahead") c.callKind = CallKind::Lookahead;
    if (m.member == "advance") c.callKind = CallKind::Advance;
    if (m.member == "length") c.callKind = CallKind::PacketLength;
  } else if (ed->name == "packet_out" && m.member == "emit") {
    c.callKind = CallKind::Emit;
  }
  if (c.callKind == CallKind::Extract && !c.args.empty() && c.args[0].value) {
    const Type* at = c.args[0].value->type;
    if (at && !at->isUnknown() && at->kind != TypeKind::Header && at->kind != TypeKind::HeaderStack &&
        at->kind != TypeKind::HeaderUnion)
      error(DiagKind::NotAHeader, c.args[0].value->loc, {"extract", at->toString()});
  }
  auto* ct = static_cast<const CallableType*>(f->type);
  return ct && ct->returnType ? substitute(ct->returnType, b) : m_ctx.unknown();
}

}  // namespace p4wb::compiler::sema
