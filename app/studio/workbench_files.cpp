// Workbench's file half: editor tabs, opening (files, included files, places the
// compiler names), saving, recent files and the session restored at startup.
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

#include "app/studio/diagnostics_model.h"
#include "app/studio/editor_tabs.h"
#include "app/studio/main_window.h"
#include "app/studio/workbench.h"
#include "compiler/preprocess/builtin_includes.h"
#include "editor/p4_editor.h"
#include "visualizer/stages_model.h"

namespace p4wb::app {
namespace {

const QString kRecentFilesKey = QStringLiteral("file/recent");
const QString kSessionFilesKey = QStringLiteral("session/files");
const QString kSessionCurrentKey = QStringLiteral("session/current");
constexpr int kMaxRecentFiles = 8;
const QString kP4Filter = QObject::tr("P4 programs (*.p4);;All files (*)");

}  // namespace

bool Workbench::openFile(const QString& path) {
  EditorTabs* tabs = m_window->editorTabs();
  if (const int open = tabs->findPath(path); open >= 0) {
    tabs->setCurrentIndex(open);
    return true;
  }
  QString text;
  QString error;
  Document next;
  if (!next.load(path, &text, &error)) {
    m_window->showMessage(error, 0);
    return false;
  }
  // A pristine untitled tab gives way to the file, as in every editor.
  editor::P4Editor* blank = tabs->currentIsBlank() ? tabs->currentEditor() : nullptr;
  tabs->openTab(next, text);
  if (blank) tabs->closeAt(tabs->indexOf(blank));
  m_diagnostics->clear();
  m_stages->clear();
  updateTitle();
  rememberRecentFile(next.path());
  saveSession();
  m_window->showMessage(tr("Opened %1").arg(next.path()));
  return true;
}

bool Workbench::closeTab(int index) {
  EditorTabs* tabs = m_window->editorTabs();
  editor::P4Editor* ed = tabs->editorAt(index);
  if (!ed || !maybeSave(ed)) return false;
  tabs->closeAt(index);
  updateTitle();
  saveSession();
  return true;
}

bool Workbench::openInclude(const QString& name, bool system) {
  if (!system && !document().isUntitled()) {
    const QString next = QFileInfo(document().path()).absoluteDir().filePath(name);
    if (QFileInfo::exists(next)) return openFile(next);
  }
  return openLocation(name, 1, 1);
}

bool Workbench::openLocation(const QString& file, int line, int column) {
  EditorTabs* tabs = m_window->editorTabs();
  if (!isCurrentFile(file)) {
    const QFileInfo info(file);
    int index = tabs->findPath(file);
    if (index < 0 && info.isAbsolute() && info.exists() && openFile(file)) index = tabs->currentIndex();
    if (index < 0) index = tabs->findBuiltin(info.fileName());
    if (index < 0) {
      // Declarations of <core.p4>, <xdp_model.p4>, ... live in the bundled includes.
      const auto text = compiler::findBuiltinInclude(info.fileName().toStdString());
      if (!text) {
        m_window->showMessage(tr("Cannot open %1: no such file").arg(file));
        return false;
      }
      tabs->openTab(Document(), QString::fromUtf8(text->data(), static_cast<qsizetype>(text->size())),
                    info.fileName());
      index = tabs->currentIndex();
    }
    tabs->setCurrentIndex(index);
  }
  m_window->editor()->goToLocation(line, std::max(column, 1));
  return true;
}

bool Workbench::restoreSession() {
  QSettings settings;
  const QStringList files = settings.value(kSessionFilesKey).toStringList();
  const int current = settings.value(kSessionCurrentKey, 0).toInt();
  int opened = 0;
  for (const QString& path : files)
    if (QFileInfo::exists(path) && openFile(path)) ++opened;
  if (current >= 0 && current < files.size()) {
    const int index = m_window->editorTabs()->findPath(files[current]);
    if (index >= 0) m_window->editorTabs()->setCurrentIndex(index);
  }
  return opened > 0;
}

void Workbench::saveSession() const {
  const EditorTabs* tabs = m_window->editorTabs();
  const QStringList paths = tabs->openPaths();
  QSettings settings;
  settings.setValue(kSessionFilesKey, paths);
  settings.setValue(kSessionCurrentKey,
                    paths.indexOf(tabs->currentDocument().path()));
}

QStringList Workbench::recentFiles() { return QSettings().value(kRecentFilesKey).toStringList(); }

void Workbench::rememberRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  QSettings().setValue(kRecentFilesKey, files);
}

void Workbench::fillRecentFilesMenu() {
  QMenu* menu = m_window->recentFilesMenu();
  menu->clear();
  const QStringList files = recentFiles();
  int n = 1;
  for (const QString& path : files) {
    // Alt+1..9 inside the menu: "&1 basic_fwd.p4".
    QAction* action = menu->addAction(tr("&%1 %2").arg(n++).arg(QFileInfo(path).fileName()));
    action->setToolTip(path);
    action->setStatusTip(path);
    connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
  }
  if (files.isEmpty()) menu->addAction(tr("No recent files"))->setEnabled(false);
}

void Workbench::open() {
  const QString dir =
      document().isUntitled() ? QString() : QFileInfo(document().path()).absolutePath();
  const QString path =
      QFileDialog::getOpenFileName(m_window.get(), tr("Open P4 Program"), dir, kP4Filter);
  if (!path.isEmpty()) openFile(path);
}

bool Workbench::save() {
  if (!m_window->editorTabs()->builtinOf(m_window->editor()).isEmpty()) {
    m_window->showMessage(tr("Built-in include files are read-only."));
    return false;
  }
  if (doc().isUntitled()) return saveAs();
  QString error;
  if (!doc().saveAs(doc().path(), m_window->editor()->text(), &error)) {
    QMessageBox::warning(m_window.get(), tr("Save"), error);
    return false;
  }
  m_window->editor()->setModified(false);
  m_window->showMessage(tr("Saved %1").arg(doc().path()));
  return true;
}

bool Workbench::saveAs() {
  const QString path = QFileDialog::getSaveFileName(m_window.get(), tr("Save P4 Program"),
                                                    doc().path(), kP4Filter);
  if (path.isEmpty()) return false;
  QString error;
  if (!doc().saveAs(path, m_window->editor()->text(), &error)) {
    QMessageBox::warning(m_window.get(), tr("Save As"), error);
    return false;
  }
  m_window->editor()->setModified(false);
  m_window->editorTabs()->updateTabText(m_window->editor());
  updateTitle();
  rememberRecentFile(doc().path());
  saveSession();
  return true;
}

bool Workbench::maybeSave(editor::P4Editor* ed) {
  EditorTabs* tabs = m_window->editorTabs();
  if (!ed) ed = m_window->editor();
  if (!ed->isModified() || !tabs->builtinOf(ed).isEmpty()) return true;
  tabs->setCurrentWidget(ed);  // show what the question is about; save() acts on it
  const auto answer = QMessageBox::question(
      m_window.get(), tr("Unsaved changes"),
      tr("%1 has unsaved changes. Save them?").arg(tabs->documentOf(ed).displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

bool Workbench::maybeSaveAll() {
  EditorTabs* tabs = m_window->editorTabs();
  for (int i = 0; i < tabs->count(); ++i)
    if (!maybeSave(tabs->editorAt(i))) return false;
  return true;
}

}  // namespace p4wb::app
