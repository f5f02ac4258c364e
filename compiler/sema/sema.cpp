// runSema: the semantic passes in order.
//   1. Declarations, in source order (P4 is declare-before-use): each declaration's
//      types are resolved and its body checked before the next one is seen. After it,
//      every TypeRef has `resolved`, every Expr a `type`, names `resolved`, constants
//      `constValue`, calls `callKind`.
//      Parsers: all states are declared before any transition is resolved.
//      Controls: actions, tables and instances are checked in order, then apply {}.
//      Tables: keys/match kinds, action refs, default action, size, entries resolved.
//   2. Architecture: `main` is found and its package arguments bound to parser/control
//      declarations (ProgramInfo).
//   3. Warnings over the whole checked program: unused locals, then (only when there
//      were no errors) uninitialized reads and out parameters (uninitialized.cpp).
#include <algorithm>

#include "compiler/sema/sema_impl.h"
#include "compiler/sema/uninitialized.h"

namespace p4wb::compiler::sema {

void Sema::declareName(const std::string& name, const Decl& d) {
  if (name.empty()) return;
  auto& scope = m_scopes.back();
  auto& list = scope[name];
  // Overloads are allowed for functions and methods only.
  if (!list.empty() && d.kind != NodeKind::FunctionPrototype &&
      d.kind != NodeKind::FunctionDecl) {
    error(DiagKind::Redefinition, d.loc, {name});
    error(DiagKind::PreviousDefinition, list.front()->loc, {name});
    return;
  }
  list.push_back(&d);
}

void Sema::declare(const Decl& d) { declareName(d.name, d); }

const Decl* Sema::lookup(const std::string& name) const {
  for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end() && !f->second.empty()) return f->second.front();
  }
  return nullptr;
}

std::vector<const Decl*> Sema::lookupAll(const std::string& name) const {
  for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end() && !f->second.empty()) return f->second;
  }
  return {};
}

const Decl* Sema::lookupGlobal(const std::string& name) const {
  auto f = m_scopes.front().find(name);
  return f == m_scopes.front().end() || f->second.empty() ? nullptr : f->second.front();
}

namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

void Sema::suggest(const std::string& name, SourceLocation loc,
                   const std::vector<std::string>& extra, bool scopeNames) {
  std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::string best;
  std::size_t bestDist = limit + 1;
  auto consider = [&](const std::string& cand) {
    if (cand.empty() || cand == name) return;
    std::size_t d = editDistance(name, cand);
    if (d < bestDist) {
      bestDist = d;
      best = cand;
    }
  };
  for (const auto& c : extra) consider(c);
  if (scopeNames)
    for (const auto& scope : m_scopes)
      for (const auto& [n, decls] : scope) consider(n);
  if (!best.empty()) error(DiagKind::DidYouMean, loc, {best});
}

SemaResult Sema::run() {
  SemaResult r;
  pushScope();
  for (auto& d : m_prog.decls)
    if (d) checkTopDecl(*d);
  r.programInfo = instantiateArchitecture();
  popScope();
  // Definite assignment needs every name resolved and every expression typed.
  bool clean = !m_diags.hasErrors();
  warnUnusedLocals();
  if (clean) checkUninitialized(m_prog, m_diags);
  return r;
}

void Sema::noteParams(const Params& ps, const char* what, const std::string& owner) {
  for (const auto& p : ps) m_params.emplace_back(p.get(), std::string(what) + " '" + owner + "'");
}

void Sema::warnUnusedLocals() {
  auto unused = [&](const Decl* d) { return !m_used.count(d) && !d->name.empty() && d->name[0] != '_'; };
  for (const Decl* d : m_locals)
    if (unused(d))
      error(DiagKind::UnusedVariable, d->loc, {d->kind == NodeKind::ConstDecl ? "constant" : "variable", d->name});
  for (const auto& [p, owner] : m_params)
    if (unused(p)) error(DiagKind::UnusedParameter, p->loc, {p->name, owner});
  for (const Decl* d : m_blockLocals)
    if (unused(d))
      error(d->kind == NodeKind::TableDecl ? DiagKind::UnusedTable : DiagKind::UnusedInstance, d->loc, {d->name});
}

SemaResult runSema(const SemaOptions& options) {
  if (!options.program || !options.types || !options.diags) return {};
  return Sema(options).run();
}

}  // namespace p4wb::compiler::sema
