// Parser: token access, diagnostics, recovery and the top-level loop.
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler {

namespace parse_detail {

Parser::Parser(const ParseOptions& opts)
    : m_toks(*opts.tokens), m_diags(*opts.diags), m_opts(opts) {
  m_typeScopes.emplace_back();
}

const Token& Parser::peek(std::size_t ahead) const {
  std::size_t i = m_pos + ahead;
  return i < m_toks.size() ? m_toks[i] : m_toks.back();
}

Token Parser::consume() {
  Token t = peek();
  if (m_pos + 1 < m_toks.size()) ++m_pos;
  m_prev = t;
  return t;
}

void Parser::finishDecl(Decl* d) const {
  if (!d || !m_prev.loc.valid()) return;
  d->endLoc = m_prev.loc;
  d->endLoc.column += m_prev.length;
}

Expr* Parser::finishExpr(Expr* e) const {
  if (!e || !m_prev.loc.valid()) return e;
  e->endLoc = m_prev.loc;
  e->endLoc.column += m_prev.length;
  return e;
}

bool Parser::accept(TokenKind k) {
  if (!at(k)) return false;
  consume();
  return true;
}

std::string Parser::describe(const Token& t) const {
  if (t.kind == TokenKind::EndOfFile) return "end of file";
  return "'" + std::string(t.text) + "'";
}

void Parser::errorAt(DiagKind kind, SourceLocation loc, std::vector<std::string> args) {
  if (m_stop) return;
  // One error per place: recovery may re-report where it stopped.
  if (loc == m_lastErrorLoc && loc.valid()) return;
  m_lastErrorLoc = loc;
  if (++m_errors > m_opts.maxErrors) {
    m_diags.report(DiagKind::TooManyErrors, loc);
    m_stop = true;
    return;
  }
  m_diags.report(kind, loc, std::move(args));
}

bool Parser::expect(TokenKind k) {
  if (accept(k)) return true;
  errorAt(DiagKind::ExpectedToken, peek().loc,
          {std::string(tokenKindDescription(k)), describe(peek())});
  return false;
}

void Parser::expectSemi(const char* what) {
  if (accept(TokenKind::Semi)) return;
  SourceLocation after = m_prev.loc;
  after.column += m_prev.length;
  errorAt(DiagKind::ExpectedAfter, after, {"';'", what});
  // A missing ';' at the end of a line: carry on as if it were there.
  if (peek().loc.line != m_prev.loc.line || at(TokenKind::RBrace)) return;
  recoverInBlock();
}

bool Parser::isNameToken(const Token& t) const {
  switch (t.kind) {
    case TokenKind::Identifier:
    case TokenKind::KwApply:
    case TokenKind::KwKey:
    case TokenKind::KwActions:
    case TokenKind::KwState:
    case TokenKind::KwEntries:
    case TokenKind::KwType:
    case TokenKind::KwPriority:
    case TokenKind::KwList:
      return true;
    default:
      return false;
  }
}

std::string Parser::parseName(SourceLocation* loc) {
  if (loc) *loc = peek().loc;
  if (isNameToken(peek())) return std::string(consume().text);
  errorAt(DiagKind::ExpectedToken, peek().loc, {"identifier", describe(peek())});
  return {};
}

bool Parser::isTypeName(std::string_view name) const {
  for (auto it = m_typeScopes.rbegin(); it != m_typeScopes.rend(); ++it)
    if (it->count(name)) return true;
  return false;
}

void Parser::declareTypeName(const std::string& name) {
  if (!name.empty()) m_typeScopes.back().insert(name);
}

void Parser::recoverInBlock() {
  int depth = 0;
  while (!at(TokenKind::EndOfFile)) {
    TokenKind k = peek().kind;
    if (depth == 0 && k == TokenKind::Semi) {
      consume();
      return;
    }
    if (depth == 0 && k == TokenKind::RBrace) return;
    if (k == TokenKind::LBrace || k == TokenKind::LParen) ++depth;
    if ((k == TokenKind::RBrace || k == TokenKind::RParen) && depth > 0) --depth;
    consume();
  }
}

void Parser::recoverTopLevel() {
  int depth = 0;
  bool moved = false;
  while (!at(TokenKind::EndOfFile)) {
    const Token& t = peek();
    if (depth == 0 && moved && t.atLineStart) {
      switch (t.kind) {
        case TokenKind::KwHeader: case TokenKind::KwStruct: case TokenKind::KwHeaderUnion:
        case TokenKind::KwControl: case TokenKind::KwParser: case TokenKind::KwPackage:
        case TokenKind::KwExtern: case TokenKind::KwConst: case TokenKind::KwTypedef:
        case TokenKind::KwType: case TokenKind::KwEnum: case TokenKind::KwAction:
        case TokenKind::KwMatchKind: case TokenKind::KwError: case TokenKind::Annotation:
          return;
        default: break;
      }
    }
    if (t.kind == TokenKind::LBrace) ++depth;
    if (t.kind == TokenKind::RBrace) {
      if (--depth <= 0) {
        consume();
        return;
      }
    }
    if (t.kind == TokenKind::Semi && depth == 0) {
      consume();
      return;
    }
    consume();
    moved = true;
  }
}

std::unique_ptr<Program> Parser::parseProgram() {
  auto prog = std::make_unique<Program>();
  while (!at(TokenKind::EndOfFile) && !m_stop) {
    if (m_opts.cancel && m_opts.cancel->load()) {
      m_cancelled = true;
      break;
    }
    if (accept(TokenKind::Semi)) continue;
    std::size_t before = m_pos;
    DeclPtr d = parseTopDecl();
    finishDecl(d.get());
    if (d) prog->decls.push_back(std::move(d));
    if (m_pos == before) {
      errorAt(DiagKind::ExpectedDeclaration, peek().loc, {describe(peek())});
      recoverTopLevel();
    }
  }
  return prog;
}

}  // namespace parse_detail

ParseResult parseProgram(const ParseOptions& options) {
  ParseResult r;
  if (!options.tokens || options.tokens->empty() || !options.diags) {
    r.program = std::make_unique<ast::Program>();
    return r;
  }
  parse_detail::Parser p(options);
  r.program = p.parseProgram();
  r.cancelled = p.cancelled();
  return r;
}

}  // namespace p4wb::compiler
