// Sema: declarations - types, constants, externs, block types, instantiations.
#include "compiler/arch/arch.h"
#include "compiler/sema/sema_impl.h"

namespace p4wb::compiler::sema {

void Sema::checkTopDecl(Decl& d) {
  switch (d.kind) {
    case NodeKind::TypedefDecl: return checkTypedef(static_cast<TypedefDecl&>(d));
    case NodeKind::HeaderDecl: case NodeKind::StructDecl: case NodeKind::HeaderUnionDecl:
      return checkStructLike(static_cast<StructTypeDecl&>(d));
    case NodeKind::EnumDecl: case NodeKind::ErrorDecl: case NodeKind::MatchKindDecl:
      return checkEnum(static_cast<EnumDecl&>(d));
    case NodeKind::ConstDecl: case NodeKind::VariableDecl:
      return checkVariable(static_cast<VariableDecl&>(d));
    case NodeKind::FunctionPrototype: {
      auto& f = static_cast<FunctionPrototype&>(d);
      checkFunctionPrototype(f, {});
      declare(f);
      return;
    }
    case NodeKind::ExternDecl: return checkExtern(static_cast<ExternDecl&>(d));
    case NodeKind::ParserTypeDecl: case NodeKind::ControlTypeDecl: case NodeKind::PackageTypeDecl:
      return checkBlockType(static_cast<BlockTypeDecl&>(d));
    case NodeKind::ParserDecl: return checkParser(static_cast<ParserDecl&>(d));
    case NodeKind::ControlDecl: return checkControl(static_cast<ControlDecl&>(d));
    case NodeKind::ActionDecl: return checkAction(static_cast<ActionDecl&>(d), nullptr);
    case NodeKind::InstantiationDecl:
      return checkInstantiation(static_cast<InstantiationDecl&>(d));
    case NodeKind::FunctionDecl: return checkFunction(static_cast<FunctionDecl&>(d));
    default: return;
  }
}

void Sema::checkTypedef(TypedefDecl& d) {
  d.type = resolveType(d.aliased.get());
  if (d.isNewType && d.type) {
    // Like p4c: `type` makes distinct copies of bit<N>, int<N>, bool and other `type`s only.
    Type* nt = nullptr;
    if (d.type->kind == TypeKind::Bits) {
      auto* base = static_cast<const BitsType*>(d.type);
      nt = m_ctx.make<BitsType>(base->width, base->isSigned);
    } else if (d.type->kind == TypeKind::Bool) {
      nt = m_ctx.make<Type>(TypeKind::Bool);
    } else if (!d.type->isUnknown()) {
      error(DiagKind::NewTypeBase, d.loc, {d.name, d.type->toString()});
    }
    if (nt) {
      nt->newTypeName = d.name;
      nt->newTypeBase = d.type;
      d.type = nt;
    }
  }
  declare(d);
}

namespace {

// Header fields are fixed bit patterns; header_union members are headers.
bool validHeaderField(TypeKind container, const Type* t) {
  if (t->isUnknown() || t->kind == TypeKind::TypeVar) return true;
  if (container == TypeKind::HeaderUnion) return t->kind == TypeKind::Header;
  switch (t->kind) {
    case TypeKind::Bits: case TypeKind::Varbit: case TypeKind::Bool: return true;
    case TypeKind::Enum: return static_cast<const EnumType*>(t)->underlying != nullptr;
    case TypeKind::Struct: {
      for (const auto& f : static_cast<const StructType*>(t)->fields)
        if (!validHeaderField(TypeKind::Header, f.type) || f.type->kind == TypeKind::Varbit) return false;
      return true;
    }
    default: return false;
  }
}

}  // namespace

void Sema::checkStructLike(StructTypeDecl& d) {
  TypeKind k = d.kind == NodeKind::HeaderDecl  ? TypeKind::Header
               : d.kind == NodeKind::StructDecl ? TypeKind::Struct
                                                : TypeKind::HeaderUnion;
  auto* st = m_ctx.make<StructType>(k, d.name);
  st->decl = &d;
  d.type = st;
  declare(d);
  pushScope();
  declareTypeParams(d.typeParams);
  unsigned offset = 0;
  for (auto& f : d.fields) {
    const Type* ft = resolveType(f->typeRef.get());
    f->type = ft;
    if (st->field(f->name)) {
      error(DiagKind::Redefinition, f->loc, {f->name});
      continue;
    }
    if (k != TypeKind::Struct && !validHeaderField(k, ft))
      error(DiagKind::InvalidHeaderField, f->loc, {f->name, st->toString(), ft->toString()});
    Field fld;
    fld.name = f->name;
    fld.type = ft;
    fld.bitOffset = offset;
    fld.bitWidth = ft->bitWidth();
    fld.decl = f.get();
    offset += fld.bitWidth;
    st->fields.push_back(fld);
  }
  st->totalBits = offset;
  popScope();
}

// `enum bit<8> E { A = 300 }`: an unsized value must fit the underlying type (a sized
// one is checked by the conversion).
bool Sema::checkEnumValueFits(const EnumMemberDecl& m, const BitsType* underlying) {
  const auto& cv = m.value->constValue;
  if (!underlying || !cv || cv->kind != ConstValue::Kind::Int || !m.value->type ||
      m.value->type->kind != TypeKind::InfInt || underlying->width == 0)
    return true;
  const llvm::APInt& v = cv->value;
  unsigned w = underlying->width;
  bool fits = underlying->isSigned ? v.isSignedIntN(w)
                                   : !(cv->isSigned && v.isNegative()) && v.getActiveBits() <= w;
  if (!fits) error(DiagKind::EnumValueOverflow, m.value->loc, {m.name, cv->toString(), underlying->toString()});
  return fits;
}

void Sema::checkEnum(EnumDecl& d) {
  if (d.kind == NodeKind::ErrorDecl || d.kind == NodeKind::MatchKindDecl) {
    bool isError = d.kind == NodeKind::ErrorDecl;
    EnumType* et = isError ? m_ctx.errorType() : m_ctx.matchKindType();
    if (isError && !m_errorDecl) m_errorDecl = &d;
    if (!et->decl) et->decl = &d;
    d.type = et;
    for (auto& m : d.members) {
      m->parent = &d;
      m->type = et;
      if (et->member(m->name)) {
        error(DiagKind::Redefinition, m->loc, {m->name});
        continue;
      }
      et->members.push_back({m->name, std::nullopt, m.get()});
      if (!isError) declare(*m);  // match kinds are plain names (exact, lpm, ...)
    }
    return;
  }
  auto* et = m_ctx.make<EnumType>(TypeKind::Enum, d.name);
  et->decl = &d;
  if (d.underlying) {
    const Type* u = resolveType(d.underlying.get());
    if (u->isBits()) et->underlying = static_cast<const BitsType*>(u);
  }
  d.type = et;
  declare(d);
  for (auto& m : d.members) {
    m->parent = &d;
    m->type = et;
    EnumMember em{m->name, std::nullopt, m.get()};
    if (m->value) {
      checkExpr(m->value.get(), et->underlying);
      bool fits = checkEnumValueFits(*m, et->underlying);
      std::size_t mark = m_diags.records().size();
      if (et->underlying) convertTo(*m->value, et->underlying);
      if (!fits) m_diags.rollback(mark);  // the error says it; no -Wconstant-overflow too
      if (m->value->constValue && m->value->constValue->kind == ConstValue::Kind::Int)
        em.value = m->value->constValue->value;
      else
        error(DiagKind::NotConstant, m->value->loc, {"an enum member value"});
    }
    if (et->member(m->name)) {
      error(DiagKind::Redefinition, m->loc, {m->name});
      continue;
    }
    et->members.push_back(em);
  }
}

void Sema::checkVariable(VariableDecl& d) {
  const Type* t = resolveType(d.typeRef.get());
  d.type = t;
  // int and string values exist only at compile time (p4c: no variables of them).
  if (!d.isConst() && (t->kind == TypeKind::InfInt || t->kind == TypeKind::String))
    error(DiagKind::CompileTimeOnlyType, d.loc, {"variable '" + d.name + "'", t->toString()});
  if (d.init) {
    checkExpr(d.init.get(), t);
    convertTo(*d.init, t);
    // Aggregate initializers have no single ConstValue; their elements are checked.
    bool aggregate = d.init->kind == NodeKind::List || d.init->kind == NodeKind::StructInit;
    if (d.isConst() && !aggregate && !d.init->constValue && !d.init->type->isUnknown())
      error(DiagKind::NotConstant, d.init->loc, {"the initializer of constant '" + d.name + "'"});
  }
  declare(d);
}

std::vector<const TypeVar*> Sema::declareTypeParams(TypeParams& tps) {
  std::vector<const TypeVar*> out;
  for (auto& tp : tps) {
    auto* tv = m_ctx.make<TypeVar>(tp->name, tp.get());
    tp->type = tv;
    declare(*tp);
    out.push_back(tv);
  }
  return out;
}

std::vector<ParamInfo> Sema::checkParams(Params& ps) {
  std::vector<ParamInfo> out;
  for (auto& p : ps) {
    p->type = resolveType(p->typeRef.get());
    // A compile-time-only value cannot be written back to the caller.
    if ((p->direction == Direction::Out || p->direction == Direction::InOut) &&
        (p->type->kind == TypeKind::InfInt || p->type->kind == TypeKind::String))
      error(DiagKind::CompileTimeOnlyType, p->loc,
            {std::string(directionSpelling(p->direction)) + " parameter '" + p->name + "'", p->type->toString()});
    if (p->defaultValue) {
      checkExpr(p->defaultValue.get(), p->type);
      convertTo(*p->defaultValue, p->type);
    }
    declare(*p);
    out.push_back({p->name, p->direction, p->type, p.get()});
  }
  return out;
}

void Sema::checkFunctionPrototype(FunctionPrototype& f, const std::vector<const TypeVar*>& outer) {
  auto* ct = m_ctx.make<CallableType>(TypeKind::Function, f.name);
  ct->decl = &f;
  pushScope();
  ct->typeParams = outer;
  for (auto* tv : declareTypeParams(f.typeParams)) ct->typeParams.push_back(tv);
  ct->returnType = f.returnType ? resolveType(f.returnType.get()) : m_ctx.voidType();
  ct->params = checkParams(f.params);
  popScope();
  f.type = ct;
}

void Sema::checkExtern(ExternDecl& d) {
  auto* et = m_ctx.make<ExternType>(&d);
  d.type = et;
  declare(d);
  pushScope();
  auto tvs = declareTypeParams(d.typeParams);
  for (auto& m : d.methods) {
    m->owner = &d;
    checkFunctionPrototype(*m, tvs);
  }
  popScope();
}

void Sema::checkBlockType(BlockTypeDecl& d) {
  TypeKind k = d.kind == NodeKind::ParserTypeDecl    ? TypeKind::Parser
               : d.kind == NodeKind::ControlTypeDecl ? TypeKind::Control
                                                     : TypeKind::Package;
  auto* ct = m_ctx.make<CallableType>(k, d.name);
  ct->decl = &d;
  ct->returnType = m_ctx.voidType();
  d.type = ct;
  declare(d);
  pushScope();
  ct->typeParams = declareTypeParams(d.typeParams);
  ct->params = checkParams(d.params);
  popScope();
}

void Sema::checkInstantiation(InstantiationDecl& d) {
  const Type* t = resolveType(d.typeRef.get());
  const Decl* target = d.typeRef ? d.typeRef->decl : nullptr;
  d.instantiated = target;
  d.type = t;
  TypeBindings b;
  if (target && target->kind == NodeKind::ExternDecl) {
    auto* ed = static_cast<const ExternDecl*>(target);
    if (t->kind == TypeKind::Extern) {
      auto* et = static_cast<const ExternType*>(t);
      for (std::size_t i = 0; i < et->typeArgs.size() && i < ed->typeParams.size(); ++i)
        bind(ed->typeParams[i]->type, et->typeArgs[i], b);
    }
    std::vector<const FunctionPrototype*> ctors;
    for (auto& m : ed->methods)
      if (m->isConstructor) ctors.push_back(m.get());
    const FunctionPrototype* ctor = pickOverload(ctors, d.args, d, ed->name);
    if (!ctor) {
      error(DiagKind::NoMatchingOverload, d.loc, {ed->name, std::to_string(d.args.size())});
      for (auto& a : d.args) checkExpr(a.value.get());
    } else {
      checkArgs(d.args, d, ctor->params, ed->name, b);
    }
  } else if (target && (target->kind == NodeKind::ParserDecl || target->kind == NodeKind::ControlDecl)) {
    const Params& ctorParams = target->kind == NodeKind::ParserDecl
                                   ? static_cast<const ParserDecl*>(target)->ctorParams
                                   : static_cast<const ControlDecl*>(target)->ctorParams;
    checkArgs(d.args, d, ctorParams, target->name, b);
  } else if (target && target->kind == NodeKind::PackageTypeDecl) {
    auto* pkg = static_cast<const BlockTypeDecl*>(target);
    if (d.args.size() != pkg->params.size())
      error(DiagKind::ArgCount, d.loc, {pkg->name, std::to_string(pkg->params.size()),
                                        std::to_string(d.args.size())});
    std::map<const TypeVar*, std::pair<const Type*, const Decl*>> tied;
    for (std::size_t i = 0; i < d.args.size(); ++i) {
      const Type* at = checkExpr(d.args[i].value.get());
      if (i >= pkg->params.size() || !at || at->isUnknown()) continue;
      const Type* pt = pkg->params[i]->type;
      if (pt && !pt->isUnknown() && pt->kind != at->kind)
        error(DiagKind::PackageArgMismatch, d.args[i].loc,
              {std::to_string(i + 1), pkg->name, pt->toString(), at->toString()});
      else if (pt && (pt->kind == TypeKind::Parser || pt->kind == TypeKind::Control) &&
               !arch::findArchByPackage(pkg->name))  // known ones: instantiateArchitecture
        checkPackageBlockArg(pt, at, *pkg->params[i], tied);
    }
  } else {
    for (auto& a : d.args) checkExpr(a.value.get());
  }
  declare(d);
  // Abstract method implementations see the instance as `this`.
  if (!d.initializer.empty()) {
    pushScope();
    declareName("this", d);
    for (auto& f : d.initializer) checkLocalDecl(*f);
    popScope();
  }
}

void Sema::checkFunction(FunctionDecl& d) {
  auto* ct = m_ctx.make<CallableType>(TypeKind::Function, d.name);
  ct->decl = &d;
  d.type = ct;
  declare(d);
  pushScope();
  ct->typeParams = declareTypeParams(d.typeParams);
  ct->returnType = resolveType(d.returnType.get());
  ct->params = checkParams(d.params);
  noteParams(d.params, "function", d.name);
  const Type* saved = m_returnType;
  std::string savedName = std::move(m_functionName);
  m_returnType = ct->returnType;
  m_functionName = d.name;
  checkBlock(d.body.get());
  m_returnType = saved;
  m_functionName = std::move(savedName);
  popScope();
}

}  // namespace p4wb::compiler::sema
