// --dump-tokens and --dump-types: plain-text views of the front end's intermediate
// results for golden tests. Output is stable (source order, no addresses).
#include "compiler/sema/frontend.h"
#include "compiler/sema/types.h"

namespace p4wb::compiler {

namespace {

std::string place(const SourceManager& sm, SourceLocation loc) {
  if (!loc.valid()) return "<builtin>";
  return std::string(sm.name(loc.file)) + ":" + std::to_string(loc.line) + ":" +
         std::to_string(loc.column);
}

const std::vector<ast::DeclPtr>* nestedDecls(const ast::Decl& d) {
  if (d.kind == ast::NodeKind::ParserDecl) return &static_cast<const ast::ParserDecl&>(d).locals;
  if (d.kind == ast::NodeKind::ControlDecl)
    return &static_cast<const ast::ControlDecl&>(d).locals;
  return nullptr;
}

void dumpDecl(const ast::Decl& d, const SourceManager& sm, int indent, std::string& out) {
  out += std::string(static_cast<std::size_t>(indent) * 2, ' ');
  out += place(sm, d.loc) + ": " + ast::nodeKindName(d.kind) + " " + d.name + " : " +
         (d.type ? d.type->toString() : std::string("<none>")) + "\n";
  if (const auto* nested = nestedDecls(d)) {
    for (const auto& n : *nested)
      if (n) dumpDecl(*n, sm, indent + 1, out);
  }
}

}  // namespace

std::string dumpTokens(const std::vector<Token>& tokens, const SourceManager& sources) {
  std::string out;
  for (const auto& t : tokens) {
    out += place(sources, t.loc) + ": " + std::string(tokenKindDescription(t.kind));
    if (!t.text.empty()) out += " '" + std::string(t.text) + "'";
    out += '\n';
  }
  return out;
}

std::string dumpTypes(const ast::Program& program, const SourceManager& sources,
                      FileId onlyFile) {
  std::string out;
  for (const auto& d : program.decls) {
    if (!d || (onlyFile != 0 && d->loc.file != onlyFile)) continue;
    dumpDecl(*d, sources, 0, out);
  }
  return out;
}

}  // namespace p4wb::compiler
