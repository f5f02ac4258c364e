// The line lexer and the buffer lexer built on it.
#include "compiler/lex/lexer.h"

#include <array>

#include "compiler/diag/diagnostics.h"

namespace p4wb::compiler {

namespace {

bool isIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

struct Punct {
  std::string_view text;
  TokenKind kind;
};

// Longest spellings first so that "&&&" wins over "&&" and "&".
constexpr std::array<Punct, 37> kPuncts = {{
    {"&&&", TokenKind::Mask},    {"|+|", TokenKind::PlusSat}, {"|-|", TokenKind::MinusSat},
    {"&&", TokenKind::AmpAmp},   {"||", TokenKind::PipePipe}, {"==", TokenKind::EqEq},
    {"!=", TokenKind::NotEq},    {"<=", TokenKind::LessEq},   {">=", TokenKind::GreaterEq},
    {"<<", TokenKind::Shl},      {"++", TokenKind::PlusPlus}, {"..", TokenKind::DotDot},
    {"##", TokenKind::HashHash}, {"(", TokenKind::LParen},    {")", TokenKind::RParen},
    {"{", TokenKind::LBrace},    {"}", TokenKind::RBrace},    {"[", TokenKind::LBracket},
    {"]", TokenKind::RBracket},  {";", TokenKind::Semi},      {":", TokenKind::Colon},
    {",", TokenKind::Comma},     {".", TokenKind::Dot},       {"?", TokenKind::Question},
    {"=", TokenKind::Assign},    {"<", TokenKind::Less},      {">", TokenKind::Greater},
    {"+", TokenKind::Plus},      {"-", TokenKind::Minus},     {"*", TokenKind::Star},
    {"/", TokenKind::Slash},     {"%", TokenKind::Percent},   {"&", TokenKind::Amp},
    {"|", TokenKind::Pipe},      {"^", TokenKind::Caret},     {"~", TokenKind::Tilde},
    {"!", TokenKind::Bang},
}};

class LineScanner {
 public:
  LineScanner(std::string_view line, LexState state) : m_line(line), m_state(state) {
    while (!m_line.empty() && (m_line.back() == '\r' || m_line.back() == '\n'))
      m_line.remove_suffix(1);
  }

  std::vector<Token> run(LexState* outState) {
    while (m_pos < m_line.size()) step();
    if (outState) *outState = m_state;
    return std::move(m_tokens);
  }

 private:
  void emit(TokenKind kind, std::size_t begin) {
    Token t;
    t.kind = kind;
    t.text = m_line.substr(begin, m_pos - begin);
    t.length = static_cast<std::uint32_t>(t.text.size());
    t.loc.column = static_cast<std::uint32_t>(begin + 1);
    t.spaceBefore = m_space;
    m_space = false;
    m_tokens.push_back(t);
  }

  bool firstRealToken() const {
    for (const auto& t : m_tokens)
      if (t.kind != TokenKind::Comment) return false;
    return true;
  }

  bool afterIncludeDirective() const {
    for (auto it = m_tokens.rbegin(); it != m_tokens.rend(); ++it) {
      if (it->kind == TokenKind::Comment) continue;
      if (it->kind != TokenKind::Directive) return false;
      std::string_view s = it->text.substr(1);
      while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
      return s == "include";
    }
    return false;
  }

  void blockCommentRest(std::size_t begin) {
    std::size_t end = m_line.find("*/", m_pos);
    if (end == std::string_view::npos) {
      m_pos = m_line.size();
    } else {
      m_pos = end + 2;
      m_state.inBlockComment = false;
    }
    emit(TokenKind::Comment, begin);
    m_space = true;
  }

  void step() {
    std::size_t begin = m_pos;
    if (m_state.inBlockComment) return blockCommentRest(begin);
    char c = m_line[m_pos];
    if (isSpace(c)) {
      ++m_pos;
      m_space = true;
      return;
    }
    if (c == '/' && m_pos + 1 < m_line.size() && m_line[m_pos + 1] == '/') {
      m_pos = m_line.size();
      emit(TokenKind::Comment, begin);
      return;
    }
    if (c == '/' && m_pos + 1 < m_line.size() && m_line[m_pos + 1] == '*') {
      m_pos += 2;
      m_state.inBlockComment = true;
      return blockCommentRest(begin);
    }
    if (isIdentStart(c)) return identifier(begin);
    if (isDigit(c)) return number(begin);
    if (c == '"') return string(begin);
    if (c == '@') return annotation(begin);
    if (c == '#' && firstRealToken()) return directive(begin);
    if (c == '<' && afterIncludeDirective()) return headerName(begin);
    if (c == '\\' && restIsBlank(m_pos + 1)) {  // line continuation
      m_pos = m_line.size();
      return;
    }
    for (const auto& p : kPuncts) {
      if (m_line.substr(m_pos, p.text.size()) == p.text) {
        m_pos += p.text.size();
        return emit(p.kind, begin);
      }
    }
    if (c == '#') {
      ++m_pos;
      return emit(TokenKind::Hash, begin);
    }
    // Stray character: take a whole UTF-8 sequence so the editor marks one glyph.
    ++m_pos;
    while (m_pos < m_line.size() && (static_cast<unsigned char>(m_line[m_pos]) & 0xC0) == 0x80)
      ++m_pos;
    emit(TokenKind::Error, begin);
  }

