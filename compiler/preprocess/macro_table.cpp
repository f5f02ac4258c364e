// MacroTable: definitions and expansion.
#include "compiler/preprocess/macro_table.h"

#include <cstdint>

#include "compiler/diag/diagnostics.h"
#include "compiler/lex/lexer.h"

namespace p4wb::compiler {

namespace {

constexpr int kMaxExpansionDepth = 256;
constexpr std::size_t kMaxExpandedTokens = 1u << 17;
constexpr const char* kVaArgs = "__VA_ARGS__";

bool isNameToken(const Token& t) {
  return t.kind == TokenKind::Identifier || isKeyword(t.kind);
}

}  // namespace

bool MacroTable::isFunctionLike(std::string_view name) const {
  auto it = m_macros.find(std::string(name));
  return it != m_macros.end() && it->second.functionLike;
}

void MacroTable::define(const TokenList& line, const Token& d) {
  if (line.empty() || !isNameToken(line[0]))
    return m_diags.error(DiagKind::ExpectedMacroName, d.loc);
  Macro m;
  m.loc = line[0].loc;
  std::string name(line[0].text);
  std::size_t i = 1;
  if (i < line.size() && line[i].kind == TokenKind::LParen && !line[i].spaceBefore) {
    m.functionLike = true;
    ++i;
    while (i < line.size() && line[i].kind != TokenKind::RParen) {
      if (isNameToken(line[i])) m.params.emplace_back(line[i].text);
      else if (line[i].text == "...") m.params.emplace_back(kVaArgs);
      // The lexer has no `...` token: P4 spells it `..` `.` (as in struct initializers).
      else if (line[i].kind == TokenKind::DotDot && i + 1 < line.size() &&
               line[i + 1].kind == TokenKind::Dot && !line[i + 1].spaceBefore) {
        m.params.emplace_back(kVaArgs);
        ++i;
      }
      ++i;
    }
    ++i;
  }
  for (; i < line.size(); ++i) m.body.push_back(line[i]);
  auto it = m_macros.find(name);
  if (it != m_macros.end() && !sameMacro(it->second, m))
    m_diags.error(DiagKind::MacroRedefined, line[0].loc, name);
  m_macros[name] = std::move(m);
}

bool MacroTable::sameMacro(const Macro& a, const Macro& b) {
  if (a.functionLike != b.functionLike || a.params != b.params ||
      a.body.size() != b.body.size())
    return false;
  for (std::size_t i = 0; i < a.body.size(); ++i)
    if (a.body[i].text != b.body[i].text) return false;
  return true;
}

// Splits "( a, (b, c) )" starting at toks[i] == '('; i ends after the ')'. With
// `maxArgs` (a variadic macro's parameter count) the commas after the last named
// argument stay inside the last one: that is __VA_ARGS__.
bool MacroTable::collectArgs(const TokenList& toks, std::size_t& i, std::vector<TokenList>& args,
                             std::size_t maxArgs) {
  int depth = 0;
  args.assign(1, {});
  for (; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::LParen && depth++ == 0) continue;
    if (t.kind == TokenKind::RParen && --depth == 0) {
      ++i;
      return true;
    }
    if (t.kind == TokenKind::Comma && depth == 1 && args.size() < maxArgs) {
      args.emplace_back();
      continue;
    }
    args.back().push_back(t);
  }
  return false;
}

MacroTable::TokenList MacroTable::expandList(const TokenList& in, const std::set<std::string>& disabled, int depth) {
  TokenList out;
  if (depth > kMaxExpansionDepth) return in;
  for (std::size_t i = 0; i < in.size();) {
    const Token& t = in[i];
    std::string name(t.text);
    if (m_tooLarge) return {};
    if (out.size() > kMaxExpandedTokens) {
      m_tooLarge = true;  // reported once; the rest of the expansion is dropped
      m_diags.error(DiagKind::MacroExpansionTooLarge, t.loc, name);
      return {};
    }
    auto it = isNameToken(t) ? m_macros.find(name) : m_macros.end();
    if (it == m_macros.end() && (name == "__FILE__" || name == "__LINE__")) {
      out.push_back(builtinMacro(name, depth == 0 ? t.loc : m_invocation));
      ++i;
      continue;
    }
    if (it == m_macros.end() || disabled.count(name)) {
      out.push_back(in[i++]);
      continue;
    }
    const Macro& m = it->second;
    std::set<std::string> inner = disabled;
    inner.insert(name);
    if (!m.functionLike) {
      if (depth == 0) m_invocation = t.loc;
      ++i;
      for (auto& e : expandList(m.body, inner, depth + 1)) out.push_back(e);
      continue;
    }
    if (i + 1 >= in.size() || in[i + 1].kind != TokenKind::LParen) {
      out.push_back(in[i++]);
      continue;
    }
    std::size_t j = i + 1;
    std::vector<TokenList> args;
    bool variadic = !m.params.empty() && m.params.back() == kVaArgs;
    if (!collectArgs(in, j, args, variadic ? m.params.size() : SIZE_MAX)) {
      m_diags.error(DiagKind::UnterminatedMacroCall, t.loc, name);
      return out;
    }
    if (args.size() == 1 && args[0].empty() && m.params.empty()) args.clear();
    // `F(a)` for `F(x, ...)`: __VA_ARGS__ is empty.
    if (variadic && args.size() + 1 == m.params.size()) args.emplace_back();
    if (args.size() != m.params.size()) {
      m_diags.error(DiagKind::MacroArgCount, t.loc, name, std::to_string(m.params.size()),
                    std::to_string(args.size()));
      i = j;
      continue;
    }
    if (depth == 0) m_invocation = t.loc;
    TokenList substituted = substitute(m, args, disabled, depth);
    for (auto& e : expandList(substituted, inner, depth + 1)) out.push_back(e);
    i = j;
  }
  return out;
}

