// Sema: resolving written types, type equality, implicit conversions and generics.
#include "compiler/sema/sema_impl.h"

namespace p4wb::compiler::sema {

namespace {
// Far above anything a packet holds, low enough that sums of widths cannot overflow.
constexpr unsigned kMaxBits = 1u << 16;
constexpr unsigned kMaxStack = 1u << 12;
}  // namespace

std::optional<unsigned> Sema::constUnsigned(Expr* e, const char* what) {
  if (!e) return std::nullopt;
  const Type* t = checkExpr(e);
  if (e->constValue && e->constValue->kind != ConstValue::Kind::Int) {
    error(DiagKind::NotIntegerConstant, e->loc, {what, t->toString()});
    return std::nullopt;
  }
  if (!e->constValue || e->constValue->kind != ConstValue::Kind::Int) {
    error(DiagKind::NotConstant, e->loc, {what});
    return std::nullopt;
  }
  if (e->constValue->isSigned && e->constValue->value.isNegative()) {
    error(DiagKind::InvalidWidth, e->loc, {e->constValue->toString(), what});
    return std::nullopt;
  }
  std::uint64_t v = e->constValue->asU64();
  if (v > (1u << 24)) {
    error(DiagKind::InvalidWidth, e->loc, {std::to_string(v), what});
    return std::nullopt;
  }
  return static_cast<unsigned>(v);
}

const Type* Sema::resolveType(TypeRef* t) {
  if (!t) return m_ctx.unknown();
  using F = TypeRef::Form;
  const Type* r = m_ctx.unknown();
  switch (t->form) {
    case F::Bits:
    case F::SignedBits: {
      auto w = constUnsigned(t->width.get(), "a bit width");
      if (w && ((*w == 0 && t->form == F::SignedBits) || *w > kMaxBits)) {
        error(DiagKind::InvalidWidth, t->loc, {std::to_string(*w), t->form == F::SignedBits ? "int<>" : "bit<>"});
      } else if (w) {
        r = m_ctx.bits(*w, t->form == F::SignedBits);
      }
      break;
    }
    case F::Varbit:
      if (auto w = constUnsigned(t->width.get(), "a varbit width")) {
        if (*w > kMaxBits) error(DiagKind::InvalidWidth, t->loc, {std::to_string(*w), "varbit<>"});
        else r = m_ctx.varbit(*w);
      }
      break;
    case F::InfInt: r = m_ctx.infInt(); break;
    case F::Bool: r = m_ctx.boolType(); break;
    case F::Error: r = m_ctx.errorType(); break;
    case F::String: r = m_ctx.stringType(); break;
    case F::Void: r = m_ctx.voidType(); break;
    case F::MatchKind: r = m_ctx.matchKindType(); break;
    case F::DontCare: r = m_ctx.dontCare(); break;
    case F::Tuple: {
      auto* tt = m_ctx.make<TupleType>();
      for (auto& a : t->typeArgs) tt->elements.push_back(resolveType(a.get()));
      r = tt;
      break;
    }
    case F::List:
      if (t->typeArgs.size() != 1) {
        error(DiagKind::TypeArgCount, t->loc, {"list", "1", std::to_string(t->typeArgs.size())});
        break;
      }
      r = m_ctx.make<ListType>(resolveType(t->typeArgs[0].get()));
      break;
    case F::Stack: {
      const Type* elem = resolveType(t->element.get());
      if (auto n = constUnsigned(t->size.get(), "a header stack size")) {
        if (*n > kMaxStack) error(DiagKind::InvalidWidth, t->loc, {std::to_string(*n), "a header stack size"});
        else r = m_ctx.stack(elem, *n);
      }
      break;
    }
    case F::Named: {
      const Decl* d = t->leadingDot ? lookupGlobal(t->name) : lookup(t->name);
      if (!d) {
        error(DiagKind::UndeclaredType, t->loc, {t->name});
        suggest(t->name, t->loc, {}, true);
        break;
      }
      t->decl = d;
      switch (d->kind) {
        case NodeKind::TypedefDecl: case NodeKind::HeaderDecl: case NodeKind::StructDecl:
        case NodeKind::HeaderUnionDecl: case NodeKind::EnumDecl: case NodeKind::TypeParamDecl:
        case NodeKind::ParserTypeDecl: case NodeKind::ControlTypeDecl:
        case NodeKind::PackageTypeDecl: case NodeKind::ParserDecl: case NodeKind::ControlDecl:
          r = d->type ? d->type : m_ctx.unknown();
          break;
        case NodeKind::ExternDecl: {
          r = d->type ? d->type : m_ctx.unknown();
          if (!t->typeArgs.empty()) {
            auto* et = m_ctx.make<ExternType>(static_cast<const ExternDecl*>(d));
            for (auto& a : t->typeArgs) et->typeArgs.push_back(resolveType(a.get()));
            r = et;
          }
          break;
        }
        default:
          error(DiagKind::NotAType, t->loc, {t->name});
          break;
      }
      if (d->kind != NodeKind::ExternDecl) {
        std::vector<const Type*> args;
        for (auto& a : t->typeArgs) args.push_back(resolveType(a.get()));
        auto* sd = dynCast<StructTypeDecl>(d);
        if (sd && !args.empty() && args.size() == sd->typeParams.size())
          r = specializeStruct(*sd, args);
      }
      break;
    }
  }
  t->resolved = r;
  return r;
}

// Generic struct/header instance (struct S<T> used as S<bit<8>>): the field types with
// the type arguments substituted, one type object per distinct argument list.
const Type* Sema::specializeStruct(const StructTypeDecl& d, const std::vector<const Type*>& args) {
  auto key = std::make_pair(static_cast<const Decl*>(&d), args);
  auto it = m_specialized.find(key);
  if (it != m_specialized.end()) return it->second;
  auto* generic = dynamic_cast<const StructType*>(d.type);
  if (!generic) return m_ctx.unknown();
  TypeBindings b;
  for (std::size_t i = 0; i < args.size(); ++i) bind(d.typeParams[i]->type, args[i], b);
  std::string name = d.name + "<";
  for (std::size_t i = 0; i < args.size(); ++i) name += (i ? ", " : "") + args[i]->toString();
  auto* st = m_ctx.make<StructType>(generic->kind, name + ">");
  st->decl = &d;
  unsigned offset = 0;
  for (Field f : generic->fields) {
    f.type = substitute(f.type, b);
    f.bitOffset = offset;
    f.bitWidth = f.type->bitWidth();
    offset += f.bitWidth;
    st->fields.push_back(f);
  }
  st->totalBits = offset;
  m_specialized[key] = st;
  return st;
}

bool Sema::sameType(const Type* a, const Type* b) const {
  if (a == b) return true;
  if (!a || !b) return false;
  if (a->isUnknown() || b->isUnknown()) return true;
  if (a->kind == TypeKind::TypeVar || b->kind == TypeKind::TypeVar) return true;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case TypeKind::Tuple: {
      auto* ta = static_cast<const TupleType*>(a);
      auto* tb = static_cast<const TupleType*>(b);
      if (ta->elements.size() != tb->elements.size()) return false;
      for (std::size_t i = 0; i < ta->elements.size(); ++i)
        if (!sameType(ta->elements[i], tb->elements[i])) return false;
      return true;
    }
    case TypeKind::List:
      return sameType(static_cast<const ListType*>(a)->element,
                      static_cast<const ListType*>(b)->element);
    case TypeKind::Extern:
      return static_cast<const ExternType*>(a)->decl == static_cast<const ExternType*>(b)->decl;
    case TypeKind::Error:
    case TypeKind::MatchKind:
      return true;
    default:
      return false;
  }
}

