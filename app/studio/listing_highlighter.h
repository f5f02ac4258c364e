// Regex-based colouring for LLVM IR and eBPF listings. Cosmetic only: a line it does
// not understand is simply left plain.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QVector>

namespace p4wb::app {

class ListingHighlighter : public QSyntaxHighlighter {
  Q_OBJECT

 public:
  enum class Flavor { LlvmIr, BpfAsm };
  ListingHighlighter(Flavor flavor, QTextDocument* document);
  // Lighter colours for a dark background; rehighlights.
  void setDark(bool dark);

 protected:
  void highlightBlock(const QString& text) override;

 private:
  struct Rule {
    QRegularExpression pattern;
    QTextCharFormat format;
    QColor color;  // the light-theme colour
  };
  void addRule(const QString& pattern, const QColor& color, bool bold = false);

  QVector<Rule> m_rules;
  QTextCharFormat m_commentFormat;
};

}  // namespace p4wb::app
