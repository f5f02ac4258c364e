// An incremental find bar for a QScintilla editor (Ctrl+F / F3 / Shift+F3 / Esc), the
// way every code editor has one. It only moves the selection; it never edits text.
#pragma once

#include <QWidget>

class QLineEdit;
class QLabel;
class QCheckBox;
class QsciScintilla;

namespace p4wb::editor {

class FindBar : public QWidget {
  Q_OBJECT

 public:
  explicit FindBar(QsciScintilla* editor, QWidget* parent = nullptr);

  // Shows the bar with the editor's selection (if any) as the search text.
  void activate();
  // Selects the next/previous match after/before the caret, wrapping around; returns
  // whether there was one.
  bool findNext();
  bool findPrevious();
  QLineEdit* lineEdit() const { return m_text; }
  // Searches another editor from now on (the editor tabs switch it).
  void setEditor(QsciScintilla* editor) { m_editor = editor; }

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  bool find(bool forward, bool fromSelectionStart);
  void close();

  QsciScintilla* m_editor;
  QLineEdit* m_text;
  QCheckBox* m_caseSensitive;
  QCheckBox* m_wholeWord;
  QLabel* m_status;
};

}  // namespace p4wb::editor
