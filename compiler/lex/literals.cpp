// Integer and string literal decoding.
#include "compiler/lex/literals.h"

namespace p4wb::compiler {

namespace {

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

}  // namespace

IntLiteralInfo parseIntLiteral(std::string_view text) {
  IntLiteralInfo info;
  // Width prefix: decimal digits followed by 'w' or 's'.
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i > 0 && i < text.size() && (text[i] == 'w' || text[i] == 's')) {
    unsigned w = 0;
    for (std::size_t k = 0; k < i; ++k) {
      w = w * 10 + static_cast<unsigned>(text[k] - '0');
      if (w > 1u << 20) return info;
    }
    info.width = w;
    info.isSigned = text[i] == 's';
    text.remove_prefix(i + 1);
  }
  unsigned base = 10;
  if (text.size() >= 2 && text[0] == '0') {
    switch (text[1]) {
      case 'x': case 'X': base = 16; break;
      case 'b': case 'B': base = 2; break;
      case 'o': case 'O': base = 8; break;
      case 'd': case 'D': base = 10; break;
      default: break;
    }
    if (base != 10 || text[1] == 'd' || text[1] == 'D') text.remove_prefix(2);
  }
  bool any = false;
  llvm::APInt v(256, 0);
  llvm::APInt b(256, base);
  for (char c : text) {
    if (c == '_') continue;
    int d = digitValue(c);
    if (d >= static_cast<int>(base)) return info;
    bool o1 = false, o2 = false;
    v = v.umul_ov(b, o1).uadd_ov(llvm::APInt(256, static_cast<unsigned>(d)), o2);
    if (o1 || o2) info.overflow = true;
    any = true;
  }
  if (!any) return info;
  info.value = v;
  info.ok = true;
  return info;
}

std::string unescapeStringLiteral(std::string_view quoted) {
  if (quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"')
    quoted = quoted.substr(1, quoted.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    char c = quoted[i];
    if (c != '\\' || i + 1 == quoted.size()) {
      out += c;
      continue;
    }
    char e = quoted[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      default: out += e; break;
    }
  }
  return out;
}

}  // namespace p4wb::compiler
