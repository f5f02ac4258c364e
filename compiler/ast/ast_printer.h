// Text forms of AST pieces: expressions and types back as P4 source text (for table
// key names and diagnostics), and the indented tree dump behind --dump-ast.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace p4wb::compiler {
class SourceManager;
}

namespace p4wb::compiler::ast {

// "hdr.ipv4.dstAddr", "8w0xFF", "(bit<16>)x + 1" - compact P4 source text.
std::string exprToString(const Expr& e);
std::string typeRefToString(const TypeRef& t);

// Tree dump; with `sources`, each node shows file:line:col; sema types when present.
std::string dumpTree(const Program& program, const SourceManager* sources);

}  // namespace p4wb::compiler::ast
