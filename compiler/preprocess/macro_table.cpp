// MacroTable: definitions and expansion.
#include "compiler/preprocess/macro_table.h"

#include "compiler/diag/diagnostics.h"

namespace p4wb::compiler {

namespace {

constexpr int kMaxExpansionDepth = 256;
constexpr std::size_t kMaxExpandedTokens = 1u << 17;

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
      else if (line[i].text == "...") m.params.emplace_back("__VA_ARGS__");
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

// Splits "( a, (b, c) )" starting at toks[i] == '('; i ends after the ')'.
bool MacroTable::collectArgs(const TokenList& toks, std::size_t& i, std::vector<TokenList>& args) {
  int depth = 0;
  args.assign(1, {});
  for (; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::LParen && depth++ == 0) continue;
    if (t.kind == TokenKind::RParen && --depth == 0) {
      ++i;
      return true;
    }
    if (t.kind == TokenKind::Comma && depth == 1) {
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
    if (it == m_macros.end() || disabled.count(name)) {
      out.push_back(in[i++]);
      continue;
    }
    const Macro& m = it->second;
    std::set<std::string> inner = disabled;
    inner.insert(name);
    if (!m.functionLike) {
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
    if (!collectArgs(in, j, args)) {
      m_diags.error(DiagKind::UnterminatedMacroCall, t.loc, name);
      return out;
    }
    if (args.size() == 1 && args[0].empty() && m.params.empty()) args.clear();
    if (args.size() != m.params.size()) {
      m_diags.error(DiagKind::MacroArgCount, t.loc, name, std::to_string(m.params.size()),
                    std::to_string(args.size()));
      i = j;
      continue;
    }
    TokenList substituted;
    for (const Token& b : m.body) {
      std::size_t p = 0;
      while (p < m.params.size() && (!isNameToken(b) || m.params[p] != b.text)) ++p;
      if (p == m.params.size()) {
        substituted.push_back(b);
        continue;
      }
      for (auto& a : expandList(args[p], disabled, depth + 1)) substituted.push_back(a);
    }
    for (auto& e : expandList(substituted, inner, depth + 1)) out.push_back(e);
    i = j;
  }
  return out;
}

}  // namespace p4wb::compiler
