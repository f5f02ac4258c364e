// The P4 source editor: a QScintilla widget with line numbers, P4 highlighting,
// and diagnostics drawn as squiggles plus margin markers. It never owns files; the
// app decides what text it shows and when it is saved.
#pragma once

#include <Qsci/qsciscintilla.h>

#include <QList>

#include "editor/editor_diagnostic.h"

namespace p4wb::editor {

class P4Lexer;

class P4Editor : public QsciScintilla {
  Q_OBJECT

 public:
  explicit P4Editor(QWidget* parent = nullptr);

  // Replaces the shown diagnostics. Lines outside the buffer are clamped, never fatal.
  void setDiagnostics(const QList<EditorDiagnostic>& diagnostics);
  void clearDiagnostics();
  const QList<EditorDiagnostic>& diagnostics() const { return m_diagnostics; }

  // Moves the caret to a 1-based line/column and scrolls there; takes focus if asked.
  void goToLocation(int line, int column, bool takeFocus = true);

  // The message of the diagnostic under a 0-based buffer position, or empty.
  QString diagnosticAt(int line0, int index0) const;

  P4Lexer* p4Lexer() const { return m_lexer; }

  // Marker and indicator numbers, public so tests can query Scintilla directly.
  static constexpr int kErrorMarker = 1;
  static constexpr int kWarningMarker = 2;
  static constexpr int kErrorIndicator = 8;
  static constexpr int kWarningIndicator = 9;

 private:
  void setUpMargins();
  void setUpCompletion();
  void showDiagnosticTip(int position, int x, int y);
  void setUpDiagnosticStyles();
  void updateLineNumberMarginWidth();
  int clampedLine0(int line1) const;

  P4Lexer* m_lexer = nullptr;
  QList<EditorDiagnostic> m_diagnostics;
};

}  // namespace p4wb::editor
