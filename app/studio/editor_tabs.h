// The editor area: one tab per open file, each a P4Editor with its Document (or a
// read-only view of a built-in include such as core.p4). There is always at least one
// tab; closing the last leaves an empty untitled one. Tabs do no file I/O themselves.
#pragma once

#include <QHash>
#include <QTabWidget>

#include "app/studio/document.h"

namespace p4wb::editor {
class P4Editor;
}

namespace p4wb::app {

class EditorTabs : public QTabWidget {
  Q_OBJECT

 public:
  explicit EditorTabs(QWidget* parent = nullptr);

  editor::P4Editor* currentEditor() const;
  editor::P4Editor* editorAt(int index) const;
  Document& documentOf(editor::P4Editor* editor);
  const Document& documentOf(editor::P4Editor* editor) const;
  Document& currentDocument() { return documentOf(currentEditor()); }
  const Document& currentDocument() const { return documentOf(currentEditor()); }
  // Name of the built-in include a tab shows ("" for files).
  QString builtinOf(editor::P4Editor* editor) const;

  // Opens a new tab (made current) showing `text`; read-only for built-ins.
  editor::P4Editor* openTab(const Document& document, const QString& text,
                            const QString& builtin = {});
  // The tab of this file (compared canonically), or -1.
  int findPath(const QString& path) const;
  int findBuiltin(const QString& name) const;
  // The current tab is an empty, unmodified untitled one (File > Open reuses it).
  bool currentIsBlank() const;
  // Closes the tab without asking; the last one becomes a blank untitled tab.
  void closeAt(int index);
  // Tab text: file name, '*' when modified, "(built-in)" for built-ins.
  void updateTabText(editor::P4Editor* editor);
  QStringList openPaths() const;

 signals:
  void editorCreated(p4wb::editor::P4Editor* editor);
  void currentEditorChanged(p4wb::editor::P4Editor* editor);

 private:
  struct Tab {
    Document document;
    QString builtin;
  };
  QHash<editor::P4Editor*, Tab> m_tabs;
};

}  // namespace p4wb::app
