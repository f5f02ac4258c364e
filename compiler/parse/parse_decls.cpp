// Parser: annotations and top-level declarations (types, constants, externs, actions,
// functions, instantiations).
#include "compiler/lex/literals.h"
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler::parse_detail {

namespace {

// One-token annotation argument as an expression, or null.
ExprPtr simpleAnnotationArg(const Token& t) {
  switch (t.kind) {
    case TokenKind::StringLiteral: {
      auto e = std::make_unique<StringLiteralExpr>(t.loc);
      e->value = unescapeStringLiteral(t.text);
      return e;
    }
    case TokenKind::IntLiteral: {
      auto e = std::make_unique<IntLiteralExpr>(t.loc);
      e->text = std::string(t.text);
      IntLiteralInfo info = parseIntLiteral(t.text);
      e->width = info.width;
      e->isSigned = info.isSigned;
      e->value = sema::ConstValue::makeInt(info.value, info.isSigned);
      return e;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
      auto e = std::make_unique<BoolLiteralExpr>(t.loc);
      e->value = t.kind == TokenKind::KwTrue;
      return e;
    }
    case TokenKind::Identifier: {
      auto e = std::make_unique<PathExpr>(t.loc);
      e->name = std::string(t.text);
      return e;
    }
    default:
      return nullptr;
  }
}

}  // namespace

std::vector<Annotation> Parser::parseAnnotations() {
  std::vector<Annotation> annos;
  while (at(TokenKind::Annotation)) {
    Annotation a;
    a.loc = peek().loc;
    a.name = std::string(consume().text.substr(1));
    if (a.name == "pragma") {
      // @pragma takes the rest of its line, unbracketed.
      while (!at(TokenKind::EndOfFile) && !peek().atLineStart) {
        if (!a.body.empty() && peek().spaceBefore) a.body += ' ';
        a.body += consume().text;
      }
    } else if (at(TokenKind::LParen) || at(TokenKind::LBracket)) {
      TokenKind open = peek().kind;
      TokenKind close = open == TokenKind::LParen ? TokenKind::RParen : TokenKind::RBracket;
      consume();
      int depth = 1;
      std::vector<std::vector<Token>> chunks(1);
      while (!at(TokenKind::EndOfFile)) {
        const Token& t = peek();
        if (t.kind == open) ++depth;
        if (t.kind == close && --depth == 0) break;
        if (!a.body.empty() && t.spaceBefore) a.body += ' ';
        a.body += t.text;
        if (depth == 1 && t.kind == TokenKind::Comma) chunks.emplace_back();
        else chunks.back().push_back(t);
        consume();
      }
      expect(close);
      if (open == TokenKind::LParen) {
        for (const auto& c : chunks) {
          if (c.size() != 1) continue;
          if (ExprPtr e = simpleAnnotationArg(c[0])) a.args.push_back(std::move(e));
        }
      }
    }
    annos.push_back(std::move(a));
  }
  return annos;
}

DeclPtr Parser::parseTopDecl() {
  auto annos = parseAnnotations();
  switch (peek().kind) {
    case TokenKind::KwConst: return parseConst(std::move(annos));
    case TokenKind::KwTypedef:
    case TokenKind::KwType: return parseTypedef(std::move(annos));
    case TokenKind::KwHeader:
    case TokenKind::KwStruct:
    case TokenKind::KwHeaderUnion: return parseStructLike(std::move(annos));
    case TokenKind::KwEnum: return parseEnum(std::move(annos));
    case TokenKind::KwError:
    case TokenKind::KwMatchKind:
      if (at(TokenKind::LBrace, 1)) return parseErrorOrMatchKind(std::move(annos));
      break;
    case TokenKind::KwExtern: return parseExtern(std::move(annos));
    case TokenKind::KwParser: return parseParserOrControl(std::move(annos), true);
    case TokenKind::KwControl: return parseParserOrControl(std::move(annos), false);
    case TokenKind::KwPackage: return parsePackage(std::move(annos));
    case TokenKind::KwAction: return parseAction(std::move(annos));
    default: break;
  }
  if (startsType() || isNameToken(peek())) return parseTypedDecl(std::move(annos), true);
  return nullptr;
}

DeclPtr Parser::parseConst(std::vector<Annotation> annos) {
  auto d = std::make_unique<VariableDecl>(NodeKind::ConstDecl, consume().loc);
  d->annotations = std::move(annos);
  d->typeRef = parseType();
  if (!d->typeRef) {
    recoverInBlock();
    return nullptr;
  }
  d->loc = peek().loc;
  d->name = parseName();
  if (expect(TokenKind::Assign)) d->init = parseExpr();
  if (!d->init) {
    recoverInBlock();
    return nullptr;
  }
  expectSemi("constant declaration");
  return d;
}

DeclPtr Parser::parseTypedef(std::vector<Annotation> annos) {
  auto d = std::make_unique<TypedefDecl>(peek().loc);
  d->isNewType = consume().kind == TokenKind::KwType;
  d->annotations = std::move(annos);
  d->aliased = parseType();
  if (!d->aliased) {
    recoverInBlock();
    return nullptr;
  }
  d->loc = peek().loc;
  d->name = parseName();
  declareTypeName(d->name);
  expectSemi(d->isNewType ? "type declaration" : "typedef");
  return d;
}

DeclPtr Parser::parseStructLike(std::vector<Annotation> annos) {
  Token kw = consume();
  NodeKind kind = kw.kind == TokenKind::KwHeader   ? NodeKind::HeaderDecl
                  : kw.kind == TokenKind::KwStruct ? NodeKind::StructDecl
                                                   : NodeKind::HeaderUnionDecl;
  auto d = std::make_unique<StructTypeDecl>(kind, peek().loc);
  d->annotations = std::move(annos);
  d->name = parseName();
  declareTypeName(d->name);
  pushTypeScope();
  d->typeParams = parseOptTypeParams();
  if (!expect(TokenKind::LBrace)) {
    popTypeScope();
    recoverTopLevel();
    return d;
  }
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    auto fannos = parseAnnotations();
    auto f = std::make_unique<FieldDecl>(peek().loc);
    f->annotations = std::move(fannos);
    f->typeRef = parseType();
    if (!f->typeRef) {
      recoverInBlock();
      continue;
    }
    f->loc = peek().loc;
    f->name = parseName();
    expectSemi("field declaration");
    finishDecl(f.get());
    d->fields.push_back(std::move(f));
  }
  popTypeScope();
  expect(TokenKind::RBrace);
  return d;
}

