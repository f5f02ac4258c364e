// Definite assignment for -Wuninitialized-use and -Wuninitialized-out-param.
//
// What p4c's FindUninitialized warns about, computed the simple way: a set of assigned
// storage paths ("x", "s.f") flows through each control's apply block, each parser's
// state graph (to a fixpoint) and each function body. Branches meet by intersection,
// loop bodies may run zero times, `return`/`exit` end a path. Actions are analysed where
// they run (a direct call, or every action of a table at its apply()), because their
// reads of control locals depend on what the caller assigned before. Headers (and
// stacks/unions) are not tracked: an unassigned header is invalid, not uninitialized.
// Slices and indexed elements count as writes of the whole base, so partial writes never
// produce a warning (fewer warnings than p4c there, never a false one).
#include "compiler/sema/uninitialized.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/diag/diagnostics.h"
#include "compiler/sema/types.h"

namespace p4wb::compiler::sema {

using namespace ast;

namespace {

using Path = std::pair<const Decl*, std::string>;  // root declaration, ".f.g" below it

struct State {
  bool unreachable = false;  // no path gets here: everything counts as assigned
  std::set<Path> assigned;

  bool covers(const Decl* root, const std::string& path) const {
    if (unreachable || assigned.count({root, ""})) return true;
    for (std::size_t i = 1; i <= path.size(); ++i)
      if ((i == path.size() || path[i] == '.') && assigned.count({root, path.substr(0, i)}))
        return true;
    return false;
  }
  bool operator==(const State&) const = default;
};

State unreachableState() {
  State s;
  s.unreachable = true;
  return s;
}

// What holds on both paths; a path one side assigned as a whole and the other field by
// field survives as the fields.
State meet(const State& a, const State& b) {
  if (a.unreachable) return b;
  if (b.unreachable) return a;
  State r;
  for (const auto& p : a.assigned)
    if (b.covers(p.first, p.second)) r.assigned.insert(p);
  for (const auto& p : b.assigned)
    if (a.covers(p.first, p.second)) r.assigned.insert(p);
  return r;
}

// Values whose leaves can be read uninitialized; headers are valid-or-not instead.
bool isTracked(const Type* t) {
  if (!t) return false;
  switch (t->kind) {
    case TypeKind::Bits: case TypeKind::Varbit: case TypeKind::Bool: case TypeKind::Enum:
    case TypeKind::Error: case TypeKind::Tuple:
      return true;
    case TypeKind::Struct:
      for (const auto& f : static_cast<const StructType*>(t)->fields)
        if (isTracked(f.type)) return true;
      return false;
    default: return false;
  }
}

const ParamDecl* paramOf(const Params& ps, const std::vector<Argument>& args, std::size_t i) {
  if (!args[i].name.empty()) {
    for (const auto& p : ps)
      if (p->name == args[i].name) return p.get();
    return nullptr;
  }
  return i < ps.size() ? ps[i].get() : nullptr;
}

// The parameters a call binds its arguments to, when known.
const Params* paramsOf(const CallExpr& c) {
  if (c.callKind == CallKind::SubBlockApply) {
    auto* m = dynCast<MemberExpr>(c.callee.get());
    const Type* bt = m && m->base ? m->base->type : nullptr;
    if (!bt || (bt->kind != TypeKind::Parser && bt->kind != TypeKind::Control)) return nullptr;
    const Decl* d = static_cast<const CallableType*>(bt)->decl;
    if (auto* p = dynCast<ParserDecl>(d)) return &p->params;
    if (auto* k = dynCast<ControlDecl>(d)) return &k->params;
    if (auto* b = dynCast<BlockTypeDecl>(d)) return &b->params;
    return nullptr;
  }
  const Decl* t = c.target;
  if (auto* a = dynCast<ActionDecl>(t)) return &a->params;
  if (auto* f = dynCast<FunctionDecl>(t)) return &f->params;
  if (auto* f = dynCast<FunctionPrototype>(t)) return &f->params;
  return nullptr;
}

class Analyzer {
 public:
  explicit Analyzer(DiagnosticEngine& diags) : m_diags(diags) {}

