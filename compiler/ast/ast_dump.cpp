// The indented tree dump (--dump-ast).
#include "compiler/ast/ast_printer.h"
#include "compiler/sema/frontend.h"
#include "compiler/sema/types.h"

namespace p4wb::compiler::ast {

namespace {

class Dumper {
 public:
  explicit Dumper(const SourceManager* sm) : m_sm(sm) {}
  std::string take() { return std::move(m_out); }

  void decl(const Decl& d, int ind) {
    line(ind, d, std::string(nodeKindName(d.kind)) + " " + d.name + typeSuffix(d.type));
    for (const auto& a : d.annotations)
      m_out += pad(ind + 1) + "@" + a.name + (a.body.empty() ? "" : "(" + a.body + ")") + "\n";
    switch (d.kind) {
      case NodeKind::TypedefDecl: {
        auto& t = static_cast<const TypedefDecl&>(d);
        if (t.aliased) typeRef(*t.aliased, ind + 1);
        break;
      }
      case NodeKind::HeaderDecl: case NodeKind::StructDecl: case NodeKind::HeaderUnionDecl:
        for (const auto& f : static_cast<const StructTypeDecl&>(d).fields) {
          line(ind + 1, *f, "FieldDecl " + f->name + " : " +
                                (f->typeRef ? typeRefToString(*f->typeRef) : "?") +
                                typeSuffix(f->type));
        }
        break;
      case NodeKind::EnumDecl: case NodeKind::ErrorDecl: case NodeKind::MatchKindDecl:
        for (const auto& m : static_cast<const EnumDecl&>(d).members)
          line(ind + 1, *m, "EnumMemberDecl " + m->name + (m->value ? " = " + exprToString(*m->value) : ""));
        break;
      case NodeKind::ConstDecl: case NodeKind::VariableDecl: {
        auto& v = static_cast<const VariableDecl&>(d);
        if (v.typeRef) typeRef(*v.typeRef, ind + 1);
        if (v.init) expr(*v.init, ind + 1);
        break;
      }
      case NodeKind::FunctionPrototype: {
        auto& f = static_cast<const FunctionPrototype&>(d);
        if (f.returnType) typeRef(*f.returnType, ind + 1);
        params(f.params, ind + 1);
        break;
      }
      case NodeKind::FunctionDecl: {
        auto& f = static_cast<const FunctionDecl&>(d);
        params(f.params, ind + 1);
        if (f.body) stmt(*f.body, ind + 1);
        break;
      }
      case NodeKind::ExternDecl:
        for (const auto& m : static_cast<const ExternDecl&>(d).methods) decl(*m, ind + 1);
        break;
      case NodeKind::ParserTypeDecl: case NodeKind::ControlTypeDecl: case NodeKind::PackageTypeDecl:
        params(static_cast<const BlockTypeDecl&>(d).params, ind + 1);
        break;
      case NodeKind::ParserDecl: parser(static_cast<const ParserDecl&>(d), ind); break;
      case NodeKind::ControlDecl: {
        auto& c = static_cast<const ControlDecl&>(d);
        params(c.params, ind + 1);
        for (const auto& l : c.locals) decl(*l, ind + 1);
        if (c.apply) {
          m_out += pad(ind + 1) + "apply\n";
          stmt(*c.apply, ind + 2);
        }
        break;
      }
      case NodeKind::ActionDecl: {
        auto& a = static_cast<const ActionDecl&>(d);
        params(a.params, ind + 1);
        if (a.body) stmt(*a.body, ind + 1);
        break;
      }
      case NodeKind::TableDecl: table(static_cast<const TableDecl&>(d), ind + 1); break;
      case NodeKind::InstantiationDecl: {
        auto& i = static_cast<const InstantiationDecl&>(d);
        if (i.typeRef) typeRef(*i.typeRef, ind + 1);
        for (const auto& a : i.args)
          if (a.value) expr(*a.value, ind + 1);
        for (const auto& f : i.initializer) decl(*f, ind + 1);
        break;
      }
      default: break;
    }
  }

  void parser(const ParserDecl& p, int ind) {
    params(p.params, ind + 1);
    for (const auto& l : p.locals) decl(*l, ind + 1);
    for (const auto& s : p.states) {
      line(ind + 1, *s, "ParserStateDecl " + s->name);
      for (const auto& st : s->stmts) stmt(*st, ind + 2);
      const Transition& t = s->transition;
      if (t.kind == Transition::Kind::Direct) {
        m_out += pad(ind + 2) + "transition " + t.nextState + "\n";
      } else if (t.kind == Transition::Kind::Select) {
        m_out += pad(ind + 2) + "transition select\n";
        for (const auto& e : t.selectExprs) expr(*e, ind + 3);
        for (const auto& c : t.cases) {
          std::string ks;
          for (std::size_t i = 0; i < c.keysets.size(); ++i)
            ks += (i ? ", " : "") + exprToString(*c.keysets[i]);
          m_out += pad(ind + 3) + "case " + ks + " -> " + c.nextState + "\n";
        }
      }
    }
  }

