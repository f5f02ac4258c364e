// Parser: parser and control declarations (states, transitions, tables) and packages.
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler::parse_detail {

DeclPtr Parser::parseParserOrControl(std::vector<Annotation> annos, bool isParser) {
  consume();
  SourceLocation loc = peek().loc;
  std::string name = parseName();
  declareTypeName(name);
  pushTypeScope();
  TypeParams typeParams = parseOptTypeParams();
  Params params = parseParams();
  if (accept(TokenKind::Semi)) {
    popTypeScope();
    auto t = std::make_unique<BlockTypeDecl>(
        isParser ? NodeKind::ParserTypeDecl : NodeKind::ControlTypeDecl, loc);
    t->annotations = std::move(annos);
    t->name = std::move(name);
    t->typeParams = std::move(typeParams);
    t->params = std::move(params);
    return t;
  }
  Params ctorParams;
  if (at(TokenKind::LParen)) ctorParams = parseParams();
  DeclPtr result;
  if (!expect(TokenKind::LBrace)) {
    popTypeScope();
    recoverTopLevel();
    return nullptr;
  }
  if (isParser) {
    auto p = std::make_unique<ParserDecl>(loc);
    p->name = std::move(name);
    p->annotations = std::move(annos);
    p->typeParams = std::move(typeParams);
    p->params = std::move(params);
    p->ctorParams = std::move(ctorParams);
    parseParserBody(*p);
    result = std::move(p);
  } else {
    auto c = std::make_unique<ControlDecl>(loc);
    c->name = std::move(name);
    c->annotations = std::move(annos);
    c->typeParams = std::move(typeParams);
    c->params = std::move(params);
    c->ctorParams = std::move(ctorParams);
    parseControlBody(*c);
    result = std::move(c);
  }
  popTypeScope();
  expect(TokenKind::RBrace);
  return result;
}

DeclPtr Parser::parsePackage(std::vector<Annotation> annos) {
  consume();
  auto p = std::make_unique<BlockTypeDecl>(NodeKind::PackageTypeDecl, peek().loc);
  p->annotations = std::move(annos);
  p->name = parseName();
  declareTypeName(p->name);
  pushTypeScope();
  p->typeParams = parseOptTypeParams();
  p->params = parseParams();
  popTypeScope();
  expectSemi("package declaration");
  return p;
}

void Parser::parseParserBody(ParserDecl& p) {
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    std::size_t before = m_pos;
    auto annos = parseAnnotations();
    if (at(TokenKind::KwState)) {
      if (auto s = parseState(std::move(annos))) p.states.push_back(std::move(s));
    } else if (at(TokenKind::KwConst)) {
      if (auto d = parseConst(std::move(annos))) p.locals.push_back(std::move(d));
    } else if (at(TokenKind::KwValueSet)) {
      auto v = std::make_unique<ValueSetDecl>(consume().loc);
      v->annotations = std::move(annos);
      expect(TokenKind::Less);
      v->elementType = parseType();
      expect(TokenKind::Greater);
      expect(TokenKind::LParen);
      v->size = parseExpr();
      expect(TokenKind::RParen);
      v->loc = peek().loc;
      v->name = parseName();
      expectSemi("value_set declaration");
      p.locals.push_back(std::move(v));
    } else if (startsDeclStmt()) {
      if (auto d = parseTypedDecl(std::move(annos), false)) p.locals.push_back(std::move(d));
    } else {
      errorAt(DiagKind::ExpectedToken, peek().loc, {"'state'", describe(peek())});
      recoverInBlock();
    }
    if (!p.locals.empty() && !p.locals.back()->endLoc.valid()) finishDecl(p.locals.back().get());
    if (m_pos == before) consume();
  }
}

std::unique_ptr<ParserStateDecl> Parser::parseState(std::vector<Annotation> annos) {
  consume();
  auto s = std::make_unique<ParserStateDecl>(peek().loc);
  s->annotations = std::move(annos);
  s->name = parseName();
  if (!expect(TokenKind::LBrace)) {
    recoverInBlock();
    return s;
  }
  pushTypeScope();
  while (!at(TokenKind::KwTransition) && !at(TokenKind::RBrace) &&
         !at(TokenKind::EndOfFile) && !failing()) {
    std::size_t before = m_pos;
    if (StmtPtr st = parseStmt()) s->stmts.push_back(std::move(st));
    if (m_pos == before) consume();
  }
  if (at(TokenKind::KwTransition)) parseTransition(s->transition);
  popTypeScope();
  expect(TokenKind::RBrace);
  finishDecl(s.get());
  return s;
}

void Parser::parseTransition(Transition& t) {
  t.loc = consume().loc;
  if (!at(TokenKind::KwSelect)) {
    t.kind = Transition::Kind::Direct;
    t.nextState = parseName(&t.nextLoc);
    expectSemi("transition");
    return;
  }
  consume();
  t.kind = Transition::Kind::Select;
  expect(TokenKind::LParen);
  do {
    ExprPtr e = parseExpr();
    if (!e) break;
    t.selectExprs.push_back(std::move(e));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::RParen);
  if (!expect(TokenKind::LBrace)) {
    recoverInBlock();
    return;
  }
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    SelectCase c;
    c.loc = peek().loc;
    c.keysets = parseTupleKeyset();
    if (c.keysets.empty() || !expect(TokenKind::Colon)) {
      recoverInBlock();
      continue;
    }
    c.nextLoc = peek().loc;
    c.nextState = parseName();
    expectSemi("select case");
    t.cases.push_back(std::move(c));
  }
  expect(TokenKind::RBrace);
}