  void run(const Program& prog) {
    for (const auto& d : prog.decls) {
      if (auto* c = dynCast<ControlDecl>(d.get())) control(*c);
      else if (auto* p = dynCast<ParserDecl>(d.get())) parser(*p);
      else if (auto* f = dynCast<FunctionDecl>(d.get())) function(*f);
    }
  }

 private:
  // ---- one block at a time
  void reset(const Params& params) {
    m_state = State{};
    m_termination = unreachableState();
    m_returnSink = &m_termination;
    m_tracked.clear();
    for (const auto& p : params)
      if (p->direction == Direction::Out && isTracked(p->type)) m_tracked.insert(p.get());
  }

  void locals(const std::vector<DeclPtr>& ls) {
    for (const auto& l : ls)
      if (auto* v = dynCast<VariableDecl>(l.get())) declareVariable(*v);
  }

  void control(const ControlDecl& c) {
    reset(c.params);
    locals(c.locals);
    if (c.apply) stmt(c.apply.get());
    checkOutParams(c.params, meet(m_state, m_termination), "control", c);
  }

  void function(const FunctionDecl& f) {
    reset(f.params);
    if (f.body) stmt(f.body.get());
    // The same flow says whether the end of the body is reachable (p4c: an error).
    auto* ct = f.type && f.type->kind == TypeKind::Function ? static_cast<const CallableType*>(f.type)
                                                             : nullptr;
    if (ct && ct->returnType && ct->returnType->kind != TypeKind::Void &&
        !ct->returnType->isUnknown() && !m_state.unreachable)
      m_diags.report(DiagKind::MissingReturn, f.loc, {f.name});
    checkOutParams(f.params, meet(m_state, m_termination), "function", f);
  }

  void parser(const ParserDecl& p) {
    const ParserStateDecl* start = p.findState("start");
    if (!start) return;
    reset(p.params);
    locals(p.locals);
    // Entry states to a fixpoint without warnings, then one reporting pass.
    std::map<const ParserStateDecl*, State> entry{{start, m_state}};
    std::vector<const ParserStateDecl*> work{start};
    m_report = false;
    while (!work.empty()) {
      const ParserStateDecl* s = work.back();
      work.pop_back();
      m_state = entry[s];
      for (const ParserStateDecl* next : parserState(*s)) {
        auto it = entry.find(next);
        if (it == entry.end()) {
          entry.emplace(next, m_state);
          work.push_back(next);
        } else if (State m = meet(it->second, m_state); !(m == it->second)) {
          it->second = std::move(m);
          work.push_back(next);
        }
      }
    }
    m_report = true;
    m_termination = unreachableState();
    for (const auto& s : p.states) {
      auto it = entry.find(s.get());
      if (it == entry.end()) continue;  // unreachable state: nothing flows into it
      m_state = it->second;
      m_atTerminal = false;
      parserState(*s);
      if (m_atTerminal) m_termination = meet(m_termination, m_state);
    }
    checkOutParams(p.params, m_termination, "parser", p);
  }

  // Runs one state's statements and select; returns the states it can go to (and sets
  // m_atTerminal when it can go to accept or reject).
  std::vector<const ParserStateDecl*> parserState(const ParserStateDecl& s) {
    for (const auto& st : s.stmts) stmt(st.get());
    const Transition& t = s.transition;
    std::vector<const ParserStateDecl*> next;
    auto to = [&](const ParserStateDecl* target) {
      if (target) next.push_back(target);
      else m_atTerminal = true;
    };
    if (t.kind == Transition::Kind::Direct) to(t.target);
    if (t.kind == Transition::Kind::None) to(nullptr);
    if (t.kind == Transition::Kind::Select) {
      for (const auto& e : t.selectExprs) expr(e.get());
      for (const auto& c : t.cases) to(c.target);
    }
    return next;
  }

