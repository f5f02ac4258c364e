#include "app/studio/listing_dock.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <algorithm>

#include "app/studio/listing_highlighter.h"
#include "editor/monospace_font.h"

namespace p4wb::app {

ListingDock::ListingDock(const QString& title, const QString& objectName, Flavor flavor,
                         QWidget* parent)
    : QDockWidget(title, parent), m_edit(new QPlainTextEdit), m_summary(new QLabel) {
  setObjectName(objectName);
  m_edit->setObjectName(objectName + QStringLiteral("Text"));
  m_edit->setReadOnly(true);
  m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
  m_edit->setFont(editor::monospaceFont());
  // Keyboard-selectable so the cursor (and with it linked selection) moves with arrows.
  m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  m_edit->setUndoRedoEnabled(false);
  m_highlighter = new ListingHighlighter(flavor == Flavor::LlvmIr ? ListingHighlighter::Flavor::LlvmIr
                                                  : ListingHighlighter::Flavor::BpfAsm,
                         m_edit->document());
  clearListing(tr("Compile the program (Ctrl+B) to see its %1.").arg(title));
  m_summary->setObjectName(objectName + QStringLiteral("Summary"));
  m_summary->setContentsMargins(4, 2, 4, 2);
  m_summary->setWordWrap(true);
  m_summary->hide();
  auto* box = new QWidget;
  auto* column = new QVBoxLayout(box);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(0);
  column->addWidget(m_summary);
  column->addWidget(m_edit, 1);
  setWidget(box);
  connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, &ListingDock::onCursorMoved);
}

void ListingDock::setListing(const QString& text,
                             const std::vector<compiler::SourceMapEntry>& sourceMap) {
  m_byListingLine.clear();
  m_listingLinesBySourceLine.clear();
  m_highlighted.clear();
  m_highlightedSourceLine = 0;
  for (const compiler::SourceMapEntry& e : sourceMap) {
    if (e.line == 0) continue;
    const int listingLine = static_cast<int>(e.listingLine);
    m_byListingLine.insert(listingLine, e);
    m_listingLinesBySourceLine.insert(static_cast<int>(e.line), listingLine);
  }
  // Keep the reader's place when a recompile produces a listing of similar shape.
  const int scroll = m_edit->verticalScrollBar()->value();
  QSignalBlocker block(m_edit);  // a new text is not the user moving the cursor
  m_edit->setExtraSelections({});
  m_edit->setPlainText(text);
  m_edit->verticalScrollBar()->setValue(scroll);
}

void ListingDock::clearListing(const QString& why) {
  setListing({});
  m_edit->setPlaceholderText(why);
}

QString ListingDock::text() const { return m_edit->toPlainText(); }

void ListingDock::setSummary(const QString& text, const QString& details) {
  m_summary->setText(text);
  m_summary->setToolTip(details);
  m_summary->setVisible(!text.isEmpty());
}

QString ListingDock::summary() const { return m_summary->text(); }

void ListingDock::setDark(bool dark) {
  m_lineColor = dark ? QColor(0x4a, 0x44, 0x1c) : QColor(0xff, 0xf1, 0xb8);
  m_highlighter->setDark(dark);
  const int line = m_highlightedSourceLine;
  m_highlightedSourceLine = -1;  // repaint the linked lines in the new colour
  highlightSourceLine(line);
}

int ListingDock::highlightSourceLine(int line) {
  if (line == m_highlightedSourceLine) return static_cast<int>(m_highlighted.size());
  m_highlightedSourceLine = line;
  m_highlighted = m_listingLinesBySourceLine.values(line);
  std::sort(m_highlighted.begin(), m_highlighted.end());

  QList<QTextEdit::ExtraSelection> selections;
  QTextDocument* doc = m_edit->document();
  for (int listingLine : m_highlighted) {
    const QTextBlock block = doc->findBlockByNumber(listingLine);
    if (!block.isValid()) continue;
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(block);
    sel.format.setBackground(m_lineColor);
    sel.format.setProperty(QTextFormat::FullWidthSelection, true);
    selections << sel;
  }
  m_edit->setExtraSelections(selections);
  if (m_highlighted.isEmpty()) return 0;

  // Scroll only when none of the lines is on screen, so the view does not jump about.
  const int top = m_edit->cursorForPosition(QPoint(0, 0)).blockNumber();
  const int visibleLines =
      m_edit->viewport()->height() / std::max(m_edit->fontMetrics().lineSpacing(), 1);
  const bool anyVisible = std::any_of(m_highlighted.begin(), m_highlighted.end(),
                                      [&](int l) { return l >= top && l < top + visibleLines; });
  if (!anyVisible) m_edit->verticalScrollBar()->setValue(std::max(m_highlighted.first() - 3, 0));
  return static_cast<int>(m_highlighted.size());
}

void ListingDock::onCursorMoved() {
  const int listingLine = m_edit->textCursor().blockNumber();
  auto it = m_byListingLine.constFind(listingLine);
  if (it == m_byListingLine.constEnd()) return;
  emit sourceLocationActivated(QString::fromStdString(it->file), static_cast<int>(it->line),
                               static_cast<int>(it->column));
}

}  // namespace p4wb::app
