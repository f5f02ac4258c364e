// Token kind tables generated from token_kinds.def.
#include "compiler/lex/token.h"

#include <unordered_map>

namespace p4wb::compiler {

namespace {

struct KindInfo {
  std::string_view description;
  std::string_view spelling;
  bool keyword;
};

const KindInfo& infoOf(TokenKind kind) {
  static const KindInfo kInfos[] = {
#define TOKEN(Name, Desc) {Desc, "", false},
#define KEYWORD(Name, Spelling) {"'" Spelling "'", Spelling, true},
#define PUNCT(Name, Spelling) {"'" Spelling "'", Spelling, false},
#include "compiler/lex/token_kinds.def"
  };
  return kInfos[static_cast<unsigned>(kind)];
}

}  // namespace

std::string_view tokenKindDescription(TokenKind kind) { return infoOf(kind).description; }
std::string_view tokenSpelling(TokenKind kind) { return infoOf(kind).spelling; }
bool isKeyword(TokenKind kind) { return infoOf(kind).keyword; }

TokenKind keywordKind(std::string_view spelling) {
  static const std::unordered_map<std::string_view, TokenKind> kKeywords = {
#define KEYWORD(Name, Spelling) {Spelling, TokenKind::Name},
#include "compiler/lex/token_kinds.def"
  };
  auto it = kKeywords.find(spelling);
  return it == kKeywords.end() ? TokenKind::Identifier : it->second;
}

TokenCategory tokenCategory(TokenKind kind) {
  switch (kind) {
    case TokenKind::EndOfFile: return TokenCategory::EndOfFile;
    case TokenKind::Error: return TokenCategory::Error;
    case TokenKind::Comment: return TokenCategory::Comment;
    case TokenKind::Identifier: return TokenCategory::Identifier;
    case TokenKind::IntLiteral: return TokenCategory::Number;
    case TokenKind::StringLiteral: return TokenCategory::String;
    case TokenKind::Annotation: return TokenCategory::Annotation;
    case TokenKind::Directive:
    case TokenKind::HeaderName: return TokenCategory::Preprocessor;
    case TokenKind::KwBit:
    case TokenKind::KwBool:
    case TokenKind::KwInt:
    case TokenKind::KwVarbit:
    case TokenKind::KwString:
    case TokenKind::KwVoid:
    case TokenKind::KwError:
    case TokenKind::KwTuple:
    case TokenKind::KwList:
    case TokenKind::KwMatchKind: return TokenCategory::TypeKeyword;
    case TokenKind::LParen:
    case TokenKind::RParen:
    case TokenKind::LBrace:
    case TokenKind::RBrace:
    case TokenKind::LBracket:
    case TokenKind::RBracket:
    case TokenKind::Semi:
    case TokenKind::Comma:
    case TokenKind::Dot: return TokenCategory::Punctuation;
    default: break;
  }
  return isKeyword(kind) ? TokenCategory::Keyword : TokenCategory::Operator;
}

}  // namespace p4wb::compiler
