// Parser: expressions with the P4_16 operator precedence (which, unlike C, puts the
// comparisons below the bitwise operators), keysets and argument lists.
#include "compiler/lex/literals.h"
#include "compiler/parse/parser_impl.h"

namespace p4wb::compiler::parse_detail {

namespace {

struct BinInfo {
  int prec;  // higher binds tighter; 0 = not a binary operator
  BinaryOp op;
};

BinInfo binaryInfo(TokenKind k) {
  switch (k) {
    case TokenKind::PipePipe: return {1, BinaryOp::Or};
    case TokenKind::AmpAmp: return {2, BinaryOp::And};
    case TokenKind::EqEq: return {3, BinaryOp::Eq};
    case TokenKind::NotEq: return {3, BinaryOp::Ne};
    case TokenKind::Less: return {4, BinaryOp::Lt};
    case TokenKind::Greater: return {4, BinaryOp::Gt};
    case TokenKind::LessEq: return {4, BinaryOp::Le};
    case TokenKind::GreaterEq: return {4, BinaryOp::Ge};
    case TokenKind::Pipe: return {5, BinaryOp::BitOr};
    case TokenKind::Caret: return {6, BinaryOp::BitXor};
    case TokenKind::Amp: return {7, BinaryOp::BitAnd};
    case TokenKind::Shl: return {8, BinaryOp::Shl};
    case TokenKind::PlusPlus: return {9, BinaryOp::Concat};
    case TokenKind::Plus: return {9, BinaryOp::Add};
    case TokenKind::Minus: return {9, BinaryOp::Sub};
    case TokenKind::PlusSat: return {9, BinaryOp::AddSat};
    case TokenKind::MinusSat: return {9, BinaryOp::SubSat};
    case TokenKind::Star: return {10, BinaryOp::Mul};
    case TokenKind::Slash: return {10, BinaryOp::Div};
    case TokenKind::Percent: return {10, BinaryOp::Mod};
    default: return {0, BinaryOp::Add};
  }
}

constexpr int kShiftPrec = 8;

}  // namespace

ExprPtr Parser::parseExpr(int minPrec) {
  DepthGuard guard(*this);
  if (guard.tooDeep()) {
    errorAt(DiagKind::NestingTooDeep, peek().loc);
    m_stop = true;
    return nullptr;
  }
  ExprPtr lhs = parseUnary();
  if (!lhs) return nullptr;
  // Left-associative chains build left-deep trees; later passes recurse on them.
  for (int operators = 0;; ++operators) {
    if (operators > kMaxDepth) {
      errorAt(DiagKind::NestingTooDeep, peek().loc);
      m_stop = true;
      return nullptr;
    }
    // Ternary has the lowest precedence and is right-associative.
    if (at(TokenKind::Question) && minPrec == 0) {
      auto t = std::make_unique<TernaryExpr>(consume().loc);
      t->cond = std::move(lhs);
      t->thenExpr = parseExpr(0);
      expect(TokenKind::Colon);
      t->elseExpr = parseExpr(0);
      if (!t->thenExpr || !t->elseExpr) return nullptr;
      finishExpr(t.get());
      lhs = std::move(t);
      continue;
    }
    BinInfo info = binaryInfo(peek().kind);
    // '>' '>' written together is a right shift (the lexer never joins them so that
    // nested type arguments like bit<8>> close correctly).
    bool shr = at(TokenKind::Greater) && at(TokenKind::Greater, 1) &&
               peek(1).loc.line == peek().loc.line &&
               peek(1).loc.column == peek().loc.column + 1;
    if (shr) info = {kShiftPrec, BinaryOp::Shr};
    if (info.prec == 0 || info.prec <= minPrec - 1 || info.prec < minPrec) return lhs;
    auto b = std::make_unique<BinaryExpr>(peek().loc);
    consume();
    if (shr) consume();
    b->op = info.op;
    b->lhs = std::move(lhs);
    b->rhs = parseExpr(info.prec + 1);
    if (!b->rhs) return nullptr;
    finishExpr(b.get());
    lhs = std::move(b);
  }
}

ExprPtr Parser::parseUnary() {
  DepthGuard guard(*this);
  if (guard.tooDeep()) {
    errorAt(DiagKind::NestingTooDeep, peek().loc);
    m_stop = true;
    return nullptr;
  }
  UnaryOp op;
  switch (peek().kind) {
    case TokenKind::Minus: op = UnaryOp::Neg; break;
    case TokenKind::Plus: op = UnaryOp::Plus; break;
    case TokenKind::Bang: op = UnaryOp::Not; break;
    case TokenKind::Tilde: op = UnaryOp::BitNot; break;
    default: return parsePostfix(parsePrimary());
  }
  auto u = std::make_unique<UnaryExpr>(consume().loc);
  u->op = op;
  u->operand = parseUnary();
  if (!u->operand) return nullptr;
  finishExpr(u.get());
  return u;
}

bool Parser::isCastAhead() const {
  if (!at(TokenKind::LParen)) return false;
  switch (peek(1).kind) {
    case TokenKind::KwBit: case TokenKind::KwInt: case TokenKind::KwVarbit:
    case TokenKind::KwBool: case TokenKind::KwString: case TokenKind::KwTuple:
    case TokenKind::KwList:
      return true;
    case TokenKind::Identifier:
      return isTypeName(peek(1).text) &&
             (at(TokenKind::RParen, 2) || at(TokenKind::Less, 2));
    default:
      return false;
  }
}

ExprPtr Parser::parsePrimary() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::IntLiteral: {
      auto e = std::make_unique<IntLiteralExpr>(t.loc);
      e->text = std::string(t.text);
      IntLiteralInfo info = parseIntLiteral(t.text);
      if (!info.ok || info.overflow)
        errorAt(DiagKind::InvalidIntLiteral, t.loc, {std::string(t.text)});
      e->width = info.width;
      e->isSigned = info.isSigned;
      e->value = sema::ConstValue::makeInt(info.value, info.isSigned);
      consume();
      return e;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse: {
      auto e = std::make_unique<BoolLiteralExpr>(t.loc);
      e->value = t.kind == TokenKind::KwTrue;
      consume();
      return e;
    }
    case TokenKind::StringLiteral: {
      auto e = std::make_unique<StringLiteralExpr>(t.loc);
      e->value = unescapeStringLiteral(t.text);
      consume();
      return e;
    }
    case TokenKind::KwDontCare: {
      auto e = std::make_unique<DefaultExpr>(consume().loc);
      e->isDontCare = true;
      return e;
    }
    case TokenKind::KwError: {
      auto e = std::make_unique<PathExpr>(consume().loc);
      e->name = "error";
      return e;
    }
    case TokenKind::Dot: {
      SourceLocation l = consume().loc;
      auto e = std::make_unique<PathExpr>(l);
      e->leadingDot = true;
      e->name = parseName();
      return e;
    }
    case TokenKind::LParen: return parseParenOrCast();
    case TokenKind::LBrace: return parseBraceExpr();
    case TokenKind::KwBit: case TokenKind::KwInt: case TokenKind::KwVarbit:
    case TokenKind::KwBool: {
      auto e = std::make_unique<TypeAsExprExpr>(t.loc);
      e->typeRef = parseType();
      return e;
    }
    default:
      break;
  }
  if (isNameToken(t) || t.kind == TokenKind::KwThis) {
    auto e = std::make_unique<PathExpr>(t.loc);
    e->name = std::string(consume().text);
    return e;
  }
  errorAt(DiagKind::ExpectedExpression, t.loc, {describe(t)});
  return nullptr;
}

