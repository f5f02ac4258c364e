// The P4 source editor: a QScintilla widget with line numbers, P4 highlighting,
// diagnostics drawn as squiggles plus margin markers, and code intelligence (go to
// definition with F2 / Ctrl+click, hover, completion of names and members) answered
// by a CodeIntel the app plugs in. It never owns files; the app decides what text it
// shows, when it is saved, and where a definition opens.
#pragma once

#include <Qsci/qsciscintilla.h>

#include <QList>

#include "editor/code_intel.h"
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

  // Where names are looked up (not owned; may be null: then only keywords and buffer
  // words complete, and F2 does nothing but say so).
  void setCodeIntel(const CodeIntel* intel) { m_intel = intel; }
  const CodeIntel* codeIntel() const { return m_intel; }
  // F2 / Ctrl+click: on an #include line asks for that file (includeRequested), else
  // for the declaration of the word there (definitionRequested). False when neither.
  bool goToDefinition();
  bool goToDefinitionAt(int position);
  // The identifier around a buffer position ("" on none).
  QString wordAt(int position) const;
  // Hover text at a position: a diagnostic there, else what CodeIntel says.
  QString hoverTextAt(int position) const;
  // The file an #include line names, or "" (*system set for <...>).
  QString includeOnLine(int line0, bool* system = nullptr) const;
  // Names offered at the caret for the given completion context (for the completion
  // source and tests): members after "a.b.", else names in scope plus keywords.
  QStringList completionsFor(const QStringList& context) const;
  void setDarkTheme(bool dark);

 signals:
  void definitionRequested(const QString& file, int line, int column);
  void includeRequested(const QString& name, bool system);
  // F2 found nothing; the app shows why in the status bar.
  void definitionNotFound(const QString& word);

 public:
  // Marker and indicator numbers, public so tests can query Scintilla directly.
  static constexpr int kErrorMarker = 1;
  static constexpr int kWarningMarker = 2;
  static constexpr int kErrorIndicator = 8;
  static constexpr int kWarningIndicator = 9;

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  void setUpMargins();
  void setUpCompletion();
  void showHoverTip(int position, int x, int y);
  void setUpDiagnosticStyles();
  void updateLineNumberMarginWidth();
  int clampedLine0(int line1) const;

  P4Lexer* m_lexer = nullptr;
  const CodeIntel* m_intel = nullptr;
  bool m_ctrlClick = false;  // the press was a Ctrl+click: its release is ours too
  QList<EditorDiagnostic> m_diagnostics;
};

}  // namespace p4wb::editor
