// The editor's code intelligence and the editor area, driven through the real widgets
// on basic_fwd.p4: Outline (under QAbstractItemModelTester) and its jumps, go to
// definition by F2 and Ctrl+click, hover text, completion of names and members, opening
// an included built-in file, tabs, the session restored by a new Workbench, and the
// dark theme persisted.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include "app/studio/editor_tabs.h"
#include "app/studio/main_window.h"
#include "app/studio/outline_dock.h"
#include "app/studio/outline_model.h"
#include "app/studio/workbench.h"
#include "editor/p4_editor.h"
#include "editor/p4_lexer.h"

using namespace p4wb;

namespace {
const QString kExample = QStringLiteral(P4WB_EXAMPLES_DIR "/basic_fwd.p4");
const QString kOther = QStringLiteral(P4WB_EXAMPLES_DIR "/l2_switch.p4");

int caretLine(editor::P4Editor* ed) {
  int line = 0;
  int index = 0;
  ed->getCursorPosition(&line, &index);
  return line + 1;
}

// Buffer position of the first `word` on 1-based `line`.
int positionOf(editor::P4Editor* ed, int line, const QString& word) {
  const int index = static_cast<int>(ed->text(line - 1).indexOf(word));
  return static_cast<int>(ed->positionFromLineIndex(line - 1, index));
}

QModelIndex findRow(QAbstractItemModel* model, const QString& text, const QModelIndex& parent = {}) {
  for (int r = 0; r < model->rowCount(parent); ++r)
    if (model->index(r, 0, parent).data().toString() == text) return model->index(r, 0, parent);
  return {};
}
}  // namespace

class TestEditorIntel : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void outlineListsDeclarations();
  void goToDefinitionWithF2AndCtrlClick();
  void hoverShowsTheType();
  void completesNamesAndMembers();
  void opensIncludedFiles();
  void tabsAndSessionRestore();
  void darkThemeIsPersisted();

 private:
  editor::P4Editor* ed() const { return m_workbench->mainWindow()->editor(); }
  std::unique_ptr<app::Workbench> m_workbench;
};

void TestEditorIntel::initTestCase() {
  QCoreApplication::setOrganizationName(QStringLiteral("p4wb-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_editor_intel"));
  QSettings().clear();
  m_workbench = std::make_unique<app::Workbench>();
  m_workbench->mainWindow()->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_workbench->mainWindow()));
  QVERIFY(m_workbench->openFile(kExample));
  QSignalSpy compiled(m_workbench.get(), &app::Workbench::compileFinished);
  m_workbench->mainWindow()->actions().compile->trigger();
  QVERIFY(compiled.wait(60000));
  QVERIFY(!m_workbench->symbolIndex().isEmpty());
}

void TestEditorIntel::outlineListsDeclarations() {
  app::OutlineModel* model = m_workbench->outlineModel();
  QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  const QModelIndex parser = findRow(model, QStringLiteral("parser  prs"));
  QVERIFY(parser.isValid());
  QVERIFY(findRow(model, QStringLiteral("state  start"), parser).isValid());
  QVERIFY(findRow(model, QStringLiteral("state  parse_ipv4"), parser).isValid());
  const QModelIndex control = findRow(model, QStringLiteral("control  ingress"));
  QVERIFY(control.isValid());
  const QModelIndex table = findRow(model, QStringLiteral("table  ipv4_fwd"), control);
  QVERIFY(table.isValid());
  QVERIFY(findRow(model, QStringLiteral("action  forward"), control).isValid());
  QVERIFY(findRow(model, QStringLiteral("header  ipv4_t")).isValid());
  // Nothing of core.p4 or xdp_model.p4 in the outline.
  QVERIFY(!findRow(model, QStringLiteral("extern  packet_in")).isValid());
  // Enter on a row in the dock's view jumps there.
  QTreeView* view = m_workbench->mainWindow()->outlineDock()->view();
  m_workbench->mainWindow()->outlineDock()->show();
  const auto* proxy = view->model();
  QModelIndex viewTable;
  for (int r = 0; r < proxy->rowCount() && !viewTable.isValid(); ++r)
    viewTable = findRow(const_cast<QAbstractItemModel*>(proxy), QStringLiteral("table  ipv4_fwd"),
                        proxy->index(r, 0));
  QVERIFY(viewTable.isValid());
  view->setCurrentIndex(viewTable);
  QTest::keyClick(view, Qt::Key_Return);
  QCOMPARE(caretLine(ed()), 75);
}

