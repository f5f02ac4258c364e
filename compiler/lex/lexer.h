// The P4_16 lexer. Stateless per line: lexLine() lexes one line given the state left by
// the previous line (inside a /* */ comment or not), so an editor can re-lex only the
// lines that changed. lexBuffer() lexes a whole buffer by chaining lexLine() and gives
// each token its original file/line/column. Never throws; bad input yields Error tokens.
#pragma once

#include <string_view>
#include <vector>

#include "compiler/lex/token.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

class DiagnosticEngine;

// What carries over from one line to the next.
struct LexState {
  bool inBlockComment = false;

  bool operator==(const LexState&) const = default;
  // Compact form for editors that keep one int per line (QScintilla line state).
  int toInt() const { return inBlockComment ? 1 : 0; }
  static LexState fromInt(int v) { return LexState{v == 1}; }
};

// Lexes one line (without its '\n'; a trailing '\r' is ignored). Comment tokens are
// returned (kind Comment) so a highlighter can colour them, including the part of a
// block comment that continues from or onto other lines. Token columns are 1-based byte
// columns into `line`; loc.file and loc.line are 0. `outState` may be null.
std::vector<Token> lexLine(std::string_view line, LexState inState, LexState* outState);

// Same, as a small object for callers that prefer one (e.g. a QsciLexerCustom).
class LineLexer {
 public:
  std::vector<Token> lex(std::string_view line) {
    return lexLine(line, m_state, &m_state);
  }
  LexState state() const { return m_state; }
  void setState(LexState s) { m_state = s; }

 private:
  LexState m_state;
};

struct LexOptions {
  FileId file = 0;  // buffer to lex, owned by `sources`
  bool keepComments = false;
  DiagnosticEngine* diags = nullptr;  // reports stray characters, unterminated strings
};

// Lexes a whole buffer. The result always ends with one EndOfFile token.
std::vector<Token> lexBuffer(const SourceManager& sources, const LexOptions& options);

}  // namespace p4wb::compiler