  void checkOutParams(const Params& params, const State& final, const char* what, const Decl& block) {
    for (const auto& p : params) {
      if (p->direction != Direction::Out || !m_tracked.count(p.get())) continue;
      State saved = m_state;
      m_state = final;
      bool missing = uncovered(p.get(), "", p->type).has_value();
      m_state = saved;
      if (!missing) continue;
      m_diags.report(DiagKind::UninitializedOutParam, p->loc, {p->name, block.name});
      m_diags.report(DiagKind::Note, block.loc, {std::string(what) + " '" + block.name + "' is declared here"});
    }
  }

  // ---- statements
  void declareVariable(const VariableDecl& v) {
    if (v.isConst()) return;
    if (v.init) {
      expr(v.init.get());
      m_state.assigned.insert({&v, ""});
      return;
    }
    if (!isTracked(v.type)) return;
    m_tracked.insert(&v);
    // A declaration inside a loop body starts out uninitialized on every iteration.
    std::erase_if(m_state.assigned, [&](const Path& p) { return p.first == &v; });
  }

  void stmt(const Stmt* s) {
    if (!s) return;
    switch (s->kind) {
      case NodeKind::BlockStmt:
        for (const auto& x : static_cast<const BlockStmt*>(s)->stmts) stmt(x.get());
        return;
      case NodeKind::AssignStmt: {
        auto* a = static_cast<const AssignStmt*>(s);
        expr(a->rhs.get());
        write(a->lhs.get());
        return;
      }
      case NodeKind::CallStmt: return expr(static_cast<const CallStmt*>(s)->call.get());
      case NodeKind::IfStmt: {
        auto* i = static_cast<const IfStmt*>(s);
        expr(i->cond.get());
        return eitherOf([&] { stmt(i->thenStmt.get()); }, [&] { stmt(i->elseStmt.get()); });
      }
      case NodeKind::SwitchStmt: return switchStmt(*static_cast<const SwitchStmt*>(s));
      case NodeKind::ForStmt: {
        auto* f = static_cast<const ForStmt*>(s);
        for (const auto& i : f->init) stmt(i.get());
        expr(f->cond.get());
        loopBody([&] {
          stmt(f->body.get());
          for (const auto& u : f->update) stmt(u.get());
        });
        return;
      }
      case NodeKind::ForInStmt: {
        auto* f = static_cast<const ForInStmt*>(s);
        expr(f->collection.get());
        loopBody([&] { stmt(f->body.get()); });
        return;
      }
      case NodeKind::ReturnStmt:
        expr(static_cast<const ReturnStmt*>(s)->value.get());
        *m_returnSink = meet(*m_returnSink, m_state);
        m_state = unreachableState();
        return;
      case NodeKind::ExitStmt:
        m_termination = meet(m_termination, m_state);
        m_state = unreachableState();
        return;
      case NodeKind::BreakStmt: case NodeKind::ContinueStmt:
        m_state = unreachableState();  // the loop's state is the entry state anyway
        return;
      case NodeKind::DeclStmt:
        if (auto* v = dynCast<VariableDecl>(static_cast<const DeclStmt*>(s)->decl.get())) declareVariable(*v);
        return;
      default: return;
    }
  }

  // Two paths from the current state (if/else, ?:): what both assign holds after.
  template <typename F, typename G>
  void eitherOf(F&& one, G&& other) {
    State before = m_state;
    one();
    State afterOne = std::move(m_state);
    m_state = std::move(before);
    other();
    m_state = meet(afterOne, m_state);
  }

  // A loop body may run zero times, and what it assigns only adds to the entry state,
  // so one pass with the entry state checks every iteration; afterwards the entry holds.
  template <typename F>
  void loopBody(F&& body) {
    State entry = m_state;
    body();
    m_state = std::move(entry);
  }