ExprPtr Parser::parseParenOrCast() {
  if (isCastAhead()) {
    auto c = std::make_unique<CastExpr>(consume().loc);
    c->targetType = parseType();
    expect(TokenKind::RParen);
    c->operand = parseUnary();
    if (!c->targetType || !c->operand) return nullptr;
    finishExpr(c.get());
    return c;
  }
  consume();
  ExprPtr e = parseExpr();
  expect(TokenKind::RParen);
  return e;
}

// { a, b } is a list; { name = e, ... } a struct initializer.
ExprPtr Parser::parseBraceExpr() {
  SourceLocation l = consume().loc;
  // `...` lexes as `..` `.`; it may only end a struct initializer.
  auto atDots = [this] { return at(TokenKind::DotDot) && at(TokenKind::Dot, 1); };
  if ((isNameToken(peek()) && at(TokenKind::Assign, 1)) || atDots()) {
    auto s = std::make_unique<StructInitExpr>(l);
    do {
      if (at(TokenKind::RBrace)) break;
      if (atDots()) {
        consume();
        consume();
        s->hasDots = true;
        break;
      }
      Argument a;
      a.name = parseName(&a.loc);
      expect(TokenKind::Assign);
      a.value = parseExpr();
      if (!a.value) break;
      s->fields.push_back(std::move(a));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RBrace);
    return s;
  }
  auto list = std::make_unique<ListExpr>(l);
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile)) {
    ExprPtr e = parseExpr();
    if (!e) break;
    list->elements.push_back(std::move(e));
    if (!accept(TokenKind::Comma)) break;
  }
  expect(TokenKind::RBrace);
  return list;
}

