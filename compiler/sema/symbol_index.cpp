// buildSymbolIndex: declarations are numbered as they are met; name uses are remembered
// with their declaration pointer and numbered at the end, so forward uses (parser
// states, later actions) resolve too. Uses of declarations that are not indexed
// (type parameters, builtins) are dropped.
#include "compiler/sema/symbol_index.h"

#include <unordered_map>

#include "compiler/ast/ast_printer.h"

namespace p4wb::compiler {

namespace {

using namespace ast;

const char* symbolKind(const Decl& d) {
  switch (d.kind) {
    case NodeKind::ParserDecl:
    case NodeKind::ParserTypeDecl: return "parser";
    case NodeKind::ControlDecl:
    case NodeKind::ControlTypeDecl: return "control";
    case NodeKind::PackageTypeDecl: return "package";
    case NodeKind::ParserStateDecl: return "state";
    case NodeKind::TableDecl: return "table";
    case NodeKind::ActionDecl: return "action";
    case NodeKind::FunctionDecl: return "function";
    case NodeKind::FunctionPrototype:
      return static_cast<const FunctionPrototype&>(d).owner ? "extern_method" : "function";
    case NodeKind::ExternDecl: return "extern";
    case NodeKind::HeaderDecl:
    case NodeKind::HeaderUnionDecl: return "header";
    case NodeKind::StructDecl: return "struct";
    case NodeKind::FieldDecl: return "field";
    case NodeKind::EnumDecl: return "enum";
    case NodeKind::TypedefDecl: return "typedef";
    case NodeKind::ConstDecl: return "const";
    case NodeKind::VariableDecl: return "variable";
    case NodeKind::ParamDecl: return "parameter";
    case NodeKind::InstantiationDecl: return "instance";
    case NodeKind::ValueSetDecl: return "value_set";
    case NodeKind::EnumMemberDecl: {
      const Decl* parent = static_cast<const EnumMemberDecl&>(d).parent;
      if (parent && parent->kind == NodeKind::ErrorDecl) return "error";
      if (parent && parent->kind == NodeKind::MatchKindDecl) return "match_kind";
      return "const";
    }
    default: return nullptr;
  }
}

// Appends the type as written; an allocation-light twin of typeRefToString (the index
// prints a type for every declaration, so this is on the hot path).
void appendType(std::string& out, const TypeRef* t) {
  using F = TypeRef::Form;
  if (!t) return;
  auto appendArgs = [&out](const std::vector<TypeRefPtr>& v) {
    out += '<';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      appendType(out, v[i].get());
    }
    out += '>';
  };
  auto appendWidth = [&out, t](const char* kw) {
    out += kw;
    out += '<';
    if (const auto* lit = dynCast<IntLiteralExpr>(t->width.get()))
      out += lit->text;
    else if (t->width)
      out += exprToString(*t->width);
    out += '>';
  };
  switch (t->form) {
    case F::Named:
      if (t->leadingDot) out += '.';
      out += t->name;
      if (!t->typeArgs.empty()) appendArgs(t->typeArgs);
      return;
    case F::Bits: return appendWidth("bit");
    case F::SignedBits: return appendWidth("int");
    case F::Varbit: return appendWidth("varbit");
    case F::Tuple:
    case F::List:
      out += t->form == F::Tuple ? "tuple" : "list";
      return appendArgs(t->typeArgs);
    case F::Stack:
      appendType(out, t->element.get());
      out += '[';
      if (const auto* lit = dynCast<IntLiteralExpr>(t->size.get()))
        out += lit->text;
      else if (t->size)
        out += exprToString(*t->size);
      out += ']';
      return;
    default: out += typeRefToString(*t); return;
  }
}

std::string typeText(const TypeRefPtr& t) {
  std::string s;
  appendType(s, t.get());
  return s;
}

void appendTypeParams(std::string& out, const TypeParams& tps) {
  if (tps.empty()) return;
  out += '<';
  for (std::size_t i = 0; i < tps.size(); ++i) {
    if (i) out += ", ";
    out += tps[i]->name;
  }
  out += '>';
}

void appendParam(std::string& out, const ParamDecl& p) {
  if (p.direction != Direction::None) {
    out += directionSpelling(p.direction);
    out += ' ';
  }
  appendType(out, p.typeRef.get());
}

void appendParams(std::string& out, const Params& ps) {
  out += '(';
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (!ps[i]) continue;
    if (i) out += ", ";
    appendParam(out, *ps[i]);
    out += ' ';
    out += ps[i]->name;
  }
  out += ')';
}