  void switchStmt(const SwitchStmt& s) {
    expr(s.subject.get());
    State entry = m_state;
    State after = unreachableState();
    bool hasDefault = false;
    for (const auto& c : s.cases) {
      if (c.label && c.label->kind == NodeKind::Default) hasDefault = true;
      if (!c.body) continue;  // falls through to the next body
      m_state = entry;
      stmt(c.body.get());
      after = meet(after, m_state);
    }
    m_state = hasDefault ? after : meet(after, entry);
  }

  // ---- expressions
  struct Chain {
    const Decl* root = nullptr;
    std::string path;
    const Type* type = nullptr;
  };

  // `x`, `x.f.g`: the storage an l-value-like expression names. Indexes and slices stop
  // the path at their base (the whole base is read or written).
  static std::optional<Chain> chain(const Expr* e) {
    if (!e) return std::nullopt;
    if (auto* p = dynCast<PathExpr>(e)) {
      if (!isa<VariableDecl>(p->resolved) && !isa<ParamDecl>(p->resolved)) return std::nullopt;
      return Chain{p->resolved, "", p->type};
    }
    if (auto* m = dynCast<MemberExpr>(e)) {
      if (m->memberKind != MemberExpr::MemberKind::Field) return std::nullopt;
      auto c = chain(m->base.get());
      if (c) {
        c->path += "." + m->member;
        c->type = m->type;
      }
      return c;
    }
    if (auto* i = dynCast<IndexExpr>(e)) return chain(i->base.get());
    if (auto* s = dynCast<SliceExpr>(e)) return chain(s->base.get());
    return std::nullopt;
  }

  // Reads what indexes and slice bounds inside an l-value read.
  void subscripts(const Expr* e) {
    if (auto* m = dynCast<MemberExpr>(e)) return subscripts(m->base.get());
    if (auto* i = dynCast<IndexExpr>(e)) {
      subscripts(i->base.get());
      return expr(i->index.get());
    }
    if (auto* s = dynCast<SliceExpr>(e)) return subscripts(s->base.get());
  }

  // The first leaf below root+path not assigned, as "name.f"; nullopt when all are.
  std::optional<std::string> uncovered(const Decl* root, const std::string& path, const Type* t) const {
    if (m_state.covers(root, path)) return std::nullopt;
    if (t && t->kind == TypeKind::Struct) {
      for (const auto& f : static_cast<const StructType*>(t)->fields) {
        if (!isTracked(f.type)) continue;
        if (auto m = uncovered(root, path + "." + f.name, f.type)) return m;
      }
      return std::nullopt;
    }
    if (!isTracked(t)) return std::nullopt;
    return root->name + path;
  }

  void read(const Expr* e) {
    subscripts(e);
    auto c = chain(e);
    if (!c || !m_tracked.count(c->root)) return;
    auto missing = uncovered(c->root, c->path, c->type);
    if (!missing || !m_report) return;
    auto key = std::make_tuple(e->loc.file, e->loc.line, e->loc.column, *missing);
    if (!m_reported.insert(key).second) return;
    m_diags.report(DiagKind::UninitializedUse, e->loc, {*missing});
  }

  void write(const Expr* e) {
    subscripts(e);
    auto c = chain(e);
    if (c && m_tracked.count(c->root)) m_state.assigned.insert({c->root, c->path});
  }

