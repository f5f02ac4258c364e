// Parser: statements and blocks.
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler::parse_detail {

bool Parser::startsDeclStmt() const {
  switch (peek().kind) {
    case TokenKind::KwBit: case TokenKind::KwInt: case TokenKind::KwVarbit:
    case TokenKind::KwBool: case TokenKind::KwString: case TokenKind::KwTuple:
      return true;
    case TokenKind::KwList:
      return at(TokenKind::Less, 1);
    case TokenKind::KwError:
      return !at(TokenKind::Dot, 1);
    case TokenKind::Identifier:
      // `T x;` / `T x = e;` can only be a declaration, even when T is not a known type
      // name: parse it as one so sema reports the unknown type, not a syntax error.
      if (at(TokenKind::Identifier, 1) && (at(TokenKind::Assign, 2) || at(TokenKind::Semi, 2)))
        return true;
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
  DepthGuard guard(*this);
  if (guard.tooDeep()) {
    errorAt(DiagKind::NestingTooDeep, peek().loc);
    m_stop = true;
    return nullptr;
  }
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
    case TokenKind::KwFor:
      return parseFor();
    case TokenKind::KwBreak:
      consume();
      expectSemi("break statement");
      return std::make_unique<BreakStmt>(t.loc);
    case TokenKind::KwContinue:
      consume();
      expectSemi("continue statement");
      return std::make_unique<ContinueStmt>(t.loc);
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
      finishDecl(s->decl.get());
      return s;
    }
    default:
      break;
  }
  if (startsDeclStmt()) {
    auto s = std::make_unique<DeclStmt>(t.loc);
    s->decl = parseTypedDecl(std::move(annos), false);
    if (!s->decl) return nullptr;
    finishDecl(s->decl.get());
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

StmtPtr Parser::parseSimpleStmt() {
  SourceLocation l = peek().loc;
  if (startsDeclStmt()) {
    TypeRefPtr type = parseType();
    auto v = std::make_unique<VariableDecl>(NodeKind::VariableDecl, peek().loc);
    v->typeRef = std::move(type);
    v->name = parseName();
    if (accept(TokenKind::Assign)) v->init = parseExpr();
    finishDecl(v.get());
    auto d = std::make_unique<DeclStmt>(l);
    d->decl = std::move(v);
    return d;
  }
  ExprPtr e = parseExpr();
  if (!e) return nullptr;
  if (at(TokenKind::Assign)) {
    auto a = std::make_unique<AssignStmt>(consume().loc);
    a->lhs = std::move(e);
    a->rhs = parseExpr();
    if (!a->rhs) return nullptr;
    a->loc = l;
    return a;
  }
  if (e->kind == NodeKind::Call) {
    auto c = std::make_unique<CallStmt>(l);
    c->call.reset(static_cast<CallExpr*>(e.release()));
    return c;
  }
  errorAt(DiagKind::ExpectedStatement, l, {describe(peek())});
  return nullptr;
}

StmtPtr Parser::parseFor() {
  SourceLocation l = consume().loc;
  if (!expect(TokenKind::LParen)) {
    recoverInBlock();
    return nullptr;
  }
  pushTypeScope();
  // for (T x in collection): a type, a name, then `in`.
  std::size_t save = m_pos;
  if (startsDeclStmt()) {
    TypeRefPtr type = parseType();
    if (type && isNameToken(peek()) && at(TokenKind::KwIn, 1)) {
      auto f = std::make_unique<ForInStmt>(l);
      auto v = std::make_unique<VariableDecl>(NodeKind::VariableDecl, peek().loc);
      v->typeRef = std::move(type);
      v->name = std::string(consume().text);
      consume();  // in
      f->var = std::move(v);
      ExprPtr c = parseExpr();
      if (c && at(TokenKind::DotDot)) {
        auto r = std::make_unique<RangeExpr>(consume().loc);
        r->lo = std::move(c);
        r->hi = parseExpr();
        c = r->hi ? std::move(r) : nullptr;
      }
      f->collection = std::move(c);
      expect(TokenKind::RParen);
      f->body = parseStmt();
      popTypeScope();
      if (!f->collection || !f->body) return nullptr;
      return f;
    }
    m_pos = save;  // a C-style loop that starts with a declaration
  }
  auto f = std::make_unique<ForStmt>(l);
  while (!at(TokenKind::Semi) && !at(TokenKind::EndOfFile)) {
    StmtPtr s = parseSimpleStmt();
    if (!s) break;
    f->init.push_back(std::move(s));
    if (!accept(TokenKind::Comma)) break;
  }
  expect(TokenKind::Semi);
  if (!at(TokenKind::Semi)) f->cond = parseExpr();
  expect(TokenKind::Semi);
  while (!at(TokenKind::RParen) && !at(TokenKind::EndOfFile)) {
    StmtPtr s = parseSimpleStmt();
    if (!s) break;
    f->update.push_back(std::move(s));
    if (!accept(TokenKind::Comma)) break;
  }
  expect(TokenKind::RParen);
  f->body = parseStmt();
  popTypeScope();
  if (!f->body) return nullptr;
  return f;
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
