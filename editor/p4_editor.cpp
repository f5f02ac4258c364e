#include "editor/p4_editor.h"

#include <Qsci/qsciabstractapis.h>

#include <QToolTip>
#include <algorithm>

#include "editor/monospace_font.h"
#include "editor/p4_lexer.h"

namespace p4wb::editor {
namespace {

constexpr int kLineNumberMargin = 0;
constexpr int kSymbolMargin = 1;
const QColor kErrorColor(0xd0, 0x30, 0x30);
const QColor kWarningColor(0xc8, 0x8a, 0x00);

// Completion source of the P4 keywords. Synchronous on purpose: QsciAPIs prepares its
// word list on a thread that can outlive a quickly closed editor.
class KeywordApis : public QsciAbstractAPIs {
 public:
  explicit KeywordApis(QsciLexer* lexer) : QsciAbstractAPIs(lexer), m_words(P4Lexer::keywords()) {}

  void updateAutoCompletionList(const QStringList& context, QStringList& list) override {
    const QString prefix = context.isEmpty() ? QString() : context.last();
    for (const QString& word : m_words)
      if (word.startsWith(prefix) && !list.contains(word)) list << word;
  }

  QStringList callTips(const QStringList&, int, QsciScintilla::CallTipsStyle,
                       QList<int>&) override {
    return {};
  }

 private:
  QStringList m_words;
};

}  // namespace

P4Editor::P4Editor(QWidget* parent) : QsciScintilla(parent) {
  setUtf8(true);
  setFont(monospaceFont());
  m_lexer = new P4Lexer(this);
  setLexer(m_lexer);

  setIndentationsUseTabs(false);
  setTabWidth(4);
  setIndentationWidth(4);
  setAutoIndent(true);
  setBraceMatching(QsciScintilla::SloppyBraceMatch);
  setCaretLineVisible(true);
  setCaretLineBackgroundColor(QColor(0xe8, 0xf0, 0xfe));
  // Keep the current line marked while the user reads the IR or eBPF docks.
  SendScintilla(SCI_SETCARETLINEVISIBLEALWAYS, true);
  setEdgeMode(QsciScintilla::EdgeLine);
  setEdgeColumn(100);
  setEdgeColor(QColor(0xe8, 0xe8, 0xe8));
  setWhitespaceVisibility(QsciScintilla::WsInvisible);
  setScrollWidthTracking(true);
  setScrollWidth(1);

  setUpMargins();
  setUpDiagnosticStyles();
  setUpCompletion();
  connect(this, &QsciScintilla::linesChanged, this, &P4Editor::updateLineNumberMarginWidth);
  SendScintilla(SCI_SETMOUSEDWELLTIME, 400);
  connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, &P4Editor::showDiagnosticTip);
  connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
}

void P4Editor::setUpCompletion() {
  // Keywords plus the words already in the buffer, offered after three letters.
  new KeywordApis(m_lexer);
  setAutoCompletionSource(QsciScintilla::AcsAll);
  setAutoCompletionThreshold(3);
  setAutoCompletionCaseSensitivity(true);
  setAutoCompletionReplaceWord(false);
}

void P4Editor::setUpMargins() {
  setMarginType(kLineNumberMargin, QsciScintilla::NumberMargin);
  setMarginLineNumbers(kLineNumberMargin, true);
  setMarginsFont(monospaceFont());
  setMarginsBackgroundColor(QColor(0xf4, 0xf4, 0xf4));
  setMarginsForegroundColor(QColor(0x90, 0x90, 0x90));
  updateLineNumberMarginWidth();

  setMarginType(kSymbolMargin, QsciScintilla::SymbolMargin);
  setMarginWidth(kSymbolMargin, 16);
  setMarginMarkerMask(kSymbolMargin, (1 << kErrorMarker) | (1 << kWarningMarker));
  setMarginMarkerMask(kLineNumberMargin, 0);
}

void P4Editor::setUpDiagnosticStyles() {
  markerDefine(QsciScintilla::Circle, kErrorMarker);
  setMarkerBackgroundColor(kErrorColor, kErrorMarker);
  setMarkerForegroundColor(kErrorColor.darker(130), kErrorMarker);
  markerDefine(QsciScintilla::Circle, kWarningMarker);
  setMarkerBackgroundColor(kWarningColor, kWarningMarker);
  setMarkerForegroundColor(kWarningColor.darker(130), kWarningMarker);

  indicatorDefine(QsciScintilla::SquiggleLowIndicator, kErrorIndicator);
  setIndicatorForegroundColor(kErrorColor, kErrorIndicator);
  setIndicatorDrawUnder(true, kErrorIndicator);
  indicatorDefine(QsciScintilla::SquiggleLowIndicator, kWarningIndicator);
  setIndicatorForegroundColor(kWarningColor, kWarningIndicator);
  setIndicatorDrawUnder(true, kWarningIndicator);
}

