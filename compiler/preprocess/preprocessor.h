// The P4 preprocessor (the C-preprocessor subset P4 programs use): #include with -I dirs
// and the built-in resources/p4include files, object- and function-like #define, #undef,
// conditionals with defined() and integer expressions, #error/#warning, #line, #pragma.
// Works on tokens; every output token keeps its original file/line/column (tokens from
// a macro body keep the location where the body was written).
#pragma once

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "compiler/lex/token.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

class DiagnosticEngine;

struct PreprocessOptions {
  FileId mainFile = 0;  // already added to the SourceManager
  std::vector<std::string> includeDirs;  // searched after the including file's folder
  std::vector<std::pair<std::string, std::string>> defines;  // -D NAME[=VALUE]
  bool useBuiltinIncludes = true;
  const std::atomic<bool>* cancel = nullptr;
};

struct PreprocessResult {
  std::vector<Token> tokens;  // ends with exactly one EndOfFile token
  std::vector<FileId> includedFiles;  // in the order they were first entered
  // Each #pragma line's tokens after the directive name, for a later stage to use.
  std::vector<std::vector<Token>> pragmas;
  bool cancelled = false;
};

// Included files are added to `sources`; problems are reported to `diags`.
PreprocessResult preprocess(SourceManager& sources, DiagnosticEngine& diags,
                            const PreprocessOptions& options);

}  // namespace p4wb::compiler
