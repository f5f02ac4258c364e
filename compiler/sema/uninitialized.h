// -Wuninitialized-use / -Wuninitialized-out-param: a definite-assignment pass over the
// checked AST, the conditions p4c's def-use analysis warns under. Runs only on programs
// without errors (every Expr typed, every name resolved); never changes the AST.
#pragma once

#include "compiler/ast/ast.h"

namespace p4wb::compiler {
class DiagnosticEngine;
}

namespace p4wb::compiler::sema {

// Also reports functions whose end can be reached without a `return` (an error, as
// in p4c). Warns about reads of local variables (and `out` parameters) that are not assigned on
// every path reaching the read, and `out` parameters of controls, parsers and functions
// not assigned on every path to their end. Headers are never tracked: an unassigned
// header is simply invalid (spec 8.17), so only the other leaves of a value count.
void checkUninitialized(const ast::Program& program, DiagnosticEngine& diags);

}  // namespace p4wb::compiler::sema
