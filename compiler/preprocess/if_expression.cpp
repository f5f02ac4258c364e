// Precedence-climbing evaluator for preprocessor conditions.
#include "compiler/preprocess/if_expression.h"

#include "compiler/lex/literals.h"

namespace p4wb::compiler {

namespace {

class IfEval {
 public:
  explicit IfEval(const std::vector<Token>& t) : m_toks(t) {}

  std::optional<std::int64_t> run() {
    std::int64_t v = conditional();
    if (m_failed || m_pos != m_toks.size()) return std::nullopt;
    return v;
  }

 private:
  TokenKind peek(std::size_t ahead = 0) const {
    return m_pos + ahead < m_toks.size() ? m_toks[m_pos + ahead].kind : TokenKind::EndOfFile;
  }
  bool isShiftRight() const {
    if (peek() != TokenKind::Greater || peek(1) != TokenKind::Greater) return false;
    const Token& a = m_toks[m_pos];
    const Token& b = m_toks[m_pos + 1];
    return a.loc.line == b.loc.line && b.loc.column == a.loc.column + 1;
  }

  std::int64_t conditional() {
    std::int64_t c = binary(0);
    if (peek() != TokenKind::Question) return c;
    ++m_pos;
    std::int64_t a = conditional();
    if (peek() != TokenKind::Colon) return fail();
    ++m_pos;
    std::int64_t b = conditional();
    return c ? a : b;
  }

  // Binary operator precedence (C), higher binds tighter; -1 when not binary.
  int precedence(TokenKind k) const {
    switch (k) {
      case TokenKind::PipePipe: return 1;
      case TokenKind::AmpAmp: return 2;
      case TokenKind::Pipe: return 3;
      case TokenKind::Caret: return 4;
      case TokenKind::Amp: return 5;
      case TokenKind::EqEq: case TokenKind::NotEq: return 6;
      case TokenKind::Less: case TokenKind::LessEq: case TokenKind::GreaterEq: return 7;
      case TokenKind::Greater: return isShiftRight() ? 8 : 7;
      case TokenKind::Shl: return 8;
      case TokenKind::Plus: case TokenKind::Minus: return 9;
      case TokenKind::Star: case TokenKind::Slash: case TokenKind::Percent: return 10;
      default: return -1;
    }
  }

  std::int64_t binary(int minPrec) {
    std::int64_t lhs = unary();
    for (;;) {
      TokenKind op = peek();
      int prec = precedence(op);
      if (prec < 0 || prec < minPrec || m_failed) return lhs;
      bool shr = op == TokenKind::Greater && isShiftRight();
      m_pos += shr ? 2 : 1;
      std::int64_t rhs = binary(prec + 1);
      lhs = apply(op, shr, lhs, rhs);
    }
  }

  std::int64_t apply(TokenKind op, bool shr, std::int64_t a, std::int64_t b) {
    if (shr) return a >> (b & 63);
    switch (op) {
      case TokenKind::PipePipe: return a || b;
      case TokenKind::AmpAmp: return a && b;
      case TokenKind::Pipe: return a | b;
      case TokenKind::Caret: return a ^ b;
      case TokenKind::Amp: return a & b;
      case TokenKind::EqEq: return a == b;
      case TokenKind::NotEq: return a != b;
      case TokenKind::Less: return a < b;
      case TokenKind::LessEq: return a <= b;
      case TokenKind::Greater: return a > b;
      case TokenKind::GreaterEq: return a >= b;
      case TokenKind::Shl: return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << (b & 63));
      case TokenKind::Plus: return a + b;
      case TokenKind::Minus: return a - b;
      case TokenKind::Star: return a * b;
      case TokenKind::Slash: return b == 0 ? fail() : a / b;
      case TokenKind::Percent: return b == 0 ? fail() : a % b;
      default: return fail();
    }
  }

  std::int64_t unary() {
    if (++m_depth > 256) return fail();  // absurd nesting: malformed, not a crash
    struct Leave { int& d; ~Leave() { --d; } } leave{m_depth};
    switch (peek()) {
      case TokenKind::Bang: ++m_pos; return !unary();
      case TokenKind::Tilde: ++m_pos; return ~unary();
      case TokenKind::Minus: ++m_pos; return -unary();
      case TokenKind::Plus: ++m_pos; return unary();
      case TokenKind::LParen: {
        ++m_pos;
        std::int64_t v = conditional();
        if (peek() != TokenKind::RParen) return fail();
        ++m_pos;
        return v;
      }
      case TokenKind::IntLiteral: {
        IntLiteralInfo info = parseIntLiteral(m_toks[m_pos++].text);
        if (!info.ok) return fail();
        return static_cast<std::int64_t>(info.value.getLoBits(64).getZExtValue());
      }
      case TokenKind::KwTrue: ++m_pos; return 1;
      case TokenKind::KwFalse: ++m_pos; return 0;
      default:
        if (m_pos < m_toks.size() &&
            (peek() == TokenKind::Identifier || isKeyword(peek()))) {
          ++m_pos;
          return 0;
        }
        return fail();
    }
  }

  std::int64_t fail() {
    m_failed = true;
    return 0;
  }

  const std::vector<Token>& m_toks;
  std::size_t m_pos = 0;
  bool m_failed = false;
  int m_depth = 0;
};

}  // namespace

std::optional<std::int64_t> evaluateIfExpression(const std::vector<Token>& tokens) {
  if (tokens.empty()) return std::nullopt;
  return IfEval(tokens).run();
}

}  // namespace p4wb::compiler