void Sema::coerceConst(Expr& e, const Type* to) {
  if (!e.constValue || e.constValue->kind != ConstValue::Kind::Int || !to->isBits()) return;
  auto* bt = static_cast<const BitsType*>(to);
  if (bt->width == 0) return;
  const ConstValue& cv = *e.constValue;
  llvm::APInt v = cv.isSigned ? cv.value.sextOrTrunc(bt->width) : cv.value.zextOrTrunc(bt->width);
  ConstValue result = ConstValue::makeInt(v, bt->isSigned);
  // p4c warns when an implicit conversion changes the value (casts are explicit).
  if (!fitsIn(cv.value, cv.isSigned, bt->width, bt->isSigned))
    error(DiagKind::ConstantOverflow, e, {cv.toString(), to->toString(), result.toString()});
  e.constValue = std::move(result);
}

bool Sema::fitsIn(const llvm::APInt& v, bool valueSigned, unsigned width, bool isSigned) {
  if (valueSigned && v.isNegative()) return isSigned && v.getSignificantBits() <= width;
  return v.getActiveBits() <= (isSigned ? width - 1 : width);
}

bool Sema::convertTo(Expr& e, const Type* to, bool report) {
  const Type* from = e.type;
  // A struct initializer is typed by its destination: always check its fields against it.
  bool structInit = e.kind == NodeKind::StructInit && to && to->isStructLike() && from != to;
  if (!from || !to || (!structInit && sameType(from, to))) return true;
  // Arbitrary-precision integer constants take the width of their destination.
  if (from->kind == TypeKind::InfInt && to->isBits()) {
    e.type = to;
    coerceConst(e, to);
    return true;
  }
  if (from->kind == TypeKind::InfInt && to->kind == TypeKind::InfInt) return true;
  // A serializable enum converts implicitly to its underlying bit<N>/int<N>.
  if (from->kind == TypeKind::Enum && static_cast<const EnumType*>(from)->underlying == to)
    return true;
  // A list or struct initializer for a struct/header/tuple.
  if ((e.kind == NodeKind::List || e.kind == NodeKind::StructInit) && to->isStructLike()) {
    auto* st = static_cast<const StructType*>(to);
    if (e.kind == NodeKind::List) {
      auto& l = static_cast<ListExpr&>(e);
      if (l.elements.size() == st->fields.size()) {
        bool ok = true;
        for (std::size_t i = 0; i < l.elements.size(); ++i)
          ok = convertTo(*l.elements[i], st->fields[i].type, report) && ok;
        e.type = to;
        return ok;
      }
    } else {
      auto& si = static_cast<StructInitExpr&>(e);
      bool ok = true;
      for (auto& f : si.fields) {
        const Field* fd = st->field(f.name);
        if (!fd) {
          if (report) error(DiagKind::NoSuchField, f.loc, {f.name, to->kind == TypeKind::Header ? "header" : "struct", st->name});
          ok = false;
        } else if (f.value) {
          ok = convertTo(*f.value, fd->type, report) && ok;
        }
      }
      for (const auto& fd : st->fields) {
        if (si.hasDots || to->kind == TypeKind::HeaderUnion) break;
        bool named = false;
        for (const auto& f : si.fields) named = named || f.name == fd.name;
        if (!named) {
          if (report) error(DiagKind::MissingInitField, e.loc, {st->name, fd.name});
          ok = false;
        }
      }
      e.type = to;
      return ok;
    }
  }
  if (e.kind == NodeKind::List && to->kind == TypeKind::List) {
    bool ok = true;
    for (auto& el : static_cast<ListExpr&>(e).elements)
      ok = convertTo(*el, static_cast<const ListType*>(to)->element, report) && ok;
    e.type = to;
    return ok;
  }
  if (e.kind == NodeKind::List && to->kind == TypeKind::Tuple) {
    auto& l = static_cast<ListExpr&>(e);
    auto* tt = static_cast<const TupleType*>(to);
    if (l.elements.size() == tt->elements.size()) {
      bool ok = true;
      for (std::size_t i = 0; i < l.elements.size(); ++i)
        ok = convertTo(*l.elements[i], tt->elements[i], report) && ok;
      e.type = to;
      return ok;
    }
  }
  if (report) error(DiagKind::TypeMismatch, e, {from->toString(), to->toString()});
  return false;
}