  bool restIsBlank(std::size_t from) const {
    for (std::size_t i = from; i < m_line.size(); ++i)
      if (!isSpace(m_line[i])) return false;
    return true;
  }

  void identifier(std::size_t begin) {
    while (m_pos < m_line.size() && isIdentChar(m_line[m_pos])) ++m_pos;
    emit(keywordKind(m_line.substr(begin, m_pos - begin)), begin);
  }

  // Width prefixes (8w, 4s), base prefixes (0x, 0b, 0o, 0d) and '_' separators are all
  // word characters; literals.cpp validates the spelling. A sign is never part of it.
  void number(std::size_t begin) {
    while (m_pos < m_line.size() && isIdentChar(m_line[m_pos])) ++m_pos;
    emit(TokenKind::IntLiteral, begin);
  }

  void string(std::size_t begin) {
    ++m_pos;
    while (m_pos < m_line.size() && m_line[m_pos] != '"') {
      if (m_line[m_pos] == '\\' && m_pos + 1 < m_line.size()) ++m_pos;
      ++m_pos;
    }
    if (m_pos >= m_line.size()) return emit(TokenKind::Error, begin);  // unterminated
    ++m_pos;
    emit(TokenKind::StringLiteral, begin);
  }

  void annotation(std::size_t begin) {
    ++m_pos;
    if (m_pos < m_line.size() && isIdentStart(m_line[m_pos])) {
      while (m_pos < m_line.size() && isIdentChar(m_line[m_pos])) ++m_pos;
      return emit(TokenKind::Annotation, begin);
    }
    emit(TokenKind::At, begin);
  }

  void directive(std::size_t begin) {
    ++m_pos;
    std::size_t save = m_pos;
    while (m_pos < m_line.size() && isSpace(m_line[m_pos])) ++m_pos;
    if (m_pos < m_line.size() && isIdentStart(m_line[m_pos])) {
      while (m_pos < m_line.size() && isIdentChar(m_line[m_pos])) ++m_pos;
    } else {
      m_pos = save;  // a lone '#' (null directive)
    }
    emit(TokenKind::Directive, begin);
  }

  void headerName(std::size_t begin) {
    std::size_t end = m_line.find('>', m_pos);
    if (end == std::string_view::npos) {
      ++m_pos;
      return emit(TokenKind::Less, begin);
    }
    m_pos = end + 1;
    emit(TokenKind::HeaderName, begin);
  }

  std::string_view m_line;
  LexState m_state;
  std::size_t m_pos = 0;
  bool m_space = false;
  std::vector<Token> m_tokens;
};

}  // namespace

std::vector<Token> lexLine(std::string_view line, LexState inState, LexState* outState) {
  return LineScanner(line, inState).run(outState);
}

std::vector<Token> lexBuffer(const SourceManager& sources, const LexOptions& options) {
  std::vector<Token> out;
  std::string_view text = sources.text(options.file);
  LexState state;
  SourceLocation commentStart;
  bool continued = false;  // previous line ended with a backslash
  std::uint32_t lineNo = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    ++lineNo;
    bool wasInComment = state.inBlockComment;
    std::vector<Token> toks = lexLine(line, state, &state);
    bool first = !continued;
    for (auto& t : toks) {
      t.loc.file = options.file;
      t.loc.line = lineNo;
      if (t.kind == TokenKind::Comment) {
        if (!wasInComment && t.text.substr(0, 2) == "/*") commentStart = t.loc;
        wasInComment = false;
        if (!options.keepComments) continue;
      }
      t.atLineStart = first && t.kind != TokenKind::Comment;
      if (t.atLineStart) first = false;
      if (t.kind == TokenKind::Error && options.diags) {
        if (t.text.front() == '"')
          options.diags->error(DiagKind::UnterminatedString, t.loc);
        else
          options.diags->error(DiagKind::StrayCharacter, t.loc, std::string(t.text));
      }
      out.push_back(t);
    }
    std::string_view trimmed = line;
    while (!trimmed.empty() && isSpace(trimmed.back())) trimmed.remove_suffix(1);
    continued = !trimmed.empty() && trimmed.back() == '\\' && !state.inBlockComment;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  if (state.inBlockComment && options.diags)
    options.diags->error(DiagKind::UnterminatedComment, commentStart);
  Token eof;
  eof.kind = TokenKind::EndOfFile;
  eof.loc = {options.file, lineNo, static_cast<std::uint32_t>(
                                       sources.lineText(options.file, lineNo).size() + 1)};
  eof.atLineStart = true;
  out.push_back(eof);
  return out;
}

}  // namespace p4wb::compiler