  void table(const TableDecl& t, int ind) {
    for (const auto& k : t.keys)
      m_out += pad(ind) + "key " + (k.expr ? exprToString(*k.expr) : "?") + " : " + k.matchKind +
               (k.expr ? typeSuffix(k.expr->type) : "") + "\n";
    for (const auto& a : t.actions)
      m_out += pad(ind) + "action " + (a.expr ? exprToString(*a.expr) : "?") + "\n";
    if (t.defaultAction && t.defaultAction->expr)
      m_out += pad(ind) + (t.defaultActionConst ? "const " : "") + "default_action " +
               exprToString(*t.defaultAction->expr) + "\n";
    if (t.size) m_out += pad(ind) + "size " + exprToString(*t.size) + "\n";
    if (t.implementation) m_out += pad(ind) + "implementation " + exprToString(*t.implementation) + "\n";
    for (const auto& e : t.entries) {
      std::string ks;
      for (std::size_t i = 0; i < e.keys.size(); ++i) ks += (i ? ", " : "") + exprToString(*e.keys[i]);
      m_out += pad(ind) + "entry (" + ks + ") : " + (e.action.expr ? exprToString(*e.action.expr) : "?") + "\n";
    }
  }

  void params(const Params& ps, int ind) {
    for (const auto& p : ps)
      line(ind, *p, "ParamDecl " + std::string(directionSpelling(p->direction)) +
                        (p->direction == Direction::None ? "" : " ") +
                        (p->typeRef ? typeRefToString(*p->typeRef) : "?") + " " + p->name +
                        typeSuffix(p->type));
  }

  void typeRef(const TypeRef& t, int ind) {
    line(ind, t, "TypeRef " + typeRefToString(t) + typeSuffix(t.resolved));
  }

  void stmt(const Stmt& s, int ind) {
    switch (s.kind) {
      case NodeKind::BlockStmt:
        line(ind, s, "BlockStmt");
        for (const auto& c : static_cast<const BlockStmt&>(s).stmts) stmt(*c, ind + 1);
        break;
      case NodeKind::AssignStmt: {
        auto& a = static_cast<const AssignStmt&>(s);
        line(ind, s, "AssignStmt");
        if (a.lhs) expr(*a.lhs, ind + 1);
        if (a.rhs) expr(*a.rhs, ind + 1);
        break;
      }
      case NodeKind::CallStmt:
        line(ind, s, "CallStmt");
        if (auto& c = static_cast<const CallStmt&>(s).call) expr(*c, ind + 1);
        break;
      case NodeKind::IfStmt: {
        auto& i = static_cast<const IfStmt&>(s);
        line(ind, s, "IfStmt");
        if (i.cond) expr(*i.cond, ind + 1);
        if (i.thenStmt) stmt(*i.thenStmt, ind + 1);
        if (i.elseStmt) {
          m_out += pad(ind) + "else\n";
          stmt(*i.elseStmt, ind + 1);
        }
        break;
      }
      case NodeKind::SwitchStmt: {
        auto& sw = static_cast<const SwitchStmt&>(s);
        line(ind, s, "SwitchStmt");
        if (sw.subject) expr(*sw.subject, ind + 1);
        for (const auto& c : sw.cases) {
          m_out += pad(ind + 1) + "case " + (c.label ? exprToString(*c.label) : "?") + "\n";
          if (c.body) stmt(*c.body, ind + 2);
        }
        break;
      }
      case NodeKind::ReturnStmt: {
        line(ind, s, "ReturnStmt");
        if (auto& v = static_cast<const ReturnStmt&>(s).value) expr(*v, ind + 1);
        break;
      }
      case NodeKind::DeclStmt:
        if (auto& d = static_cast<const DeclStmt&>(s).decl) decl(*d, ind);
        break;
      case NodeKind::ForStmt: {
        auto& f = static_cast<const ForStmt&>(s);
        line(ind, s, "ForStmt");
        for (const auto& i : f.init) stmt(*i, ind + 1);
        if (f.cond) expr(*f.cond, ind + 1);
        for (const auto& u : f.update) stmt(*u, ind + 1);
        if (f.body) stmt(*f.body, ind + 1);
        break;
      }
      case NodeKind::ForInStmt: {
        auto& f = static_cast<const ForInStmt&>(s);
        line(ind, s, "ForInStmt");
        if (f.var) decl(*f.var, ind + 1);
        if (f.collection) expr(*f.collection, ind + 1);
        if (f.body) stmt(*f.body, ind + 1);
        break;
      }
      default:
        line(ind, s, nodeKindName(s.kind));
        break;
    }
  }

  void expr(const Expr& e, int ind) {
    std::string extra;
    if (e.constValue) extra = " = " + e.constValue->toString();
    if (auto* c = dynCast<CallExpr>(&e); c && c->callKind != CallKind::Unknown)
      extra += std::string(" {") + callKindName(c->callKind) + "}";
    line(ind, e, std::string(nodeKindName(e.kind)) + " " + exprToString(e) + typeSuffix(e.type) + extra);
  }

 private:
  static std::string pad(int ind) { return std::string(static_cast<std::size_t>(ind) * 2, ' '); }
  static std::string typeSuffix(const sema::Type* t) { return t ? " : " + t->toString() : ""; }

  void line(int ind, const Node& n, const std::string& text) {
    m_out += pad(ind) + text;
    if (m_sm && n.loc.valid())
      m_out += "  <" + std::string(m_sm->name(n.loc.file)) + ":" + std::to_string(n.loc.line) +
               ":" + std::to_string(n.loc.column) + ">";
    m_out += "\n";
  }

  const SourceManager* m_sm;
  std::string m_out;
};

}  // namespace

std::string dumpTree(const Program& program, const SourceManager* sources) {
  Dumper d(sources);
  for (const auto& decl : program.decls) d.decl(*decl, 0);
  return d.take();
}

}  // namespace p4wb::compiler::ast

namespace p4wb::compiler {
std::string dumpAst(const ast::Program& program, const SourceManager* sources) {
  return ast::dumpTree(program, sources);
}
}  // namespace p4wb::compiler