// "bit<16> get<T>(in T data)", "action drop()", "control C<H>(inout H hdr)".
void appendSignature(std::string& out, const char* keyword, const TypeRef* ret,
                     const std::string& name, const TypeParams* tps, const Params& ps) {
  out.reserve(64);
  if (keyword) {
    out += keyword;
    out += ' ';
  }
  if (ret) {
    appendType(out, ret);
    out += ' ';
  }
  out += name;
  if (tps) appendTypeParams(out, *tps);
  appendParams(out, ps);
}

std::string signature(const Decl& d) {
  std::string s;
  switch (d.kind) {
    case NodeKind::FunctionPrototype: {
      const auto& f = static_cast<const FunctionPrototype&>(d);
      appendSignature(s, nullptr, f.returnType.get(), f.name, &f.typeParams, f.params);
      break;
    }
    case NodeKind::FunctionDecl: {
      const auto& f = static_cast<const FunctionDecl&>(d);
      appendSignature(s, nullptr, f.returnType.get(), f.name, &f.typeParams, f.params);
      break;
    }
    case NodeKind::ActionDecl:
      appendSignature(s, "action", nullptr, d.name, nullptr,
                      static_cast<const ActionDecl&>(d).params);
      break;
    case NodeKind::ParserDecl: {
      const auto& p = static_cast<const ParserDecl&>(d);
      appendSignature(s, "parser", nullptr, p.name, &p.typeParams, p.params);
      break;
    }
    case NodeKind::ControlDecl: {
      const auto& c = static_cast<const ControlDecl&>(d);
      appendSignature(s, "control", nullptr, c.name, &c.typeParams, c.params);
      break;
    }
    case NodeKind::ParserTypeDecl:
    case NodeKind::ControlTypeDecl:
    case NodeKind::PackageTypeDecl: {
      const auto& b = static_cast<const BlockTypeDecl&>(d);
      appendSignature(s, symbolKind(d), nullptr, b.name, &b.typeParams, b.params);
      break;
    }
    default: break;
  }
  return s;
}

std::string declTypeText(const Decl& d) {
  switch (d.kind) {
    case NodeKind::FieldDecl: return typeText(static_cast<const FieldDecl&>(d).typeRef);
    case NodeKind::ParamDecl: {
      std::string s;
      appendParam(s, static_cast<const ParamDecl&>(d));
      return s;
    }
    case NodeKind::ConstDecl:
    case NodeKind::VariableDecl: return typeText(static_cast<const VariableDecl&>(d).typeRef);
    case NodeKind::InstantiationDecl:
      return typeText(static_cast<const InstantiationDecl&>(d).typeRef);
    case NodeKind::ValueSetDecl:
      return "value_set<" + typeText(static_cast<const ValueSetDecl&>(d).elementType) + ">";
    case NodeKind::TypedefDecl: return typeText(static_cast<const TypedefDecl&>(d).aliased);
    case NodeKind::EnumMemberDecl: {
      const Decl* parent = static_cast<const EnumMemberDecl&>(d).parent;
      return parent ? parent->name : std::string();
    }
    case NodeKind::HeaderDecl: return "header " + d.name;
    case NodeKind::HeaderUnionDecl: return "header_union " + d.name;
    case NodeKind::StructDecl: return "struct " + d.name;
    case NodeKind::EnumDecl: {
      const auto& e = static_cast<const EnumDecl&>(d);
      return e.underlying ? "enum " + typeText(e.underlying) + " " + e.name : "enum " + e.name;
    }
    case NodeKind::ExternDecl: {
      std::string s = "extern " + d.name;
      appendTypeParams(s, static_cast<const ExternDecl&>(d).typeParams);
      return s;
    }
    case NodeKind::TableDecl: return "table " + d.name;
    case NodeKind::ParserStateDecl: return "state " + d.name;
    default: return signature(d);
  }
}

class Indexer {
 public:
  Indexer(const SourceManager& sm, FileId mainFile) : m_sm(sm), m_main(mainFile) {}

  SymbolIndex run(const Program& p) {
    m_out.symbols.reserve(p.decls.size() * 4);
    m_uses.reserve(p.decls.size() * 4);
    m_ids.reserve(p.decls.size() * 4);
    for (const auto& d : p.decls)
      if (d) decl(*d, "");
    m_out.references.reserve(m_uses.size());
    for (const Pending& u : m_uses) {
      auto it = m_ids.find(u.decl);
      if (it == m_ids.end()) continue;
      m_out.references.push_back(
          {std::string(fileName(u.loc.file)), u.loc.line, u.loc.column, u.length, it->second});
    }
    return std::move(m_out);
  }

