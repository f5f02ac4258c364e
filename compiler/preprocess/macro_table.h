// The macro table of the preprocessor: #define / #undef bookkeeping and expansion of
// object-like and function-like macros (arguments are expanded before substitution;
// a macro is never re-expanded inside its own expansion; `#param` stringizes and `a ## b`
// pastes, as in C; `...` and __VA_ARGS__ with GNU `, ## __VA_ARGS__`; __FILE__ and
// __LINE__ name the outermost use). Expanded tokens keep the location where they were written (the
// macro body or the argument); stringized and pasted tokens live in SourceManager buffers.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/lex/token.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

class DiagnosticEngine;

class MacroTable {
 public:
  using TokenList = std::vector<Token>;

  MacroTable(DiagnosticEngine& diags, SourceManager& sources)
      : m_diags(diags), m_sources(sources) {}

  // `line` holds the tokens after "#define"; `directive` is the #define token.
  void define(const TokenList& line, const Token& directive);
  void undef(const std::string& name) { m_macros.erase(name); }
  bool isDefined(std::string_view name) const { return m_macros.count(std::string(name)) != 0; }
  bool isFunctionLike(std::string_view name) const;
  // A defined macro, or __FILE__/__LINE__ (built in, unless #defined by the program).
  bool expands(std::string_view name) const {
    return isDefined(name) || name == "__FILE__" || name == "__LINE__";
  }

  // #line state of the file being read: tokens of `file` show as `shownAs` with their
  // line moved by `lineDelta` (what __FILE__/__LINE__ print).
  void setLineMapping(FileId file, std::int64_t lineDelta, FileId shownAs) {
    m_lineFile = file;
    m_lineDelta = lineDelta;
    m_lineShownAs = shownAs;
  }

  // Expands every macro use in `in` (a function-like macro needs its argument list
  // inside `in`).
  TokenList expand(const TokenList& in) { return expandList(in, {}, 0); }

 private:
  struct Macro {
    bool functionLike = false;
    std::vector<std::string> params;
    TokenList body;
    SourceLocation loc;
  };

  static bool sameMacro(const Macro& a, const Macro& b);
  static bool collectArgs(const TokenList& toks, std::size_t& i, std::vector<TokenList>& args,
                          std::size_t maxArgs);
  TokenList expandList(const TokenList& in, const std::set<std::string>& disabled, int depth);
  // The body of `m` with its parameters replaced by `args` (# and ## applied).
  TokenList substitute(const Macro& m, const std::vector<TokenList>& args,
                       const std::set<std::string>& disabled, int depth);
  Token stringize(const TokenList& arg, SourceLocation at);
  Token builtinMacro(const std::string& name, SourceLocation at);
  // Appends `rhs` to `out`, pasting its first token onto out.back().
  void paste(TokenList& out, const TokenList& rhs);
  // A token with `spelling` placed at `at` (the text lives in a new source buffer).
  bool makeToken(const std::string& spelling, SourceLocation at, Token& result);

  DiagnosticEngine& m_diags;
  SourceManager& m_sources;
  std::unordered_map<std::string, Macro> m_macros;
  bool m_tooLarge = false;
  SourceLocation m_invocation;  // the outermost macro use being expanded (__LINE__)
  FileId m_lineFile = 0;
  std::int64_t m_lineDelta = 0;
  FileId m_lineShownAs = 0;
};

}  // namespace p4wb::compiler
