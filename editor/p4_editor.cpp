#include "editor/p4_editor.h"

#include <Qsci/qsciabstractapis.h>

#include <QMouseEvent>
#include <QRegularExpression>
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

// Completion source: the P4 keywords plus what the editor's CodeIntel knows at the
// caret. Synchronous on purpose: QsciAPIs prepares its word list on a thread that can
// outlive a quickly closed editor.
class KeywordApis : public QsciAbstractAPIs {
 public:
  KeywordApis(QsciLexer* lexer, const P4Editor* editor)
      : QsciAbstractAPIs(lexer), m_editor(editor) {}

  void updateAutoCompletionList(const QStringList& context, QStringList& list) override {
    const QString prefix = context.isEmpty() ? QString() : context.last();
    for (const QString& word : m_editor->completionsFor(context))
      if (word.startsWith(prefix) && !list.contains(word)) list << word;
  }

  QStringList callTips(const QStringList&, int, QsciScintilla::CallTipsStyle,
                       QList<int>&) override {
    return {};
  }

 private:
  const P4Editor* m_editor;
};

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

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
  connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, &P4Editor::showHoverTip);
  connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
}

void P4Editor::setUpCompletion() {
  // Keywords plus the words already in the buffer, offered after three letters.
  new KeywordApis(m_lexer, this);
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

// Hovering a squiggle shows its message, like every IDE the user already knows; any
// other name shows what it is.
void P4Editor::showHoverTip(int position, int x, int y) {
  if (position < 0) return;
  const QString text = hoverTextAt(position);
  if (!text.isEmpty()) QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), text, viewport());
}

QString P4Editor::hoverTextAt(int position) const {
  int line0 = 0;
  int index0 = 0;
  lineIndexFromPosition(position, &line0, &index0);
  const bool onIndicator =
      SendScintilla(SCI_INDICATORVALUEAT, kErrorIndicator, position) != 0 ||
      SendScintilla(SCI_INDICATORVALUEAT, kWarningIndicator, position) != 0;
  if (onIndicator) {
    const QString diagnostic = diagnosticAt(line0, index0);
    if (!diagnostic.isEmpty()) return diagnostic;
  }
  const QString word = wordAt(position);
  if (word.isEmpty() || !m_intel) return {};
  return m_intel->describe(word, line0 + 1, index0 + 1);
}

QString P4Editor::wordAt(int position) const {
  int line0 = 0;
  int index0 = 0;
  lineIndexFromPosition(position, &line0, &index0);
  const QString line = text(line0);
  int from = std::min(index0, static_cast<int>(line.size()));
  int to = from;
  while (from > 0 && isWordChar(line[from - 1])) --from;
  while (to < line.size() && isWordChar(line[to])) ++to;
  const QString word = line.mid(from, to - from);
  return word.isEmpty() || word[0].isDigit() ? QString() : word;
}

QString P4Editor::includeOnLine(int line0, bool* system) const {
  static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"));
  const auto m = re.match(text(line0));
  if (!m.hasMatch()) return {};
  if (system) *system = m.captured(1) == QStringLiteral("<");
  return m.captured(2).trimmed();
}

bool P4Editor::goToDefinition() {
  int line0 = 0;
  int index0 = 0;
  getCursorPosition(&line0, &index0);
  return goToDefinitionAt(static_cast<int>(positionFromLineIndex(line0, index0)));
}

bool P4Editor::goToDefinitionAt(int position) {
  int line0 = 0;
  int index0 = 0;
  lineIndexFromPosition(position, &line0, &index0);
  bool system = false;
  if (const QString include = includeOnLine(line0, &system); !include.isEmpty()) {
    emit includeRequested(include, system);
    return true;
  }
  const QString word = wordAt(position);
  if (word.isEmpty()) return false;
  if (m_intel) {
    if (auto place = m_intel->definitionOf(word, line0 + 1, index0 + 1)) {
      emit definitionRequested(place->file, place->line, place->column);
      return true;
    }
  }
  emit definitionNotFound(word);
  return false;
}

QStringList P4Editor::completionsFor(const QStringList& context) const {
  const QStringList path = context.mid(0, std::max<qsizetype>(context.size() - 1, 0));
  int line0 = 0;
  int index0 = 0;
  getCursorPosition(&line0, &index0);
  QStringList words = m_intel ? m_intel->completions(path, line0 + 1) : QStringList();
  if (path.isEmpty()) words += P4Lexer::keywords();
  return words;
}

void P4Editor::mousePressEvent(QMouseEvent* event) {
  // Ctrl+click follows the name under the mouse, as in every IDE.
  if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ControlModifier)) {
    const QPoint at = event->position().toPoint();
    const long position = SendScintilla(SCI_POSITIONFROMPOINTCLOSE, at.x(), at.y());
    if (position >= 0) {
      int line0 = 0;
      int index0 = 0;
      lineIndexFromPosition(static_cast<int>(position), &line0, &index0);
      setCursorPosition(line0, index0);
      m_ctrlClick = true;
      goToDefinitionAt(static_cast<int>(position));
      event->accept();
      return;
    }
  }
  QsciScintilla::mousePressEvent(event);
}

void P4Editor::mouseReleaseEvent(QMouseEvent* event) {
  // Scintilla never saw the press; its release must not move the caret back.
  if (m_ctrlClick && event->button() == Qt::LeftButton) {
    m_ctrlClick = false;
    event->accept();
    return;
  }
  QsciScintilla::mouseReleaseEvent(event);
}

void P4Editor::setDarkTheme(bool dark) {
  m_lexer->setDark(dark);
  // Past the end of lines Scintilla paints STYLE_DEFAULT, which the lexer styles miss.
  const QColor paper = m_lexer->defaultPaper(P4Lexer::Default);
  m_lexer->setDefaultPaper(paper);
  m_lexer->setDefaultColor(m_lexer->defaultColor(P4Lexer::Default));
  SendScintilla(SCI_STYLESETBACK, STYLE_DEFAULT, paper);
  setCaretLineBackgroundColor(dark ? QColor(0x2a, 0x2d, 0x2e) : QColor(0xe8, 0xf0, 0xfe));
  setCaretForegroundColor(dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(Qt::black));
  setMarginsBackgroundColor(dark ? QColor(0x25, 0x25, 0x26) : QColor(0xf4, 0xf4, 0xf4));
  setMarginsForegroundColor(dark ? QColor(0x85, 0x85, 0x85) : QColor(0x90, 0x90, 0x90));
  setEdgeColor(dark ? QColor(0x33, 0x33, 0x33) : QColor(0xe8, 0xe8, 0xe8));
  setSelectionBackgroundColor(dark ? QColor(0x26, 0x4f, 0x78) : QColor(0xad, 0xd6, 0xff));
  setMatchedBraceBackgroundColor(dark ? QColor(0x3a, 0x3d, 0x41) : QColor(0xd0, 0xe8, 0xd0));
  setMatchedBraceForegroundColor(dark ? QColor(0xff, 0xff, 0xff) : QColor(Qt::black));
  recolor();
}

}  // namespace p4wb::editor