// Generic structs are interned per (declaration, type arguments) in m_specialized; this
// finds the arguments of one, for matching and substituting through it.
const std::vector<const Type*>* Sema::specializationArgs(const Type* t) const {
  for (const auto& [key, st] : m_specialized)
    if (st == t) return &key.second;
  return nullptr;
}

bool Sema::containsTypeVar(const Type* t) const {
  if (!t) return false;
  switch (t->kind) {
    case TypeKind::TypeVar: return true;
    case TypeKind::Tuple:
      for (const Type* e : static_cast<const TupleType*>(t)->elements)
        if (containsTypeVar(e)) return true;
      return false;
    case TypeKind::List: return containsTypeVar(static_cast<const ListType*>(t)->element);
    case TypeKind::HeaderStack:
      return containsTypeVar(static_cast<const HeaderStackType*>(t)->element);
    case TypeKind::Extern:
      for (const Type* a : static_cast<const ExternType*>(t)->typeArgs)
        if (containsTypeVar(a)) return true;
      return false;
    case TypeKind::Struct:
    case TypeKind::Header:
    case TypeKind::HeaderUnion:
      if (auto* args = specializationArgs(t))
        for (const Type* a : *args)
          if (containsTypeVar(a)) return true;
      return false;
    default: return false;
  }
}

