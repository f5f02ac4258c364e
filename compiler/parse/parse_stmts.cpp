// Parser: statements and blocks.
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler::parse_detail {

bool Parser::startsDeclStmt() const {
  switch (peek().kind) {
    case TokenKind::KwBit: case TokenKind::KwInt: case TokenKind::KwVarbit:
    case TokenKind::KwBool: case TokenKind::KwString: case TokenKind::KwTuple:
      return true;
    case TokenKind::KwError:
      return !at(TokenKind::Dot, 1);
    case TokenKind::Identifier:
      return isTypeName(peek().text) && !at(TokenKind::Dot, 1);
    default:
      return false;
  }
}

std::unique_ptr<BlockStmt> Parser::parseBlock() {
  auto b = std::make_unique<BlockStmt>(peek().loc);
  if (!expect(TokenKind::LBrace)) {
    recoverInBlock();
    return b;
  }
  pushTypeScope();
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    std::size_t before = m_pos;
    StmtPtr s = parseStmt();
    if (s) b->stmts.push_back(std::move(s));
    if (m_pos == before) consume();  // guarantee progress
  }
  popTypeScope();
  expect(TokenKind::RBrace);
  return b;
}

StmtPtr Parser::parseStmt() {
  auto annos = parseAnnotations();
  const Token t = peek();
  switch (t.kind) {
    case TokenKind::LBrace: {
      auto b = parseBlock();
      b->annotations = std::move(annos);
      return b;
    }
    case TokenKind::Semi:
      consume();
      return std::make_unique<EmptyStmt>(t.loc);
    case TokenKind::KwIf: {
      consume();
      auto s = std::make_unique<IfStmt>(t.loc);
      expect(TokenKind::LParen);
      s->cond = parseExpr();
      expect(TokenKind::RParen);
      s->thenStmt = parseStmt();
      if (accept(TokenKind::KwElse)) s->elseStmt = parseStmt();
      if (!s->cond || !s->thenStmt) return nullptr;
      return s;
    }
    case TokenKind::KwSwitch:
      return parseSwitch();
    case TokenKind::KwReturn: {
      consume();
      auto s = std::make_unique<ReturnStmt>(t.loc);
      if (!at(TokenKind::Semi)) s->value = parseExpr();
      expectSemi("return statement");
      return s;
    }
    case TokenKind::KwExit:
      consume();
      expectSemi("exit statement");
      return std::make_unique<ExitStmt>(t.loc);
    case TokenKind::KwConst: {
      auto s = std::make_unique<DeclStmt>(t.loc);
      s->decl = parseConst(std::move(annos));
      if (!s->decl) return nullptr;
      return s;
    }
    default:
      break;
  }
  if (startsDeclStmt()) {
    auto s = std::make_unique<DeclStmt>(t.loc);
    s->decl = parseTypedDecl(std::move(annos), false);
    if (!s->decl) return nullptr;
    return s;
  }
  ExprPtr e = parseExpr();
  if (!e) {
    recoverInBlock();
    return nullptr;
  }
  if (at(TokenKind::Assign)) {
    auto s = std::make_unique<AssignStmt>(consume().loc);
    s->lhs = std::move(e);
    s->rhs = parseExpr();
    if (!s->rhs) {
      recoverInBlock();
      return nullptr;
    }
    s->loc = s->lhs->loc;
    expectSemi("statement");
    return s;
  }
  if (e->kind == NodeKind::Call) {
    auto s = std::make_unique<CallStmt>(e->loc);
    s->call.reset(static_cast<CallExpr*>(e.release()));
    expectSemi("statement");
    return s;
  }
  errorAt(DiagKind::ExpectedStatement, e->loc, {describe(t)});
  recoverInBlock();
  return nullptr;
}

StmtPtr Parser::parseSwitch() {
  auto s = std::make_unique<SwitchStmt>(consume().loc);
  expect(TokenKind::LParen);
  s->subject = parseExpr();
  expect(TokenKind::RParen);
  if (!expect(TokenKind::LBrace)) {
    recoverInBlock();
    return nullptr;
  }
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    SwitchCase c;
    c.loc = peek().loc;
    if (at(TokenKind::KwDefault)) c.label = std::make_unique<DefaultExpr>(consume().loc);
    else c.label = parseExpr();
    if (!c.label || !expect(TokenKind::Colon)) {
      recoverInBlock();
      if (at(TokenKind::RBrace)) break;
      continue;
    }
    if (at(TokenKind::LBrace)) c.body = parseBlock();
    s->cases.push_back(std::move(c));
  }
  expect(TokenKind::RBrace);
  if (!s->subject) return nullptr;
  return s;
}

}  // namespace p4wb::compiler::parse_detail