void Parser::parseControlBody(ControlDecl& c) {
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    std::size_t before = m_pos;
    auto annos = parseAnnotations();
    if (at(TokenKind::KwAction)) {
      if (auto a = parseAction(std::move(annos))) c.locals.push_back(std::move(a));
    } else if (at(TokenKind::KwTable)) {
      if (auto t = parseTable(std::move(annos))) c.locals.push_back(std::move(t));
    } else if (at(TokenKind::KwConst)) {
      if (auto d = parseConst(std::move(annos))) c.locals.push_back(std::move(d));
    } else if (at(TokenKind::KwApply)) {
      consume();
      c.apply = parseBlock();
    } else if (startsDeclStmt()) {
      if (auto d = parseTypedDecl(std::move(annos), false)) c.locals.push_back(std::move(d));
    } else {
      errorAt(DiagKind::ExpectedDeclaration, peek().loc, {describe(peek())});
      recoverInBlock();
    }
    if (!c.locals.empty() && !c.locals.back()->endLoc.valid()) finishDecl(c.locals.back().get());
    if (m_pos == before) consume();
  }
}

DeclPtr Parser::parseTable(std::vector<Annotation> annos) {
  consume();
  auto t = std::make_unique<TableDecl>(peek().loc);
  t->annotations = std::move(annos);
  t->name = parseName();
  if (!expect(TokenKind::LBrace)) {
    recoverInBlock();
    return t;
  }
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    std::size_t before = m_pos;
    parseTableProperty(*t);
    if (m_pos == before) consume();
  }
  expect(TokenKind::RBrace);
  return t;
}

ActionRef Parser::parseActionRef() {
  ActionRef r;
  r.annotations = parseAnnotations();
  r.loc = peek().loc;
  r.expr = parseExpr();
  return r;
}

void Parser::parseTableProperty(TableDecl& t) {
  auto annos = parseAnnotations();
  bool isConst = accept(TokenKind::KwConst);
  if (accept(TokenKind::KwKey)) {
    expect(TokenKind::Assign);
    if (!expect(TokenKind::LBrace)) return recoverInBlock();
    while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
      TableKey k;
      k.loc = peek().loc;
      k.expr = parseExpr();
      if (!k.expr || !expect(TokenKind::Colon)) {
        recoverInBlock();
        continue;
      }
      k.matchKind = parseName(&k.matchKindLoc);
      k.annotations = parseAnnotations();
      expectSemi("key element");
      t.keys.push_back(std::move(k));
    }
    expect(TokenKind::RBrace);
    return;
  }
  if (accept(TokenKind::KwActions)) {
    expect(TokenKind::Assign);
    if (!expect(TokenKind::LBrace)) return recoverInBlock();
    while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
      ActionRef r = parseActionRef();
      if (!r.expr) {
        recoverInBlock();
        continue;
      }
      expectSemi("action reference");
      t.actions.push_back(std::move(r));
    }
    expect(TokenKind::RBrace);
    return;
  }
  if (accept(TokenKind::KwEntries)) {
    t.entriesConst = isConst;
    expect(TokenKind::Assign);
    if (!expect(TokenKind::LBrace)) return recoverInBlock();
    while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
      TableEntry e;
      e.loc = peek().loc;
      // `@priority(N)` before an entry is the annotation form of `priority = N :`.
      for (auto& a : parseAnnotations())
        if (a.name == "priority" && a.args.size() == 1) e.priority = std::move(a.args[0]);
      e.isConst = accept(TokenKind::KwConst) || isConst;
      if (accept(TokenKind::KwPriority)) {
        expect(TokenKind::Assign);
        e.priority = parseExpr();
        expect(TokenKind::Colon);
      }
      e.keys = parseTupleKeyset();
      if (e.keys.empty() || !expect(TokenKind::Colon)) {
        recoverInBlock();
        continue;
      }
      e.action = parseActionRef();
      expectSemi("table entry");
      t.entries.push_back(std::move(e));
    }
    expect(TokenKind::RBrace);
    return;
  }
  SourceLocation nameLoc;
  std::string name = parseName(&nameLoc);
  if (name.empty() || !expect(TokenKind::Assign)) return recoverInBlock();
  if (name == "default_action") {
    ActionRef r;
    r.annotations = std::move(annos);
    r.loc = peek().loc;
    r.expr = parseExpr();
    t.defaultAction = std::move(r);
    t.defaultActionConst = isConst;
  } else {
    ExprPtr e = parseExpr();
    if (name == "size") t.size = std::move(e);
    else if (name == "implementation") t.implementation = std::move(e);
    else t.otherProperties.emplace_back(name, std::move(e));
  }
  expectSemi("table property");
}

}  // namespace p4wb::compiler::parse_detail