MacroTable::TokenList MacroTable::substitute(const Macro& m, const std::vector<TokenList>& args,
                                             const std::set<std::string>& disabled, int depth) {
  auto paramIndex = [&m](const Token& t) -> std::size_t {
    std::size_t p = 0;
    while (p < m.params.size() && (!isNameToken(t) || m.params[p] != t.text)) ++p;
    return p;
  };
  const TokenList& body = m.body;
  TokenList out;
  for (std::size_t k = 0; k < body.size(); ++k) {
    const Token& b = body[k];
    if (b.kind == TokenKind::Hash && k + 1 < body.size() && paramIndex(body[k + 1]) < args.size()) {
      out.push_back(stringize(args[paramIndex(body[k + 1])], b.loc));
      ++k;
      continue;
    }
    if (b.kind == TokenKind::HashHash && !out.empty() && k + 1 < body.size()) {
      // The right operand is not macro-expanded (C rule), nor stringized twice.
      const Token& r = body[++k];
      std::size_t p = paramIndex(r);
      if (p < args.size() && r.text == kVaArgs && out.back().kind == TokenKind::Comma) {
        // `, ## __VA_ARGS__` (GNU): the comma goes away with empty variable arguments,
        // and nothing is pasted otherwise.
        if (args[p].empty()) out.pop_back();
        else out.insert(out.end(), args[p].begin(), args[p].end());
      } else if (p < args.size()) {
        paste(out, args[p]);
      } else if (r.kind == TokenKind::Hash && k + 1 < body.size() &&
                 paramIndex(body[k + 1]) < args.size()) {
        paste(out, {stringize(args[paramIndex(body[++k])], r.loc)});
      } else {
        paste(out, {r});
      }
      continue;
    }
    std::size_t p = paramIndex(b);
    if (p == args.size() || p >= m.params.size()) {
      out.push_back(b);
      continue;
    }
    bool pasted = k + 1 < body.size() && body[k + 1].kind == TokenKind::HashHash;
    if (pasted) {
      out.insert(out.end(), args[p].begin(), args[p].end());
      continue;
    }
    for (auto& a : expandList(args[p], disabled, depth + 1)) out.push_back(a);
  }
  return out;
}

// __FILE__ / __LINE__ where the outermost macro use (or the token itself) was written;
// #line renames and renumbers both.
Token MacroTable::builtinMacro(const std::string& name, SourceLocation at) {
  std::string spelling;
  if (at.file == m_lineFile && m_lineFile != 0) {
    at.line = static_cast<std::uint32_t>(at.line + m_lineDelta);
    if (m_lineShownAs != 0) at.file = m_lineShownAs;
  }
  if (name == "__LINE__") {
    spelling = std::to_string(at.line);
  } else {
    spelling = "\"";
    for (char c : m_sources.name(at.file)) {
      if (c == '"' || c == '\\') spelling += '\\';
      spelling += c;
    }
    spelling += '"';
  }
  Token t;
  if (!makeToken(spelling, at, t)) t.kind = TokenKind::StringLiteral;
  return t;
}

Token MacroTable::stringize(const TokenList& arg, SourceLocation at) {
  std::string s = "\"";
  for (std::size_t i = 0; i < arg.size(); ++i) {
    if (i && arg[i].spaceBefore) s += ' ';
    for (char c : arg[i].text) {
      if (arg[i].kind == TokenKind::StringLiteral && (c == '"' || c == '\\')) s += '\\';
      s += c;
    }
  }
  s += '"';
  Token t;
  if (!makeToken(s, at, t)) t.kind = TokenKind::StringLiteral;
  return t;
}

void MacroTable::paste(TokenList& out, const TokenList& rhs) {
  if (rhs.empty()) return;  // an empty argument pastes nothing
  Token lhs = out.back();
  std::string spelling = std::string(lhs.text) + std::string(rhs[0].text);
  Token t;
  if (makeToken(spelling, lhs.loc, t)) {
    t.spaceBefore = lhs.spaceBefore;
    out.back() = t;
  } else {
    m_diags.error(DiagKind::MacroBadPaste, lhs.loc, std::string(lhs.text),
                  std::string(rhs[0].text));
    out.push_back(rhs[0]);
  }
  out.insert(out.end(), rhs.begin() + 1, rhs.end());
}

bool MacroTable::makeToken(const std::string& spelling, SourceLocation at, Token& result) {
  FileId f = m_sources.addBuffer("<scratch space>", spelling);
  LexOptions lo;
  lo.file = f;
  std::vector<Token> toks = lexBuffer(m_sources, lo);
  if (toks.size() != 2 || toks[0].length != spelling.size() ||
      toks[0].kind == TokenKind::Error)
    return false;
  result = toks[0];
  result.loc = at;
  result.atLineStart = false;
  return true;
}

}  // namespace p4wb::compiler
