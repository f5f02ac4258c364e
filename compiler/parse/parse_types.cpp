// Parser: types, type parameters and parameter lists.
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler::parse_detail {

bool Parser::startsType() const {
  switch (peek().kind) {
    case TokenKind::KwBit: case TokenKind::KwInt: case TokenKind::KwVarbit:
    case TokenKind::KwBool: case TokenKind::KwError: case TokenKind::KwString:
    case TokenKind::KwVoid: case TokenKind::KwTuple: case TokenKind::KwMatchKind:
    case TokenKind::KwList:
      return true;
    case TokenKind::Identifier:
      return isTypeName(peek().text);
    case TokenKind::Dot:
      return isNameToken(peek(1)) && isTypeName(peek(1).text);
    default:
      return false;
  }
}

TypeRefPtr Parser::parseType() {
  TypeRefPtr t = parseBaseType();
  // Header stacks: T[size]
  while (t && at(TokenKind::LBracket)) {
    SourceLocation l = consume().loc;
    auto s = std::make_unique<TypeRef>(TypeRef::Form::Stack, l);
    s->element = std::move(t);
    s->size = parseExpr();
    expect(TokenKind::RBracket);
    t = std::move(s);
  }
  return t;
}

TypeRefPtr Parser::parseBaseType() {
  using F = TypeRef::Form;
  SourceLocation l = peek().loc;
  auto make = [&](F f) { return std::make_unique<TypeRef>(f, l); };
  auto withWidth = [&](F f) {
    consume();
    auto t = make(f);
    if (accept(TokenKind::Less)) {
      // A literal, a name, or a parenthesized expression; never a bare binary op
      // because its '>' would close the type.
      t->width = parsePrimary();
      expect(TokenKind::Greater);
    } else if (f == F::Bits) {
      auto one = std::make_unique<IntLiteralExpr>(l);
      one->text = "1";
      one->value = sema::ConstValue::makeInt(llvm::APInt(sema::ConstValue::kInfIntWidth, 1), false);
      t->width = std::move(one);
    } else if (f == F::SignedBits) {
      t->form = F::InfInt;  // bare `int`
    }
    return t;
  };
  switch (peek().kind) {
    case TokenKind::KwBit: return withWidth(F::Bits);
    case TokenKind::KwInt: return withWidth(F::SignedBits);
    case TokenKind::KwVarbit: return withWidth(F::Varbit);
    case TokenKind::KwBool: consume(); return make(F::Bool);
    case TokenKind::KwError: consume(); return make(F::Error);
    case TokenKind::KwString: consume(); return make(F::String);
    case TokenKind::KwVoid: consume(); return make(F::Void);
    case TokenKind::KwMatchKind: consume(); return make(F::MatchKind);
    case TokenKind::KwDontCare: consume(); return make(F::DontCare);
    case TokenKind::KwTuple:
    case TokenKind::KwList: {
      F form = peek().kind == TokenKind::KwTuple ? F::Tuple : F::List;
      consume();
      auto t = make(form);
      if (at(TokenKind::Less)) t->typeArgs = parseTypeArgs();
      return t;
    }
    default: break;
  }
  bool dot = accept(TokenKind::Dot);
  if (!isNameToken(peek())) {
    errorAt(DiagKind::ExpectedType, peek().loc, {describe(peek())});
    return nullptr;
  }
  auto t = make(F::Named);
  t->leadingDot = dot;
  t->name = std::string(consume().text);
  if (at(TokenKind::Less)) t->typeArgs = parseTypeArgs();
  return t;
}

std::vector<TypeRefPtr> Parser::parseTypeArgs() {
  std::vector<TypeRefPtr> args;
  expect(TokenKind::Less);
  if (accept(TokenKind::Greater)) return args;
  do {
    if (at(TokenKind::KwDontCare)) {
      SourceLocation l = consume().loc;
      args.push_back(std::make_unique<TypeRef>(TypeRef::Form::DontCare, l));
      continue;
    }
    TypeRefPtr t = parseType();
    if (!t) break;
    args.push_back(std::move(t));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::Greater);
  return args;
}

// From a '<' at peek(): is this `<types>(`? Scans only tokens that can occur in types.
bool Parser::looksLikeTypeArgsThenCall() const {
  if (!at(TokenKind::Less)) return false;
  int depth = 0;
  for (std::size_t i = 0;; ++i) {
    const Token& t = peek(i);
    switch (t.kind) {
      case TokenKind::Less: ++depth; break;
      case TokenKind::Greater:
        if (--depth == 0) return peek(i + 1).kind == TokenKind::LParen;
        break;
      case TokenKind::Identifier:
        // Only type names may appear: `a < b, c > (d)` stays a pair of comparisons.
        // A width like bit<W> may name a constant.
        if (!isTypeName(t.text) &&
            !(i >= 2 && peek(i - 1).kind == TokenKind::Less &&
              (peek(i - 2).kind == TokenKind::KwBit || peek(i - 2).kind == TokenKind::KwInt ||
               peek(i - 2).kind == TokenKind::KwVarbit)))
          return false;
        break;
      case TokenKind::IntLiteral: case TokenKind::Comma:
      case TokenKind::Dot: case TokenKind::LBracket: case TokenKind::RBracket:
      case TokenKind::KwBit: case TokenKind::KwInt: case TokenKind::KwVarbit:
      case TokenKind::KwBool: case TokenKind::KwError: case TokenKind::KwString:
      case TokenKind::KwTuple: case TokenKind::KwDontCare: case TokenKind::KwVoid:
      case TokenKind::KwList:
        break;
      default: return false;
    }
  }
}

TypeParams Parser::parseOptTypeParams() {
  TypeParams params;
  if (!accept(TokenKind::Less)) return params;
  do {
    auto p = std::make_unique<TypeParamDecl>(peek().loc);
    p->name = parseName();
    declareTypeName(p->name);
    params.push_back(std::move(p));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::Greater);
  return params;
}

std::unique_ptr<ParamDecl> Parser::parseParam(unsigned index) {
  auto annos = parseAnnotations();
  auto p = std::make_unique<ParamDecl>(peek().loc);
  p->annotations = std::move(annos);
  p->index = index;
  if (accept(TokenKind::KwIn)) p->direction = Direction::In;
  else if (accept(TokenKind::KwOut)) p->direction = Direction::Out;
  else if (accept(TokenKind::KwInout)) p->direction = Direction::InOut;
  p->typeRef = parseType();
  if (!p->typeRef) return nullptr;
  p->loc = peek().loc;
  p->name = parseName();
  if (accept(TokenKind::Assign)) p->defaultValue = parseExpr();
  finishDecl(p.get());
  return p;
}

Params Parser::parseParams() {
  Params params;
  if (!expect(TokenKind::LParen)) return params;
  if (accept(TokenKind::RParen)) return params;
  do {
    auto p = parseParam(static_cast<unsigned>(params.size()));
    if (!p) {
      // Skip to the closing parenthesis of this list.
      int depth = 1;
      while (!at(TokenKind::EndOfFile) && depth > 0) {
        if (at(TokenKind::LParen)) ++depth;
        if (at(TokenKind::RParen) && --depth == 0) break;
        if (at(TokenKind::LBrace) || at(TokenKind::Semi)) return params;
        consume();
      }
      break;
    }
    params.push_back(std::move(p));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::RParen);
  return params;
}

}  // namespace p4wb::compiler::parse_detail
