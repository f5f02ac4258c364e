#include "editor/p4_lexer.h"

#include <Qsci/qsciscintilla.h>

#include <string_view>

#include "compiler/lex/lexer.h"
#include "editor/monospace_font.h"

namespace p4wb::editor {
namespace {

using compiler::TokenCategory;

int styleFor(TokenCategory category) {
  switch (category) {
    case TokenCategory::Comment:
      return P4Lexer::Comment;
    case TokenCategory::Keyword:
      return P4Lexer::Keyword;
    case TokenCategory::TypeKeyword:
      return P4Lexer::Type;
    case TokenCategory::Identifier:
      return P4Lexer::Identifier;
    case TokenCategory::Number:
      return P4Lexer::Number;
    case TokenCategory::String:
      return P4Lexer::String;
    case TokenCategory::Annotation:
      return P4Lexer::Annotation;
    case TokenCategory::Preprocessor:
      return P4Lexer::Preprocessor;
    case TokenCategory::Operator:
    case TokenCategory::Punctuation:
      return P4Lexer::Operator;
    case TokenCategory::Error:
      return P4Lexer::Invalid;
    case TokenCategory::Whitespace:
    case TokenCategory::EndOfFile:
      return P4Lexer::Default;
  }
  return P4Lexer::Default;
}

}  // namespace

P4Lexer::P4Lexer(QObject* parent) : QsciLexerCustom(parent) {}

QStringList P4Lexer::keywords() {
  QStringList words;
#define TOKEN(Name, Desc)
#define KEYWORD(Name, Spelling) words << QStringLiteral(Spelling);
#include "compiler/lex/token_kinds.def"
  words.removeAll(QStringLiteral("_"));  // a keyword, but nothing to complete
  return words;
}

const char* P4Lexer::language() const { return "P4"; }

QString P4Lexer::description(int style) const {
  switch (style) {
    case Default:
      return tr("Default");
    case Comment:
      return tr("Comment");
    case Keyword:
      return tr("Keyword");
    case Type:
      return tr("Type keyword");
    case Number:
      return tr("Number");
    case String:
      return tr("String");
    case Preprocessor:
      return tr("Preprocessor");
    case Operator:
      return tr("Operator");
    case Identifier:
      return tr("Identifier");
    case Annotation:
      return tr("Annotation");
    case Invalid:
      return tr("Invalid");
  }
  return {};  // QScintilla asks until it gets an empty description
}

QColor P4Lexer::defaultColor(int style) const {
  // Light: close to common IDE defaults. Dark: the same hues lifted for a dark paper.
  switch (style) {
    case Comment: return m_dark ? QColor(0x6a, 0x99, 0x55) : QColor(0x5f, 0x8c, 0x3a);
    case Keyword: return m_dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x33, 0xb3);
    case Type: return m_dark ? QColor(0x4e, 0xc9, 0xb0) : QColor(0x26, 0x7f, 0x99);
    case Number: return m_dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    case String: return m_dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    case Preprocessor: return m_dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0xaf, 0x00, 0xdb);
    case Operator: return m_dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(0x44, 0x44, 0x44);
    case Annotation: return m_dark ? QColor(0xdc, 0xdc, 0xaa) : QColor(0x9e, 0x88, 0x0d);
    case Invalid: return m_dark ? QColor(0xf4, 0x47, 0x47) : QColor(0xc6, 0x28, 0x28);
  }
  return m_dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(0x1f, 0x1f, 0x1f);
}

QFont P4Lexer::defaultFont(int style) const {
  QFont font = monospaceFont();
  if (style == Keyword || style == Preprocessor) font.setBold(true);
  if (style == Comment) font.setItalic(true);
  return font;
}

QColor P4Lexer::defaultPaper(int style) const {
  if (style == Invalid) return m_dark ? QColor(0x5a, 0x1d, 0x1d) : QColor(0xff, 0xeb, 0xee);
  return m_dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
}

void P4Lexer::setDark(bool dark) {
  m_dark = dark;
  for (int style = 0; style < StyleCount; ++style) {
    setColor(defaultColor(style), style);
    setPaper(defaultPaper(style), style);
  }
}

QStringList P4Lexer::autoCompletionWordSeparators() const { return {QStringLiteral(".")}; }

const char* P4Lexer::blockStart(int* style) const {
  if (style) *style = Operator;
  return "{";
}

const char* P4Lexer::blockEnd(int* style) const {
  if (style) *style = Operator;
  return "}";
}

void P4Lexer::styleText(int start, int end) {
  QsciScintilla* ed = editor();
  if (!ed || end <= start) return;
  const int firstLine =
      static_cast<int>(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, start));
  const int lastLine =
      static_cast<int>(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, end - 1));

  // Restart from the state the previous line ended in; that is what makes re-lexing
  // a single edited line correct inside a multi-line comment.
  bool inComment = firstLine > 0 &&
                   compiler::LexState::fromInt(static_cast<int>(ed->SendScintilla(
                                                   QsciScintilla::SCI_GETLINESTATE, firstLine - 1)))
                       .inBlockComment;
  for (int line = firstLine; line <= lastLine; ++line) {
    const long lineStart = ed->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line);
    startStyling(static_cast<int>(lineStart));
    QByteArray text = ed->text(line).toUtf8();
    const int fullLength = static_cast<int>(text.size());  // including the line end
    while (!text.isEmpty() && (text.endsWith('\n') || text.endsWith('\r'))) text.chop(1);

    const bool startsInComment = inComment;
    inComment = styleLine(text, startsInComment);
    const int rest = fullLength - static_cast<int>(text.size());
    if (rest > 0) setStyling(rest, inComment ? Comment : Default);
    ed->SendScintilla(QsciScintilla::SCI_SETLINESTATE, line, compiler::LexState{inComment}.toInt());
  }
}

bool P4Lexer::styleLine(const QByteArray& text, bool inComment) {
  compiler::LexState out;
  const std::string_view view(text.constData(), static_cast<size_t>(text.size()));
  const std::vector<compiler::Token> tokens =
      compiler::lexLine(view, compiler::LexState{inComment}, &out);
  int pos = 0;
  for (const compiler::Token& token : tokens) {
    if (token.kind == compiler::TokenKind::EndOfFile) break;
    const int offset = static_cast<int>(token.offsetInLine());
    const int length = static_cast<int>(token.length);
    // Tokens are in order and inside the line; anything else is a lexer bug we
    // tolerate by leaving the rest of the line plain.
    if (offset < pos || offset + length > text.size()) break;
    if (offset > pos) setStyling(offset - pos, Default);
    setStyling(length, styleFor(compiler::tokenCategory(token.kind)));
    pos = offset + length;
  }
  if (pos < text.size()) setStyling(static_cast<int>(text.size()) - pos, Default);
  return out.inBlockComment;
}

}  // namespace p4wb::editor