DeclPtr Parser::parseEnum(std::vector<Annotation> annos) {
  consume();
  auto d = std::make_unique<EnumDecl>(NodeKind::EnumDecl, peek().loc);
  d->annotations = std::move(annos);
  if (at(TokenKind::KwBit) || at(TokenKind::KwInt)) d->underlying = parseType();
  d->loc = peek().loc;
  d->name = parseName();
  declareTypeName(d->name);
  if (!expect(TokenKind::LBrace)) {
    recoverTopLevel();
    return d;
  }
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile)) {
    auto mannos = parseAnnotations();
    auto m = std::make_unique<EnumMemberDecl>(peek().loc);
    m->annotations = std::move(mannos);
    m->name = parseName();
    if (m->name.empty()) break;
    if (accept(TokenKind::Assign)) m->value = parseExpr();
    m->index = static_cast<unsigned>(d->members.size());
    finishDecl(m.get());
    d->members.push_back(std::move(m));
    if (!accept(TokenKind::Comma)) break;
  }
  if (!expect(TokenKind::RBrace)) recoverTopLevel();
  return d;
}

DeclPtr Parser::parseErrorOrMatchKind(std::vector<Annotation> annos) {
  Token kw = consume();
  NodeKind kind = kw.kind == TokenKind::KwError ? NodeKind::ErrorDecl : NodeKind::MatchKindDecl;
  auto d = std::make_unique<EnumDecl>(kind, kw.loc);
  d->annotations = std::move(annos);
  d->name = kw.kind == TokenKind::KwError ? "error" : "match_kind";
  expect(TokenKind::LBrace);
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile)) {
    auto m = std::make_unique<EnumMemberDecl>(peek().loc);
    m->annotations = parseAnnotations();
    m->loc = peek().loc;
    m->name = parseName();
    if (m->name.empty()) break;
    m->index = static_cast<unsigned>(d->members.size());
    finishDecl(m.get());
    d->members.push_back(std::move(m));
    if (!accept(TokenKind::Comma)) break;
  }
  if (!expect(TokenKind::RBrace)) recoverTopLevel();
  return d;
}

