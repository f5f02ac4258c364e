#include "app/studio/listing_highlighter.h"

namespace p4wb::app {

ListingHighlighter::ListingHighlighter(Flavor flavor, QTextDocument* document)
    : QSyntaxHighlighter(document) {
  addRule(QStringLiteral(R"(\b(0x[0-9a-fA-F]+|-?\d+)\b)"), QColor(0x09, 0x86, 0x58));
  if (flavor == Flavor::LlvmIr) {
    addRule(QStringLiteral(
                R"(\b(define|declare|ret|br|switch|call|load|store|getelementptr|inbounds|icmp|)"
                R"(select|phi|alloca|zext|sext|trunc|and|or|xor|shl|lshr|ashr|add|sub|mul|)"
                R"(udiv|urem|bitcast|inttoptr|ptrtoint|unreachable|label|section|align|global|)"
                R"(constant|private|internal|dso_local|nuw|nsw|noundef|eq|ne|ult|ugt|ule|uge|)"
                R"(slt|sgt|target|datalayout|triple|attributes|tail|memcpy)\b)"),
            QColor(0x00, 0x33, 0xb3), true);
    addRule(QStringLiteral(R"(\b(i1|i8|i16|i32|i64|i128|ptr|void)\b)"), QColor(0x87, 0x10, 0x94));
    addRule(QStringLiteral(R"(@[\w.$\-]+)"), QColor(0xa3, 0x15, 0x15), true);
    addRule(QStringLiteral(R"(%[\w.$\-]+)"), QColor(0x26, 0x7f, 0x99));
    addRule(QStringLiteral(R"(!\w+)"), QColor(0x80, 0x80, 0x80));
    addRule(QStringLiteral(R"(^[\w.$\-]+:)"), QColor(0x00, 0x33, 0xb3), true);
  } else {
    addRule(QStringLiteral(R"(\b[rw]\d{1,2}\b)"), QColor(0x26, 0x7f, 0x99));
    addRule(QStringLiteral(R"(\b(exit|call|goto|if|ld_imm64|lddw)\b)"), QColor(0x00, 0x33, 0xb3),
            true);
    addRule(QStringLiteral(R"(^\s*[0-9a-fA-F]+:)"), QColor(0x90, 0x90, 0x90));
    addRule(QStringLiteral(R"(^[\w.$\-]+:\s*$)"), QColor(0xa3, 0x15, 0x15), true);
    addRule(QStringLiteral(R"(<[\w.$\-]+>)"), QColor(0xa3, 0x15, 0x15));
  }
  m_commentFormat.setForeground(QColor(0x6a, 0x8a, 0x35));
  m_commentFormat.setFontItalic(true);
}

void ListingHighlighter::addRule(const QString& pattern, const QColor& color, bool bold) {
  Rule rule;
  rule.pattern = QRegularExpression(pattern);
  rule.format.setForeground(color);
  rule.color = color;
  if (bold) rule.format.setFontWeight(QFont::DemiBold);
  m_rules.push_back(rule);
}

void ListingHighlighter::setDark(bool dark) {
  for (Rule& rule : m_rules) {
    // Keep the hue, raise the lightness so the colours read on a dark paper.
    QColor c = rule.color.toHsl();
    if (dark) c.setHsl(c.hslHue(), c.hslSaturation(), std::max(c.lightness(), 170));
    rule.format.setForeground(dark ? c : rule.color);
  }
  m_commentFormat.setForeground(dark ? QColor(0x6a, 0x99, 0x55) : QColor(0x6a, 0x8a, 0x35));
  rehighlight();
}

void ListingHighlighter::highlightBlock(const QString& text) {
  // Comments (';' in both IR and the listing, '//' from some printers) win
  // over everything else, so they are found first and the rest stops before them.
  qsizetype commentStart = text.size();
  for (const QString& marker : {QStringLiteral(";"), QStringLiteral("//")}) {
    const qsizetype at = text.indexOf(marker);
    if (at >= 0 && at < commentStart) commentStart = at;
  }
  const QString code = text.left(commentStart);
  for (const Rule& rule : m_rules) {
    auto it = rule.pattern.globalMatch(code);
    while (it.hasNext()) {
      const QRegularExpressionMatch m = it.next();
      setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                rule.format);
    }
  }
  if (commentStart < text.size())
    setFormat(static_cast<int>(commentStart), static_cast<int>(text.size() - commentStart),
              m_commentFormat);
}

}  // namespace p4wb::app
