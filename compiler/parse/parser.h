// The P4_16 parser: recursive descent over preprocessed tokens, producing an
// ast::Program. Recovers from syntax errors (skips to the next ';', '}' or declaration
// keyword) so one mistake yields one diagnostic; never throws, never aborts.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/lex/token.h"

namespace p4wb::compiler {

class DiagnosticEngine;

struct ParseOptions {
  const std::vector<Token>* tokens = nullptr;  // must end with EndOfFile
  DiagnosticEngine* diags = nullptr;
  const std::atomic<bool>* cancel = nullptr;
  unsigned maxErrors = 50;  // stop after this many parse errors
};

struct ParseResult {
  std::unique_ptr<ast::Program> program;  // always set (possibly partial)
  bool cancelled = false;
};

ParseResult parseProgram(const ParseOptions& options);

}  // namespace p4wb::compiler