ExprPtr Parser::parsePostfix(ExprPtr e) {
  // A parenthesized expression already ends before its ')'.
  if (e && !e->endLoc.valid()) finishExpr(e.get());
  while (e) {
    if (at(TokenKind::Dot)) {
      auto m = std::make_unique<MemberExpr>(e->loc);
      consume();
      m->memberLoc = peek().loc;
      if (isNameToken(peek()) || isKeyword(peek().kind)) {
        m->member = std::string(consume().text);
      } else {
        errorAt(DiagKind::ExpectedToken, peek().loc, {"member name", describe(peek())});
        return nullptr;
      }
      m->base = std::move(e);
      e = std::move(m);
    } else if (at(TokenKind::LBracket)) {
      SourceLocation l = consume().loc;
      ExprPtr idx = parseExpr();
      if (!idx) return nullptr;
      if (accept(TokenKind::Colon)) {
        auto s = std::make_unique<SliceExpr>(l);
        s->base = std::move(e);
        s->hi = std::move(idx);
        s->lo = parseExpr();
        if (!s->lo) return nullptr;
        expect(TokenKind::RBracket);
        e = std::move(s);
      } else {
        auto i = std::make_unique<IndexExpr>(l);
        i->base = std::move(e);
        i->index = std::move(idx);
        expect(TokenKind::RBracket);
        e = std::move(i);
      }
    } else if (at(TokenKind::LParen) ||
               (at(TokenKind::Less) && looksLikeTypeArgsThenCall())) {
      auto c = std::make_unique<CallExpr>(e->loc);
      if (at(TokenKind::Less)) c->typeArgs = parseTypeArgs();
      c->args = parseArgs();
      c->callee = std::move(e);
      e = std::move(c);
    } else {
      break;
    }
    finishExpr(e.get());
  }
  return e;
}

std::vector<Argument> Parser::parseArgs() {
  std::vector<Argument> args;
  if (!expect(TokenKind::LParen)) return args;
  if (accept(TokenKind::RParen)) return args;
  do {
    Argument a;
    a.loc = peek().loc;
    if (isNameToken(peek()) && at(TokenKind::Assign, 1)) {
      a.name = std::string(consume().text);
      consume();
    }
    a.value = parseExpr();
    if (!a.value) break;
    args.push_back(std::move(a));
  } while (accept(TokenKind::Comma));
  expect(TokenKind::RParen);
  return args;
}

ExprPtr Parser::parseKeyset() {
  if (at(TokenKind::KwDefault)) return std::make_unique<DefaultExpr>(consume().loc);
  if (at(TokenKind::KwDontCare)) {
    auto d = std::make_unique<DefaultExpr>(consume().loc);
    d->isDontCare = true;
    return d;
  }
  ExprPtr e = parseExpr();
  if (!e) return nullptr;
  if (at(TokenKind::Mask)) {
    auto m = std::make_unique<MaskExpr>(consume().loc);
    m->value = std::move(e);
    m->mask = parseExpr();
    if (!m->mask) return nullptr;
    return m;
  }
  if (at(TokenKind::DotDot)) {
    auto r = std::make_unique<RangeExpr>(consume().loc);
    r->lo = std::move(e);
    r->hi = parseExpr();
    if (!r->hi) return nullptr;
    return r;
  }
  return e;
}

std::vector<ExprPtr> Parser::parseTupleKeyset() {
  std::vector<ExprPtr> keys;
  // A parenthesized list is a tuple of keysets; a single element in parentheses is
  // just that keyset.
  if (at(TokenKind::LParen) && !isCastAhead()) {
    consume();
    do {
      ExprPtr k = parseKeyset();
      if (!k) break;
      keys.push_back(std::move(k));
    } while (accept(TokenKind::Comma));
    expect(TokenKind::RParen);
    return keys;
  }
  if (ExprPtr k = parseKeyset()) keys.push_back(std::move(k));
  return keys;
}

}  // namespace p4wb::compiler::parse_detail
