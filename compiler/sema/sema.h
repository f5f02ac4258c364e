// Semantic analysis of a parsed program: scopes and name resolution, type resolution
// and checking, constant evaluation, table/parser digestion and the architecture
// instantiation (ProgramInfo). Annotates the AST in place; reports problems to diags.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/sema/program_info.h"
#include "compiler/sema/types.h"

namespace p4wb::compiler {
class DiagnosticEngine;
}

namespace p4wb::compiler::sema {

struct SemaOptions {
  ast::Program* program = nullptr;
  TypeContext* types = nullptr;
  DiagnosticEngine* diags = nullptr;
  bool requireMain = true;  // report a missing `main` (off for libraries)
};

struct SemaResult {
  ProgramInfo programInfo;
};

SemaResult runSema(const SemaOptions& options);

}  // namespace p4wb::compiler::sema