 private:
  struct Pending {
    SourceLocation loc;
    unsigned length;
    const Decl* decl;
  };

  std::string_view fileName(FileId f) {
    if (f == m_lastFile) return m_lastName;
    m_lastFile = f;
    m_lastName = m_sm.name(f);
    return m_lastName;
  }

  void use(SourceLocation loc, std::size_t length, const Decl* d) {
    if (d && loc.valid() && length > 0) m_uses.push_back({loc, static_cast<unsigned>(length), d});
  }

  void add(const Decl& d, const std::string& container) {
    const char* kind = symbolKind(d);
    if (!kind || d.name.empty() || !d.loc.valid()) return;
    SymbolInfo s;
    s.name = d.name;
    s.kind = kind;
    s.container = container;
    s.typeText = declTypeText(d);
    s.file = fileName(d.loc.file);
    s.line = d.loc.line;
    s.column = d.loc.column;
    if (d.endLoc.valid() && d.endLoc.file == d.loc.file) {
      s.endLine = d.endLoc.line;
      s.endColumn = d.endLoc.column;
    } else {
      s.endLine = d.loc.line;
      s.endColumn = d.loc.column + static_cast<unsigned>(d.name.size());
    }
    s.inMainFile = d.loc.file == m_main;
    m_ids.emplace(&d, static_cast<int>(m_out.symbols.size()));
    m_out.symbols.push_back(std::move(s));
  }

  void params(const Params& ps, const std::string& container) {
    for (const auto& p : ps)
      if (p) {
        add(*p, container);
        type(p->typeRef.get());
        expr(p->defaultValue.get());
      }
  }

  void members(const Decl& d) {
    TypeMemberList list;
    if (const auto* s = dynCast<StructTypeDecl>(&d)) {
      for (const auto& f : s->fields)
        if (f) list.emplace_back(f->name, typeText(f->typeRef));
      if (d.kind != NodeKind::StructDecl) {
        list.emplace_back("isValid", "bool isValid()");
        if (d.kind == NodeKind::HeaderDecl) {
          list.emplace_back("setValid", "void setValid()");
          list.emplace_back("setInvalid", "void setInvalid()");
        }
      }
    } else if (const auto* e = dynCast<EnumDecl>(&d)) {
      for (const auto& m : e->members)
        if (m) list.emplace_back(m->name, d.name);
    } else if (const auto* x = dynCast<ExternDecl>(&d)) {
      for (const auto& m : x->methods) {
        if (!m || m->isConstructor) continue;
        auto it = m_ids.find(m.get());
        list.emplace_back(m->name, it != m_ids.end()
                                       ? m_out.symbols[static_cast<std::size_t>(it->second)].typeText
                                       : signature(*m));
      }
    }
    // error and match_kind may be declared several times: one merged entry each.
    for (auto& [name, existing] : m_out.typeMembers)
      if (name == d.name) {
        existing.insert(existing.end(), list.begin(), list.end());
        return;
      }
    m_out.typeMembers.emplace_back(d.name, std::move(list));
  }

  void decl(const Decl& d, const std::string& container);
  void blockDecl(const Decl& d);
  void table(const TableDecl& t);
  void stmt(const Stmt* s, const std::string& container);
  void expr(const Expr* e);
  void type(const TypeRef* t);
  void args(const std::vector<Argument>& as) {
    for (const auto& a : as) expr(a.value.get());
  }

  const SourceManager& m_sm;
  FileId m_main;
  FileId m_lastFile = 0;
  std::string m_lastName;
  SymbolIndex m_out;
  std::unordered_map<const Decl*, int> m_ids;
  std::vector<Pending> m_uses;
};