// Binds the type variables of `param` by matching it against `arg`, through tuples,
// lists, stacks, specialized externs and generic structs (multi-level inference).
void Sema::bind(const Type* param, const Type* arg, TypeBindings& b) const {
  if (!param || !arg || arg->isUnknown()) return;
  switch (param->kind) {
    case TypeKind::TypeVar: {
      auto* tv = static_cast<const TypeVar*>(param);
      // `_` as a type argument binds nothing: the argument types infer it.
      if (!b.count(tv) && arg->kind != TypeKind::DontCare) b[tv] = arg;
      return;
    }
    case TypeKind::Tuple: {
      auto* pt = static_cast<const TupleType*>(param);
      if (arg->kind != TypeKind::Tuple) return;
      auto* at = static_cast<const TupleType*>(arg);
      for (std::size_t i = 0; i < pt->elements.size() && i < at->elements.size(); ++i)
        bind(pt->elements[i], at->elements[i], b);
      return;
    }
    case TypeKind::List: {
      const Type* pe = static_cast<const ListType*>(param)->element;
      if (arg->kind == TypeKind::List) return bind(pe, static_cast<const ListType*>(arg)->element, b);
      if (arg->kind == TypeKind::Tuple)  // a list expression: every element has the type
        for (const Type* e : static_cast<const TupleType*>(arg)->elements)
          if (e->kind != TypeKind::InfInt) bind(pe, e, b);
      return;
    }
    case TypeKind::HeaderStack:
      if (arg->kind == TypeKind::HeaderStack)
        bind(static_cast<const HeaderStackType*>(param)->element,
             static_cast<const HeaderStackType*>(arg)->element, b);
      return;
    case TypeKind::Extern: {
      auto* pe = static_cast<const ExternType*>(param);
      if (arg->kind != TypeKind::Extern) return;
      auto* ae = static_cast<const ExternType*>(arg);
      if (pe->decl != ae->decl) return;
      for (std::size_t i = 0; i < pe->typeArgs.size() && i < ae->typeArgs.size(); ++i)
        bind(pe->typeArgs[i], ae->typeArgs[i], b);
      return;
    }
    case TypeKind::Struct:
    case TypeKind::Header:
    case TypeKind::HeaderUnion: {
      auto* pa = specializationArgs(param);
      auto* aa = specializationArgs(arg);
      if (!pa || !aa) return;
      if (static_cast<const StructType*>(param)->decl != static_cast<const StructType*>(arg)->decl)
        return;
      for (std::size_t i = 0; i < pa->size() && i < aa->size(); ++i) bind((*pa)[i], (*aa)[i], b);
      return;
    }
    default: return;
  }
}

const Type* Sema::substitute(const Type* t, const TypeBindings& b) {
  if (!t || b.empty()) return t;
  switch (t->kind) {
    case TypeKind::TypeVar: {
      auto it = b.find(static_cast<const TypeVar*>(t));
      return it != b.end() ? it->second : t;
    }
    case TypeKind::Tuple: {
      auto* tt = static_cast<const TupleType*>(t);
      if (!containsTypeVar(t)) return t;
      auto* r = m_ctx.make<TupleType>();
      for (const Type* e : tt->elements) r->elements.push_back(substitute(e, b));
      return r;
    }
    case TypeKind::List:
      if (!containsTypeVar(t)) return t;
      return m_ctx.make<ListType>(substitute(static_cast<const ListType*>(t)->element, b));
    case TypeKind::HeaderStack: {
      auto* hs = static_cast<const HeaderStackType*>(t);
      if (!containsTypeVar(t)) return t;
      return m_ctx.stack(substitute(hs->element, b), hs->size);
    }
    case TypeKind::Extern: {
      auto* et = static_cast<const ExternType*>(t);
      if (!containsTypeVar(t)) return t;
      auto* r = m_ctx.make<ExternType>(et->decl);
      for (const Type* a : et->typeArgs) r->typeArgs.push_back(substitute(a, b));
      return r;
    }
    case TypeKind::Struct:
    case TypeKind::Header:
    case TypeKind::HeaderUnion: {
      auto* st = static_cast<const StructType*>(t);
      auto* args = specializationArgs(t);
      if (!args || !st->decl || !containsTypeVar(t)) return t;
      std::vector<const Type*> substituted;
      for (const Type* a : *args) substituted.push_back(substitute(a, b));
      return specializeStruct(*st->decl, substituted);
    }
    default: return t;
  }
}

}  // namespace p4wb::compiler::sema
