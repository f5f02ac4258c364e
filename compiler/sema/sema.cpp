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
#include "compiler/sema/sema_impl.h"

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

SemaResult Sema::run() {
  SemaResult r;
  pushScope();
  for (auto& d : m_prog.decls)
    if (d) checkTopDecl(*d);
  r.programInfo = instantiateArchitecture();
  popScope();
  return r;
}

SemaResult runSema(const SemaOptions& options) {
  if (!options.program || !options.types || !options.diags) return {};
  return Sema(options).run();
}

}  // namespace p4wb::compiler::sema