void Indexer::decl(const Decl& d, const std::string& container) {
  add(d, container);
  switch (d.kind) {
    case NodeKind::HeaderDecl:
    case NodeKind::StructDecl:
    case NodeKind::HeaderUnionDecl:
      for (const auto& f : static_cast<const StructTypeDecl&>(d).fields)
        if (f) {
          add(*f, d.name);
          type(f->typeRef.get());
        }
      members(d);
      break;
    case NodeKind::EnumDecl:
    case NodeKind::ErrorDecl:
    case NodeKind::MatchKindDecl: {
      const auto& e = static_cast<const EnumDecl&>(d);
      type(e.underlying.get());
      for (const auto& m : e.members)
        if (m) {
          add(*m, d.kind == NodeKind::EnumDecl ? d.name : std::string());
          expr(m->value.get());
        }
      members(d);
      break;
    }
    case NodeKind::TypedefDecl: type(static_cast<const TypedefDecl&>(d).aliased.get()); break;
    case NodeKind::ConstDecl:
    case NodeKind::VariableDecl: {
      const auto& v = static_cast<const VariableDecl&>(d);
      type(v.typeRef.get());
      expr(v.init.get());
      break;
    }
    case NodeKind::ValueSetDecl: {
      const auto& v = static_cast<const ValueSetDecl&>(d);
      type(v.elementType.get());
      expr(v.size.get());
      break;
    }
    case NodeKind::ExternDecl:
      for (const auto& m : static_cast<const ExternDecl&>(d).methods)
        if (m) {
          add(*m, d.name);
          type(m->returnType.get());
          for (const auto& p : m->params)
            if (p) type(p->typeRef.get());
        }
      members(d);
      break;
    case NodeKind::FunctionPrototype: {
      const auto& f = static_cast<const FunctionPrototype&>(d);
      type(f.returnType.get());
      for (const auto& p : f.params)
        if (p) type(p->typeRef.get());
      break;
    }
    case NodeKind::InstantiationDecl: {
      const auto& i = static_cast<const InstantiationDecl&>(d);
      type(i.typeRef.get());
      args(i.args);
      for (const auto& f : i.initializer)
        if (f) decl(*f, d.name);
      break;
    }
    default: blockDecl(d); break;
  }
}

// Declarations with bodies or parameter lists.
void Indexer::blockDecl(const Decl& d) {
  switch (d.kind) {
    case NodeKind::ParserTypeDecl:
    case NodeKind::ControlTypeDecl:
    case NodeKind::PackageTypeDecl:
      for (const auto& p : static_cast<const BlockTypeDecl&>(d).params)
        if (p) type(p->typeRef.get());
      break;
    case NodeKind::FunctionDecl: {
      const auto& f = static_cast<const FunctionDecl&>(d);
      type(f.returnType.get());
      params(f.params, d.name);
      stmt(f.body.get(), d.name);
      break;
    }
    case NodeKind::ActionDecl: {
      const auto& a = static_cast<const ActionDecl&>(d);
      params(a.params, d.name);
      stmt(a.body.get(), d.name);
      break;
    }
    case NodeKind::ParserDecl: {
      const auto& p = static_cast<const ParserDecl&>(d);
      params(p.params, d.name);
      params(p.ctorParams, d.name);
      for (const auto& l : p.locals)
        if (l) decl(*l, d.name);
      for (const auto& s : p.states) {
        if (!s) continue;
        add(*s, d.name);
        for (const auto& st : s->stmts) stmt(st.get(), s->name);
        const Transition& t = s->transition;
        use(t.nextLoc, t.nextState.size(), t.target);
        for (const auto& e : t.selectExprs) expr(e.get());
        for (const auto& c : t.cases) {
          for (const auto& k : c.keysets) expr(k.get());
          use(c.nextLoc, c.nextState.size(), c.target);
        }
      }
      break;
    }
    case NodeKind::ControlDecl: {
      const auto& c = static_cast<const ControlDecl&>(d);
      params(c.params, d.name);
      params(c.ctorParams, d.name);
      for (const auto& l : c.locals)
        if (l) decl(*l, d.name);
      stmt(c.apply.get(), d.name);
      break;
    }
    case NodeKind::TableDecl: table(static_cast<const TableDecl&>(d)); break;
    default: break;
  }
}

void Indexer::table(const TableDecl& t) {
  for (const auto& k : t.keys) {
    expr(k.expr.get());
    use(k.matchKindLoc, k.matchKind.size(), k.matchKindDecl);
  }
  for (const auto& a : t.actions) expr(a.expr.get());
  if (t.defaultAction) expr(t.defaultAction->expr.get());
  expr(t.size.get());
  expr(t.implementation.get());
  for (const auto& e : t.entries) {
    for (const auto& k : e.keys) expr(k.get());
    expr(e.action.expr.get());
    expr(e.priority.get());
  }
  for (const auto& [name, value] : t.otherProperties) expr(value.get());
}