DeclPtr Parser::parseExtern(std::vector<Annotation> annos) {
  consume();
  bool isObject = false;
  if (isNameToken(peek())) {
    if (at(TokenKind::LBrace, 1)) {
      isObject = true;
    } else if (at(TokenKind::Less, 1)) {
      int depth = 0;
      for (std::size_t i = 1; !isObject; ++i) {
        TokenKind k = peek(i).kind;
        if (k == TokenKind::EndOfFile || k == TokenKind::Semi) break;
        if (k == TokenKind::Less) ++depth;
        if (k == TokenKind::Greater && --depth == 0) {
          isObject = peek(i + 1).kind == TokenKind::LBrace;
          break;
        }
      }
    }
  }
  if (!isObject) {
    auto f = std::make_unique<FunctionPrototype>(peek().loc);
    f->annotations = std::move(annos);
    pushTypeScope();
    f->returnType = parseType();
    if (!f->returnType) {
      popTypeScope();
      recoverTopLevel();
      return nullptr;
    }
    f->loc = peek().loc;
    f->name = parseName();
    f->typeParams = parseOptTypeParams();
    f->params = parseParams();
    popTypeScope();
    expectSemi("extern function declaration");
    return f;
  }
  auto e = std::make_unique<ExternDecl>(peek().loc);
  e->annotations = std::move(annos);
  e->name = parseName();
  declareTypeName(e->name);
  pushTypeScope();
  e->typeParams = parseOptTypeParams();
  expect(TokenKind::LBrace);
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
    std::size_t before = m_pos;
    auto m = parseMethod(e->name);
    if (m) {
      finishDecl(m.get());
      m->owner = e.get();
      e->methods.push_back(std::move(m));
    }
    if (m_pos == before) consume();
  }
  popTypeScope();
  expect(TokenKind::RBrace);
  return e;
}

std::unique_ptr<FunctionPrototype> Parser::parseMethod(const std::string& externName) {
  auto annos = parseAnnotations();
  auto m = std::make_unique<FunctionPrototype>(peek().loc);
  m->annotations = std::move(annos);
  if (at(TokenKind::KwAbstract)) {
    consume();
    m->isAbstract = true;
  }
  pushTypeScope();
  if (isNameToken(peek()) && peek().text == externName && at(TokenKind::LParen, 1)) {
    m->isConstructor = true;
    m->name = std::string(consume().text);
  } else {
    m->returnType = parseType();
    if (!m->returnType) {
      popTypeScope();
      recoverInBlock();
      return nullptr;
    }
    m->loc = peek().loc;
    m->name = parseName();
    m->typeParams = parseOptTypeParams();
  }
  m->params = parseParams();
  popTypeScope();
  expectSemi("method declaration");
  return m;
}

DeclPtr Parser::parseAction(std::vector<Annotation> annos) {
  consume();
  auto a = std::make_unique<ActionDecl>(peek().loc);
  a->annotations = std::move(annos);
  a->name = parseName();
  a->params = parseParams();
  a->body = parseBlock();
  return a;
}

DeclPtr Parser::parseTypedDecl(std::vector<Annotation> annos, bool allowFunction) {
  SourceLocation start = peek().loc;
  TypeRefPtr type = parseType();
  if (!type) {
    recoverInBlock();
    return nullptr;
  }
  if (at(TokenKind::LParen)) {
    auto inst = std::make_unique<InstantiationDecl>(start);
    inst->annotations = std::move(annos);
    inst->typeRef = std::move(type);
    inst->args = parseArgs();
    inst->loc = peek().loc;
    inst->name = parseName();
    if (at(TokenKind::Assign) && at(TokenKind::LBrace, 1)) {
      consume();
      consume();
      while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !failing()) {
        std::size_t before = m_pos;
        auto fannos = parseAnnotations();
        if (auto f = parseTypedDecl(std::move(fannos), true)) {
          finishDecl(f.get());
          inst->initializer.push_back(std::move(f));
        }
        if (m_pos == before) consume();
      }
      expect(TokenKind::RBrace);
    }
    expectSemi("instantiation");
    return inst;
  }
  SourceLocation nameLoc;
  std::string name = parseName(&nameLoc);
  if (name.empty()) {
    recoverInBlock();
    return nullptr;
  }
  if (allowFunction && (at(TokenKind::LParen) || at(TokenKind::Less))) {
    auto f = std::make_unique<FunctionDecl>(nameLoc);
    f->annotations = std::move(annos);
    f->name = std::move(name);
    f->returnType = std::move(type);
    pushTypeScope();
    f->typeParams = parseOptTypeParams();
    f->params = parseParams();
    f->body = parseBlock();
    popTypeScope();
    return f;
  }
  auto v = std::make_unique<VariableDecl>(NodeKind::VariableDecl, nameLoc);
  v->annotations = std::move(annos);
  v->name = std::move(name);
  v->typeRef = std::move(type);
  if (accept(TokenKind::Assign)) v->init = parseExpr();
  expectSemi("declaration");
  return v;
}

}  // namespace p4wb::compiler::parse_detail
