// The front end's single entry point: preprocess, lex, parse and check a P4_16 program.
// runFrontEnd never throws and never aborts on bad input; every problem becomes a
// diagnostic. The result owns everything (sources, AST, types) and pointers between
// them stay valid as long as the result lives. Move-only.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/lex/token.h"
#include "compiler/sema/program_info.h"
#include "compiler/sema/types.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

struct Diagnostic;

struct FrontEndOptions {
  std::string inputPath;  // shown in diagnostics; read from disk unless inputText is set
  std::optional<std::string> inputText;
  std::vector<std::string> includeDirs;  // -I, searched before the built-in includes
  std::vector<std::pair<std::string, std::string>> defines;  // -D NAME[=VALUE]
  // Stop after parsing (no sema, no ProgramInfo): for include files and --dump-ast.
  bool parseOnly = false;
  // Skip the architecture pass (no `main` required): for libraries / include files.
  bool requireMain = true;
  bool werror = false;  // -Werror: warnings become errors
  std::vector<std::string> disabledWarnings;  // -Wno-NAME (DiagnosticEngine::warningFlagName)
  bool dumpTokens = false;  // fill FrontEndResult::tokenDump (--dump-tokens)
  const std::atomic<bool>* cancel = nullptr;
};

struct FrontEndResult {
  std::unique_ptr<SourceManager> sources;
  std::unique_ptr<DiagnosticEngine> diags;
  std::unique_ptr<ast::Program> program;  // null only when the input could not be read
  std::unique_ptr<sema::TypeContext> types;
  sema::ProgramInfo programInfo;  // programInfo.valid when `main` was understood
  FileId mainFile = 0;
  std::string tokenDump;  // with FrontEndOptions::dumpTokens: one preprocessed token a line
  bool cancelled = false;

  bool hasErrors() const { return !diags || diags->hasErrors() || !program; }
  // Diagnostics in the driver's public form.
  std::vector<Diagnostic> diagnostics() const;
};

FrontEndResult runFrontEnd(const FrontEndOptions& options);

// Indented tree dump of `program` (with sema annotations when present), for --dump-ast.
std::string dumpAst(const ast::Program& program, const SourceManager* sources = nullptr);

// "file:line:col: kind tokenKind 'text'" for each token (--dump-tokens).
std::string dumpTokens(const std::vector<Token>& tokens, const SourceManager& sources);

// The sema type of every declaration of `onlyFile` (0: all files), nested declarations of
// parsers, controls and externs indented (--dump-types).
std::string dumpTypes(const ast::Program& program, const SourceManager& sources,
                      FileId onlyFile = 0);

}  // namespace p4wb::compiler