void TestEditorIntel::goToDefinitionWithF2AndCtrlClick() {
  // F2 on "ipv4_fwd" in "ipv4_fwd.apply();" (line 92) goes to the table (line 75).
  ed()->setCursorPosition(91, static_cast<int>(ed()->text(91).indexOf(QStringLiteral("ipv4_fwd"))) + 2);
  m_workbench->mainWindow()->actions().goToDefinition->trigger();
  QCOMPARE(caretLine(ed()), 75);
  // "dmac" in "hdr.ethernet.dstAddr = dmac;" (line 62) is the parameter of forward
  // (line 61): by F2, then by Ctrl+click.
  const int position = positionOf(ed(), 62, QStringLiteral("dmac")) + 1;
  ed()->SendScintilla(QsciScintillaBase::SCI_GOTOPOS, position);
  QVERIFY(ed()->goToDefinition());
  QCOMPARE(caretLine(ed()), 61);
  ed()->ensureLineVisible(61);
  const QPoint at(static_cast<int>(ed()->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0, position)),
                  static_cast<int>(ed()->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0, position)) + 3);
  QTest::mouseClick(ed()->viewport(), Qt::LeftButton, Qt::ControlModifier, at);
  QCOMPARE(caretLine(ed()), 61);
  // A typedef'd field type: mac_addr_t (line 18) goes to its typedef (line 14).
  ed()->setCursorPosition(17, 6);
  QVERIFY(ed()->goToDefinition());
  QCOMPARE(caretLine(ed()), 14);
}

void TestEditorIntel::hoverShowsTheType() {
  const QString hdr = ed()->hoverTextAt(positionOf(ed(), 62, QStringLiteral("hdr")) + 1);
  QVERIFY2(hdr.contains(QStringLiteral("headers_t")), qPrintable(hdr));
  const QString table = ed()->hoverTextAt(positionOf(ed(), 92, QStringLiteral("ipv4_fwd")) + 1);
  QVERIFY2(table.startsWith(QStringLiteral("table")), qPrintable(table));
  QVERIFY(ed()->hoverTextAt(positionOf(ed(), 1, QStringLiteral("basic_fwd")) + 1).isEmpty());
}

void TestEditorIntel::completesNamesAndMembers() {
  ed()->setCursorPosition(88, 8);  // inside ingress's apply block
  const QStringList members = ed()->completionsFor({QStringLiteral("hdr"), QStringLiteral("ipv4"), QString()});
  for (const char* name : {"dstAddr", "ttl", "isValid"})
    QVERIFY2(members.contains(QLatin1String(name)), qPrintable(members.join(' ')));
  QVERIFY(!members.contains(QStringLiteral("control")));  // no keywords after '.'
  const QStringList headers = ed()->completionsFor({QStringLiteral("hdr"), QString()});
  QVERIFY(headers.contains(QStringLiteral("ethernet")) && headers.contains(QStringLiteral("ipv4")));
  QCOMPARE(ed()->completionsFor({QStringLiteral("ipv4_fwd"), QString()}), QStringList{QStringLiteral("apply")});
  const QStringList inScope = ed()->completionsFor({QString()});
  for (const char* name : {"ipv4_fwd", "forward", "hdr", "xout", "ETHERTYPE_IPV4", "transition"})
    QVERIFY2(inScope.contains(QLatin1String(name)), name);
  // Typing "hdr.ipv4." opens the list; Enter takes the first member.
  ed()->setCursorPosition(88, 0);
  ed()->setFocus();
  QTest::keyClicks(ed(), QStringLiteral("hdr.ipv4."));
  QTRY_VERIFY(ed()->isListActive());
  QTest::keyClick(ed(), Qt::Key_Escape);
  ed()->setSelection(88, 0, 88, 9);
  ed()->removeSelectedText();
  QVERIFY(!ed()->text(88).contains(QStringLiteral("hdr.ipv4.")));
}