  void expr(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case NodeKind::Path: return read(e);
      case NodeKind::Member: {
        auto* m = static_cast<const MemberExpr*>(e);
        if (chain(e)) return read(e);
        return expr(m->base.get());
      }
      case NodeKind::Index: case NodeKind::Slice: return read(e);
      case NodeKind::Unary: return expr(static_cast<const UnaryExpr*>(e)->operand.get());
      case NodeKind::Binary: {
        auto* b = static_cast<const BinaryExpr*>(e);
        expr(b->lhs.get());
        if (b->op != BinaryOp::And && b->op != BinaryOp::Or) return expr(b->rhs.get());
        State before = m_state;  // the right side may not run: its writes don't count
        expr(b->rhs.get());
        m_state = std::move(before);
        return;
      }
      case NodeKind::Ternary: {
        auto* t = static_cast<const TernaryExpr*>(e);
        expr(t->cond.get());
        return eitherOf([&] { expr(t->thenExpr.get()); }, [&] { expr(t->elseExpr.get()); });
      }
      case NodeKind::Cast: return expr(static_cast<const CastExpr*>(e)->operand.get());
      case NodeKind::Call: return call(*static_cast<const CallExpr*>(e));
      case NodeKind::List:
        for (const auto& x : static_cast<const ListExpr*>(e)->elements) expr(x.get());
        return;
      case NodeKind::StructInit:
        for (const auto& f : static_cast<const StructInitExpr*>(e)->fields) expr(f.value.get());
        return;
      case NodeKind::Mask:
        expr(static_cast<const MaskExpr*>(e)->value.get());
        return expr(static_cast<const MaskExpr*>(e)->mask.get());
      case NodeKind::Range:
        expr(static_cast<const RangeExpr*>(e)->lo.get());
        return expr(static_cast<const RangeExpr*>(e)->hi.get());
      default: return;
    }
  }

  void call(const CallExpr& c) {
    // The receiver of a method (a header, an extern, a table) is not a value read.
    if (auto* m = dynCast<MemberExpr>(c.callee.get()); m && !chain(m->base.get())) expr(m->base.get());
    if (c.callKind == CallKind::TableApply) {
      if (auto* t = dynCast<TableDecl>(c.target)) table(*t);
      return;
    }
    const Params* ps = paramsOf(c);
    std::vector<const Expr*> outs;
    for (std::size_t i = 0; i < c.args.size(); ++i) {
      const Expr* v = c.args[i].value.get();
      if (!v || v->kind == NodeKind::Default) continue;
      const ParamDecl* p = ps ? paramOf(*ps, c.args, i) : nullptr;
      // Unknown parameters: an assignable argument may be an out argument; no warning.
      Direction d = p ? p->direction : (v->isLValue ? Direction::Out : Direction::In);
      if (d != Direction::Out) expr(v);
      if (d == Direction::Out || d == Direction::InOut) outs.push_back(v);
    }
    if (c.callKind == CallKind::ActionCall)
      if (auto* a = dynCast<ActionDecl>(c.target)) action(*a);
    for (const Expr* o : outs) write(o);
  }

  // An action's body runs in its caller's state (it reads and writes control locals).
  void action(const ActionDecl& a) {
    for (const ActionDecl* on : m_actions)
      if (on == &a) return;
    m_actions.push_back(&a);
    State returned = unreachableState();
    State* savedSink = m_returnSink;
    m_returnSink = &returned;
    stmt(a.body.get());
    m_state = meet(m_state, returned);
    m_returnSink = savedSink;
    m_actions.pop_back();
  }

  // t.apply(): the keys are read, then exactly one of the table's actions runs.
  void table(const TableDecl& t) {
    for (const auto& k : t.keys) expr(k.expr.get());
    State entry = m_state;
    State after = unreachableState();
    bool any = false;
    for (const auto& r : t.actions) {
      if (!r.action) continue;
      m_state = entry;
      for (const Expr* a : r.args) expr(a);
      action(*r.action);
      after = meet(after, m_state);
      any = true;
    }
    m_state = any ? std::move(after) : std::move(entry);
  }

  DiagnosticEngine& m_diags;
  State m_state;
  State m_termination;  // where the block's paths end (exit, return, accept/reject)
  State* m_returnSink = &m_termination;
  std::set<const Decl*> m_tracked;
  std::vector<const ActionDecl*> m_actions;  // being analysed (no recursion in P4)
  bool m_report = true;
  bool m_atTerminal = false;
  std::set<std::tuple<FileId, std::uint32_t, std::uint32_t, std::string>> m_reported;
};

}  // namespace

void checkUninitialized(const Program& program, DiagnosticEngine& diags) {
  Analyzer(diags).run(program);
}

}  // namespace p4wb::compiler::sema
