// A read-only, monospace dock for compiler output (LLVM IR, the eBPF listing), with
// light syntax colouring. Given the compiler's source map it links selection both
// ways: P4 lines light up their listing lines, and moving the cursor onto a listing
// line reports the P4 place it came from.
#pragma once

#include <QColor>
#include <QDockWidget>
#include <QHash>
#include <QMultiHash>
#include <QPoint>
#include <vector>

#include "compiler/driver/driver.h"

class QLabel;
class QPlainTextEdit;

namespace p4wb::app {

class ListingHighlighter;

class ListingDock : public QDockWidget {
  Q_OBJECT

 public:
  enum class Flavor { LlvmIr, BpfAsm };

  ListingDock(const QString& title, const QString& objectName, Flavor flavor,
              QWidget* parent = nullptr);

  // `sourceMap` entries must already be filtered to the file shown in the editor.
  void setListing(const QString& text, const std::vector<compiler::SourceMapEntry>& sourceMap = {});
  void clearListing(const QString& why);
  QString text() const;
  QPlainTextEdit* textEdit() const { return m_edit; }
  // A line above the listing (program stats); details become its tooltip. Empty hides it.
  void setSummary(const QString& text, const QString& details = {});
  QString summary() const;

  // Highlights every listing line that came from 1-based P4 `line` and scrolls the
  // first into view if none is visible; returns how many lines were highlighted.
  int highlightSourceLine(int line);
  // 0-based listing lines currently highlighted.
  QList<int> highlightedLines() const { return m_highlighted; }
  void setDark(bool dark);

 signals:
  // The user moved onto a listing line that maps to this P4 place (1-based).
  void sourceLocationActivated(const QString& file, int line, int column);

 private:
  void onCursorMoved();

  QPlainTextEdit* m_edit;
  QLabel* m_summary;
  ListingHighlighter* m_highlighter = nullptr;
  QColor m_lineColor{0xff, 0xf1, 0xb8};
  QHash<int, compiler::SourceMapEntry> m_byListingLine;
  QMultiHash<int, int> m_listingLinesBySourceLine;
  QList<int> m_highlighted;
  int m_highlightedSourceLine = 0;
};

}  // namespace p4wb::app