void TestEditorIntel::opensIncludedFiles() {
  app::EditorTabs* tabs = m_workbench->mainWindow()->editorTabs();
  const int before = tabs->count();
  ed()->setCursorPosition(10, 12);  // #include <core.p4>
  m_workbench->mainWindow()->actions().goToDefinition->trigger();
  QCOMPARE(tabs->count(), before + 1);
  QCOMPARE(tabs->builtinOf(ed()), QStringLiteral("core.p4"));
  QVERIFY(ed()->isReadOnly());
  QVERIFY(ed()->text().contains(QStringLiteral("extern packet_in")));
  // Back in basic_fwd, F2 on packet_in (line 45) lands on its declaration in core.p4.
  tabs->setCurrentIndex(tabs->findPath(kExample));
  ed()->setCursorPosition(44, static_cast<int>(ed()->text(44).indexOf(QStringLiteral("packet_in"))) + 1);
  QVERIFY(ed()->goToDefinition());
  QCOMPARE(tabs->builtinOf(ed()), QStringLiteral("core.p4"));
  QCOMPARE(tabs->count(), before + 1);  // the open tab is reused
  QVERIFY2(ed()->text(caretLine(ed()) - 1).contains(QStringLiteral("packet_in")),
           qPrintable(ed()->text(caretLine(ed()) - 1)));
}

void TestEditorIntel::tabsAndSessionRestore() {
  app::EditorTabs* tabs = m_workbench->mainWindow()->editorTabs();
  QVERIFY(m_workbench->openFile(kOther));
  QCOMPARE(m_workbench->document().displayName(), QStringLiteral("l2_switch.p4"));
  QVERIFY(m_workbench->mainWindow()->windowTitle().startsWith(QStringLiteral("l2_switch.p4")));
  QVERIFY(m_workbench->openFile(kExample));  // already open: its tab comes forward
  QCOMPARE(tabs->openPaths().count(kExample), 1);
  QCOMPARE(m_workbench->document().displayName(), QStringLiteral("basic_fwd.p4"));
  // Close the core.p4 tab with Ctrl+W (read-only: nothing to ask).
  tabs->setCurrentIndex(tabs->findBuiltin(QStringLiteral("core.p4")));
  const int count = tabs->count();
  m_workbench->mainWindow()->actions().closeTab->trigger();
  QCOMPARE(tabs->count(), count - 1);
  tabs->setCurrentIndex(tabs->findPath(kOther));
  for (int i = 0; i < tabs->count(); ++i) tabs->editorAt(i)->setModified(false);
  QVERIFY(m_workbench->mainWindow()->close());
  m_workbench.reset();

  app::Workbench restored;
  QVERIFY(restored.restoreSession());
  const QStringList paths = restored.mainWindow()->editorTabs()->openPaths();
  QVERIFY2(paths.contains(kExample) && paths.contains(kOther), qPrintable(paths.join(' ')));
  QCOMPARE(restored.document().displayName(), QStringLiteral("l2_switch.p4"));
  QCOMPARE(restored.mainWindow()->editorTabs()->count(), 2);  // the blank tab gave way
}

void TestEditorIntel::darkThemeIsPersisted() {
  {
    app::Workbench wb;
    QVERIFY(!wb.mainWindow()->isDarkTheme());
    wb.mainWindow()->actions().themeDark->trigger();
    QVERIFY(wb.mainWindow()->isDarkTheme());
    QVERIFY(wb.mainWindow()->editor()->p4Lexer()->isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    QVERIFY(wb.mainWindow()->editor()->p4Lexer()->paper(0).lightness() < 100);
  }
  app::Workbench again;
  QVERIFY(again.mainWindow()->isDarkTheme());
  QVERIFY(again.mainWindow()->actions().themeDark->isChecked());
  again.mainWindow()->actions().themeLight->trigger();
  QVERIFY(!again.mainWindow()->editor()->p4Lexer()->isDark());
  QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
  QVERIFY(!QSettings().value(QStringLiteral("view/darkTheme")).toBool());
}

QTEST_MAIN(TestEditorIntel)
#include "tst_editor_intel.moc"
