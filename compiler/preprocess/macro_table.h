// The macro table of the preprocessor: #define / #undef bookkeeping and expansion of
// object-like and function-like macros (arguments are expanded before substitution;
// a macro is never re-expanded inside its own expansion). Expanded tokens keep the
// location where they were written (the macro body or the argument).
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/lex/token.h"

namespace p4wb::compiler {

class DiagnosticEngine;

class MacroTable {
 public:
  using TokenList = std::vector<Token>;

  explicit MacroTable(DiagnosticEngine& diags) : m_diags(diags) {}

  // `line` holds the tokens after "#define"; `directive` is the #define token.
  void define(const TokenList& line, const Token& directive);
  void undef(const std::string& name) { m_macros.erase(name); }
  bool isDefined(std::string_view name) const { return m_macros.count(std::string(name)) != 0; }
  bool isFunctionLike(std::string_view name) const;

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
  static bool collectArgs(const TokenList& toks, std::size_t& i, std::vector<TokenList>& args);
  TokenList expandList(const TokenList& in, const std::set<std::string>& disabled, int depth);

  DiagnosticEngine& m_diags;
  std::unordered_map<std::string, Macro> m_macros;
  bool m_tooLarge = false;
};

}  // namespace p4wb::compiler
