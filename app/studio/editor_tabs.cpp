#include "app/studio/editor_tabs.h"

#include <QFileInfo>
#include <QTabBar>

#include "editor/p4_editor.h"

namespace p4wb::app {

EditorTabs::EditorTabs(QWidget* parent) : QTabWidget(parent) {
  setObjectName(QStringLiteral("EditorTabs"));
  setDocumentMode(true);
  setTabsClosable(true);
  setMovable(false);
  setElideMode(Qt::ElideMiddle);
  connect(this, &QTabWidget::currentChanged, this,
          [this] { emit currentEditorChanged(currentEditor()); });
  openTab(Document(), QString());
}

editor::P4Editor* EditorTabs::currentEditor() const {
  return qobject_cast<editor::P4Editor*>(currentWidget());
}

editor::P4Editor* EditorTabs::editorAt(int index) const {
  return qobject_cast<editor::P4Editor*>(widget(index));
}

Document& EditorTabs::documentOf(editor::P4Editor* editor) { return m_tabs[editor].document; }

const Document& EditorTabs::documentOf(editor::P4Editor* editor) const {
  static const Document none;
  auto it = m_tabs.find(editor);
  return it == m_tabs.end() ? none : it->document;
}

QString EditorTabs::builtinOf(editor::P4Editor* editor) const {
  return m_tabs.value(editor).builtin;
}

editor::P4Editor* EditorTabs::openTab(const Document& document, const QString& text,
                                      const QString& builtin) {
  auto* ed = new editor::P4Editor;
  ed->setObjectName(QStringLiteral("P4Editor"));
  ed->setText(text);
  ed->setModified(false);
  ed->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
  ed->setReadOnly(!builtin.isEmpty());
  m_tabs.insert(ed, Tab{document, builtin});
  connect(ed, &QsciScintilla::modificationChanged, this, [this, ed] { updateTabText(ed); });
  emit editorCreated(ed);
  const int index = addTab(ed, QString());
  updateTabText(ed);
  setCurrentIndex(index);
  return ed;
}

void EditorTabs::updateTabText(editor::P4Editor* editor) {
  const int index = indexOf(editor);
  if (index < 0) return;
  const Tab& tab = m_tabs[editor];
  QString text = tab.builtin.isEmpty() ? tab.document.displayName()
                                       : tr("%1 (built-in)").arg(tab.builtin);
  if (editor->isModified()) text += QLatin1Char('*');
  setTabText(index, text);
  setTabToolTip(index, tab.builtin.isEmpty() ? tab.document.path()
                                             : tr("Bundled with p4wb; read-only"));
}

int EditorTabs::findPath(const QString& path) const {
  const QString wanted = QFileInfo(path).canonicalFilePath();
  for (int i = 0; i < count(); ++i) {
    const Document& d = documentOf(editorAt(i));
    if (d.isUntitled()) continue;
    if (d.path() == path || (!wanted.isEmpty() && QFileInfo(d.path()).canonicalFilePath() == wanted))
      return i;
  }
  return -1;
}

int EditorTabs::findBuiltin(const QString& name) const {
  for (int i = 0; i < count(); ++i)
    if (builtinOf(editorAt(i)) == name) return i;
  return -1;
}

bool EditorTabs::currentIsBlank() const {
  editor::P4Editor* ed = currentEditor();
  return ed && documentOf(ed).isUntitled() && builtinOf(ed).isEmpty() && !ed->isModified() &&
         ed->text().isEmpty();
}

void EditorTabs::closeAt(int index) {
  editor::P4Editor* ed = editorAt(index);
  if (!ed) return;
  if (count() == 1) openTab(Document(), QString());  // never an empty editor area
  removeTab(indexOf(ed));
  m_tabs.remove(ed);
  ed->deleteLater();
}

QStringList EditorTabs::openPaths() const {
  QStringList paths;
  for (int i = 0; i < count(); ++i) {
    const Document& d = documentOf(editorAt(i));
    if (!d.isUntitled()) paths << d.path();
  }
  return paths;
}

}  // namespace p4wb::app