void P4Editor::updateLineNumberMarginWidth() {
  // Room for the widest line number plus one digit, so the margin rarely jumps.
  const QString widest = QString::number(std::max(lines(), 99)) + QLatin1Char('0');
  setMarginWidth(kLineNumberMargin, widest);
}

int P4Editor::clampedLine0(int line1) const {
  return std::clamp(line1 - 1, 0, std::max(lines() - 1, 0));
}

void P4Editor::clearDiagnostics() {
  m_diagnostics.clear();
  markerDeleteAll(kErrorMarker);
  markerDeleteAll(kWarningMarker);
  const int lastLine = std::max(lines() - 1, 0);
  const int lastIndex = lineLength(lastLine);
  clearIndicatorRange(0, 0, lastLine, std::max(lastIndex, 0), kErrorIndicator);
  clearIndicatorRange(0, 0, lastLine, std::max(lastIndex, 0), kWarningIndicator);
}

void P4Editor::setDiagnostics(const QList<EditorDiagnostic>& diagnostics) {
  clearDiagnostics();
  m_diagnostics = diagnostics;
  for (const EditorDiagnostic& d : diagnostics) {
    if (d.severity == EditorDiagnostic::Severity::Note || d.line <= 0) continue;
    const bool isError = d.severity == EditorDiagnostic::Severity::Error;
    const int line0 = clampedLine0(d.line);
    markerAdd(line0, isError ? kErrorMarker : kWarningMarker);

    // Underline from the reported column to the end of the word there; the whole line
    // when the column is unknown.
    const long lineStart = positionFromLineIndex(line0, 0);
    const long lineEnd = SendScintilla(SCI_GETLINEENDPOSITION, line0);
    long from = d.column > 0 ? std::min(lineStart + d.column - 1, lineEnd) : lineStart;
    long to = d.column > 0 ? SendScintilla(SCI_WORDENDPOSITION, from, true) : lineEnd;
    if (to <= from) to = std::min(from + 1, std::max(lineEnd, from + 1));
    SendScintilla(SCI_SETINDICATORCURRENT, isError ? kErrorIndicator : kWarningIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, from, to - from);
  }
}

void P4Editor::goToLocation(int line, int column, bool takeFocus) {
  const int line0 = clampedLine0(line);
  const int index0 = std::clamp(column - 1, 0, std::max(lineLength(line0), 0));
  // A jump to an off-screen line lands it in the upper third, where the eye expects
  // it, rather than on the bottom edge.
  const int first = static_cast<int>(SendScintilla(SCI_GETFIRSTVISIBLELINE));
  const int onScreen = static_cast<int>(SendScintilla(SCI_LINESONSCREEN));
  if (line0 < first || line0 >= first + onScreen)
    SendScintilla(SCI_SETFIRSTVISIBLELINE, std::max(line0 - onScreen / 3, 0));
  setCursorPosition(line0, index0);
  ensureLineVisible(line0);
  if (takeFocus) setFocus(Qt::OtherFocusReason);
}

QString P4Editor::diagnosticAt(int line0, int index0) const {
  QStringList messages;
  for (const EditorDiagnostic& d : m_diagnostics) {
    if (d.line - 1 != line0) continue;
    if (d.column > 0 && index0 + 1 < d.column) continue;
    messages << d.message;
  }
  return messages.join(QLatin1Char('\n'));
}

void P4Editor::showDiagnosticTip(int position, int x, int y) {
  // Hovering a squiggle shows its message, like every IDE the user already knows.
  if (position < 0) return;
  const bool onIndicator = SendScintilla(SCI_INDICATORVALUEAT, kErrorIndicator, position) != 0 ||
                           SendScintilla(SCI_INDICATORVALUEAT, kWarningIndicator, position) != 0;
  if (!onIndicator) return;
  int line0 = 0;
  int index0 = 0;
  lineIndexFromPosition(position, &line0, &index0);
  const QString text = diagnosticAt(line0, index0);
  if (!text.isEmpty()) QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), text, viewport());
}

}  // namespace p4wb::editor