void Indexer::stmt(const Stmt* s, const std::string& container) {
  if (!s) return;
  switch (s->kind) {
    case NodeKind::AssignStmt: {
      const auto& a = static_cast<const AssignStmt&>(*s);
      expr(a.lhs.get());
      expr(a.rhs.get());
      break;
    }
    case NodeKind::CallStmt: expr(static_cast<const CallStmt&>(*s).call.get()); break;
    case NodeKind::IfStmt: {
      const auto& i = static_cast<const IfStmt&>(*s);
      expr(i.cond.get());
      stmt(i.thenStmt.get(), container);
      stmt(i.elseStmt.get(), container);
      break;
    }
    case NodeKind::BlockStmt:
      for (const auto& st : static_cast<const BlockStmt&>(*s).stmts) stmt(st.get(), container);
      break;
    case NodeKind::SwitchStmt: {
      const auto& sw = static_cast<const SwitchStmt&>(*s);
      expr(sw.subject.get());
      for (const auto& c : sw.cases) {
        expr(c.label.get());
        stmt(c.body.get(), container);
      }
      break;
    }
    case NodeKind::ReturnStmt: expr(static_cast<const ReturnStmt&>(*s).value.get()); break;
    case NodeKind::DeclStmt:
      if (const auto& d = static_cast<const DeclStmt&>(*s).decl) decl(*d, container);
      break;
    case NodeKind::ForStmt: {
      const auto& f = static_cast<const ForStmt&>(*s);
      for (const auto& st : f.init) stmt(st.get(), container);
      expr(f.cond.get());
      for (const auto& st : f.update) stmt(st.get(), container);
      stmt(f.body.get(), container);
      break;
    }
    case NodeKind::ForInStmt: {
      const auto& f = static_cast<const ForInStmt&>(*s);
      if (f.var) decl(*f.var, container);
      expr(f.collection.get());
      stmt(f.body.get(), container);
      break;
    }
    default: break;
  }
}

void Indexer::expr(const Expr* e) {
  if (!e) return;
  switch (e->kind) {
    case NodeKind::Path: {
      const auto& p = static_cast<const PathExpr&>(*e);
      SourceLocation at = p.loc;
      if (p.leadingDot) ++at.column;
      use(at, p.name.size(), p.resolved);
      break;
    }
    case NodeKind::Member: {
      const auto& m = static_cast<const MemberExpr&>(*e);
      expr(m.base.get());
      use(m.memberLoc, m.member.size(), m.resolved);
      break;
    }
    case NodeKind::Index: {
      const auto& i = static_cast<const IndexExpr&>(*e);
      expr(i.base.get());
      expr(i.index.get());
      break;
    }
    case NodeKind::Slice: {
      const auto& s = static_cast<const SliceExpr&>(*e);
      expr(s.base.get());
      expr(s.hi.get());
      expr(s.lo.get());
      break;
    }
    case NodeKind::Unary: expr(static_cast<const UnaryExpr&>(*e).operand.get()); break;
    case NodeKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(*e);
      expr(b.lhs.get());
      expr(b.rhs.get());
      break;
    }
    case NodeKind::Ternary: {
      const auto& t = static_cast<const TernaryExpr&>(*e);
      expr(t.cond.get());
      expr(t.thenExpr.get());
      expr(t.elseExpr.get());
      break;
    }
    case NodeKind::Cast: {
      const auto& c = static_cast<const CastExpr&>(*e);
      type(c.targetType.get());
      expr(c.operand.get());
      break;
    }
    case NodeKind::Call: {
      const auto& c = static_cast<const CallExpr&>(*e);
      const auto* callee = dynCast<PathExpr>(c.callee.get());
      if (callee && !callee->resolved)
        use(callee->loc, callee->name.size(), c.target);
      else
        expr(c.callee.get());
      for (const auto& t : c.typeArgs) type(t.get());
      args(c.args);
      break;
    }
    case NodeKind::List:
      for (const auto& x : static_cast<const ListExpr&>(*e).elements) expr(x.get());
      break;
    case NodeKind::StructInit: args(static_cast<const StructInitExpr&>(*e).fields); break;
    case NodeKind::Mask: {
      const auto& m = static_cast<const MaskExpr&>(*e);
      expr(m.value.get());
      expr(m.mask.get());
      break;
    }
    case NodeKind::Range: {
      const auto& r = static_cast<const RangeExpr&>(*e);
      expr(r.lo.get());
      expr(r.hi.get());
      break;
    }
    case NodeKind::TypeAsExpr: type(static_cast<const TypeAsExprExpr&>(*e).typeRef.get()); break;
    default: break;
  }
}

void Indexer::type(const TypeRef* t) {
  if (!t) return;
  if (t->form == TypeRef::Form::Named) {
    use(t->loc, t->name.size(), t->decl);
  }
  for (const auto& a : t->typeArgs) type(a.get());
  type(t->element.get());
  expr(t->width.get());
  expr(t->size.get());
}

}  // namespace

SymbolIndex buildSymbolIndex(const ast::Program& program, const SourceManager& sources,
                             FileId mainFile) {
  return Indexer(sources, mainFile).run(program);
}

}  // namespace p4wb::compiler
