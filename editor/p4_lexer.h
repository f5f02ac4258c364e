// P4 syntax highlighting for QScintilla, driven line by line by the compiler's own
// lexer (compiler/lex), so the editor colours exactly the tokens the compiler sees.
// Each line's end state (inside a /* */ comment or not) is kept as the Scintilla line
// state, so restyling can restart at any line.
#pragma once

#include <Qsci/qscilexercustom.h>

namespace p4wb::editor {

class P4Lexer : public QsciLexerCustom {
  Q_OBJECT

 public:
  enum Style {
    Default = 0,
    Comment = 1,
    Keyword = 2,
    Type = 3,  // bit, int, varbit, bool, header, struct, ... and width literals' prefix
    Number = 4,
    String = 5,
    Preprocessor = 6,
    Operator = 7,
    Identifier = 8,
    Annotation = 9,
    Invalid = 10,
    StyleCount
  };

  explicit P4Lexer(QObject* parent = nullptr);

  const char* language() const override;
  QString description(int style) const override;
  QColor defaultColor(int style) const override;
  QFont defaultFont(int style) const override;
  QColor defaultPaper(int style) const override;
  const char* blockStart(int* style = nullptr) const override;
  const char* blockEnd(int* style = nullptr) const override;

  void styleText(int start, int end) override;
  // "." separates the words of a completion context ("hdr.ipv4." -> members).
  QStringList autoCompletionWordSeparators() const override;
  // Dark or light colours; the default is light.
  void setDark(bool dark);
  bool isDark() const { return m_dark; }

  // Every P4 keyword, as the compiler's token table spells them (for completion).
  static QStringList keywords();

 private:
  // Styles one line (bytes without the line end) given whether it starts inside a
  // block comment; returns whether it ends inside one.
  bool styleLine(const QByteArray& text, bool inComment);

  bool m_dark = false;
};

}  // namespace p4wb::editor
