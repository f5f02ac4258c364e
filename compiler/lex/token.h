// Token kinds and the Token value produced by the lexer. A token is a view into a
// buffer owned by the SourceManager (or, for lexLine, the caller's line string).
#pragma once

#include <cstdint>
#include <string_view>

#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

enum class TokenKind : std::uint8_t {
#define TOKEN(Name, Desc) Name,
#include "compiler/lex/token_kinds.def"
};

// Broad classes for syntax highlighting and quick checks.
enum class TokenCategory : std::uint8_t {
  Whitespace,  // never produced, for completeness of the editor's style table
  Comment,
  Keyword,      // control-flow and declaration keywords
  TypeKeyword,  // bit, int, varbit, bool, string, void, error, tuple, list
  Identifier,
  Number,
  String,
  Annotation,
  Preprocessor,  // Directive and HeaderName
  Operator,
  Punctuation,
  Error,
  EndOfFile,
};

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  std::string_view text;  // exact spelling; for lexLine a view into the given line
  SourceLocation loc;     // original place; lexLine sets only column (1-based)
  std::uint32_t length = 0;  // bytes, == text.size()
  bool atLineStart = false;  // first token on its physical line (directives end here)
  bool spaceBefore = false;  // whitespace or a comment precedes it

  bool is(TokenKind k) const { return kind == k; }
  // 0-based byte column, convenient for editors.
  std::uint32_t offsetInLine() const { return loc.column ? loc.column - 1 : 0; }
};

// "identifier", "'{'", "'table'" - for diagnostics.
std::string_view tokenKindDescription(TokenKind kind);
// The fixed spelling of keywords and punctuation; empty for other kinds.
std::string_view tokenSpelling(TokenKind kind);
bool isKeyword(TokenKind kind);
TokenCategory tokenCategory(TokenKind kind);
// Keyword kind for an identifier-like spelling, or Identifier.
TokenKind keywordKind(std::string_view spelling);

}  // namespace p4wb::compiler
