// The walking skeleton through the GUI: open basic_fwd.p4, press Compile, read the IR
// and eBPF panes; then break the program and find the error in the Diagnostics list.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

#include "app/studio/diagnostics_dock.h"
#include "app/studio/diagnostics_model.h"
#include "app/studio/listing_dock.h"
#include "app/studio/editor_tabs.h"
#include "app/studio/main_window.h"
#include "app/studio/workbench.h"
#include "editor/p4_editor.h"
#include "visualizer/stages_model.h"

using p4wb::app::DiagnosticsModel;
using p4wb::app::MainWindow;
using p4wb::app::Workbench;

namespace {

const QString kExample = QStringLiteral(P4WB_EXAMPLES_DIR "/basic_fwd.p4");
constexpr int kCompileTimeoutMs = 60000;

// 1-based number of the first line containing `needle`, or 0.
int lineOf(const QString& text, const QString& needle) {
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (int i = 0; i < lines.size(); ++i)
    if (lines[i].contains(needle)) return i + 1;
  return 0;
}

}  // namespace

class TestStudioCompile : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void compilesExample();
  void linksSourceAndListings();
  void reportsErrorWithLocation();
  void secondCompileSupersedesFirst();
  void diagnosticClickJumpsToLine();
  void cancelDropsTheResult();
  void compilesWhileTyping();
  void checksEveryOpenTab();
  void resolvesQuotedIncludesNextToTheFile();
  void stageCountersCanBeTurnedOff();
  void savesWindowStateOnClose();

 private:
  void compileAndWait();

  std::unique_ptr<Workbench> m_workbench;
  std::unique_ptr<QAbstractItemModelTester> m_diagnosticsTester;  // over every flow below
  MainWindow* m_window = nullptr;
};

void TestStudioCompile::initTestCase() {
  QCoreApplication::setOrganizationName(QStringLiteral("p4wb-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_studio_compile"));
  QSettings().clear();
  QVERIFY2(QFile::exists(kExample), qPrintable(kExample));
  m_workbench = std::make_unique<Workbench>();
  m_window = m_workbench->mainWindow();
  m_diagnosticsTester = std::make_unique<QAbstractItemModelTester>(
      m_workbench->diagnosticsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  QVERIFY(m_workbench->openFile(kExample));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window));
  QVERIFY(m_window->editor()->text().contains(QStringLiteral("ipv4_fwd")));
  QCOMPARE(Workbench::recentFiles().value(0), QFileInfo(kExample).absoluteFilePath());
}

void TestStudioCompile::compileAndWait() {
  QSignalSpy finished(m_workbench.get(), &Workbench::compileFinished);
  QAction* compile = m_window->actions().compile;
  QVERIFY(compile->isEnabled());
  QCOMPARE(compile->shortcut(), QKeySequence(QStringLiteral("Ctrl+B")));
  compile->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kCompileTimeoutMs);
  QVERIFY(!m_workbench->isCompiling());
}

void TestStudioCompile::compilesExample() {
  compileAndWait();
  QVERIFY(!QTest::currentTestFailed());

  auto* diags = m_workbench->diagnosticsModel();
  QStringList rendered;
  for (const auto& d : diags->diagnostics()) rendered << QString::fromStdString(d.render());
  QVERIFY2(diags->errorCount() == 0, qPrintable(rendered.join(QLatin1Char('\n'))));
  QCOMPARE(diags->rowCount(), 0);

  const QString ir = m_window->irDock()->text();
  QVERIFY2(ir.contains(QStringLiteral("define")), qPrintable(ir.left(2000)));
  // The XDP program function, the table's maps and the stage counters map.
  QVERIFY2(ir.contains(QStringLiteral("define")) && ir.contains(QStringLiteral("@p4wb_xdp(")),
           "the XDP program function is in the IR");
  for (const char* map : {"@ingress_ipv4_fwd ", "@ingress_ipv4_fwd_def ", "@p4wb_stages "})
    QVERIFY2(ir.contains(QLatin1String(map)), map);

  const QString listing = m_window->asmDock()->text();
  QVERIFY2(listing.contains(QStringLiteral("exit")), qPrintable(listing.left(2000)));
  QVERIFY(listing.contains(QStringLiteral("r0")));
  QVERIFY(listing.contains(QStringLiteral("p4wb_xdp:")));
  // Program stats above the listing: instructions, stack, maps with their sizes.
  const QString stats = m_window->asmDock()->summary();
  QVERIFY2(stats.contains(QStringLiteral("instructions (xdp)")) && stats.contains(QStringLiteral("stack ")) &&
               stats.contains(QStringLiteral("3 maps")),
           qPrintable(stats));
  const QString maps = m_window->asmDock()->findChild<QLabel*>(QStringLiteral("EbpfDockSummary")) ?
      m_window->asmDock()->findChild<QLabel*>(QStringLiteral("EbpfDockSummary"))->toolTip() : QString();
  QVERIFY2(maps.contains(QStringLiteral("ingress_ipv4_fwd: hash, 1024 entries, key 4 B")), qPrintable(maps));

  // The schema's stages reached the Stages dock.
  QVERIFY(m_workbench->stagesModel()->rowCount() > 0);
}

void TestStudioCompile::linksSourceAndListings() {
  // Putting the caret on a P4 statement lights up the IR and eBPF lines made from it.
  p4wb::editor::P4Editor* editor = m_window->editor();
  const int applyLine = lineOf(editor->text(), QStringLiteral("ipv4_fwd.apply()"));
  QVERIFY(applyLine > 0);
  // QScintilla reports caret moves from its next UI update, hence the QTRY_.
  editor->setCursorPosition(applyLine - 1, 8);
  p4wb::app::ListingDock* asmDock = m_window->asmDock();
  p4wb::app::ListingDock* irDock = m_window->irDock();
  QTRY_VERIFY(!asmDock->highlightedLines().isEmpty());
  QTRY_VERIFY(!irDock->highlightedLines().isEmpty());
  const int listingLine = asmDock->highlightedLines().first();
  const QString insn = asmDock->text().split(QLatin1Char('\n')).value(listingLine).trimmed();
  QVERIFY2(!insn.isEmpty() && !insn.startsWith(QLatin1Char(';')),
           qPrintable(insn));  // an instruction

  // And back: moving the listing's cursor onto one of those lines moves the editor.
  editor->setCursorPosition(0, 0);
  QTRY_VERIFY(asmDock->highlightedLines().isEmpty());
  QTextCursor cursor(asmDock->textEdit()->document()->findBlockByNumber(listingLine));
  asmDock->textEdit()->setTextCursor(cursor);
  int line0 = -1;
  int index0 = -1;
  editor->getCursorPosition(&line0, &index0);
  QCOMPARE(line0 + 1, applyLine);
}

void TestStudioCompile::reportsErrorWithLocation() {
  // Rename a field access to one that does not exist, as a typo would.
  p4wb::editor::P4Editor* editor = m_window->editor();
  QString text = editor->text();
  const QString good = QStringLiteral("hdr.ipv4.dstAddr : exact");
  const int line = lineOf(text, good);
  QVERIFY(line > 0);
  text.replace(good, QStringLiteral("hdr.ipv4.dstAdr : exact"));
  editor->selectAll();
  editor->replaceSelectedText(text);  // an edit, like typing: the buffer is now modified
  QVERIFY(editor->isModified());

  compileAndWait();
  auto* diags = m_workbench->diagnosticsModel();
  QVERIFY(diags->errorCount() >= 1);
  const QModelIndex first = diags->index(0, DiagnosticsModel::LocationColumn);
  const QString location = first.data().toString();
  QVERIFY2(location.startsWith(QStringLiteral("basic_fwd.p4:%1:").arg(line)), qPrintable(location));
  QCOMPARE(first.data(DiagnosticsModel::LineRole).toInt(), line);
  const QString message = diags->index(0, DiagnosticsModel::MessageColumn).data().toString();
  QVERIFY2(message.contains(QStringLiteral("dstAdr")), qPrintable(message));

  // The editor marks the line in the margin and keeps the user's unsaved text.
  const unsigned markers = editor->markersAtLine(line - 1);
  QVERIFY(markers & (1u << p4wb::editor::P4Editor::kErrorMarker));
  QVERIFY(m_window->irDock()->text().isEmpty());
}

void TestStudioCompile::secondCompileSupersedesFirst() {
  // Two compiles back to back: only the last one's result is delivered.
  QSignalSpy finished(m_workbench.get(), &Workbench::compileFinished);
  m_window->actions().compile->trigger();
  m_window->actions().compile->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(!m_workbench->isCompiling(), kCompileTimeoutMs);
  QTest::qWait(200);
  QCOMPARE(finished.count(), 1);
}

void TestStudioCompile::diagnosticClickJumpsToLine() {
  auto* diags = m_workbench->diagnosticsModel();
  QVERIFY(diags->rowCount() > 0);
  const int line = diags->index(0, 0).data(DiagnosticsModel::LineRole).toInt();
  QVERIFY(line > 1);
  QTreeView* view = m_window->diagnosticsDock()->view();
  m_window->editor()->setCursorPosition(0, 0);
  const QModelIndex index = diags->index(0, DiagnosticsModel::MessageColumn);
  const QRect rect = view->visualRect(index);
  QVERIFY(rect.isValid());
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
  int cursorLine = -1;
  int cursorIndex = -1;
  m_window->editor()->getCursorPosition(&cursorLine, &cursorIndex);
  QCOMPARE(cursorLine + 1, line);
  QCOMPARE(cursorIndex + 1, diags->index(0, 0).data(DiagnosticsModel::ColumnRole).toInt());
}

void TestStudioCompile::cancelDropsTheResult() {
  // Build > Cancel Compile: the run is abandoned and no result replaces the panes.
  QSignalSpy finished(m_workbench.get(), &Workbench::compileFinished);
  QAction* cancel = m_window->actions().cancelCompile;
  QVERIFY(!cancel->isEnabled());
  m_window->actions().compile->trigger();
  QVERIFY(m_workbench->isCompiling());
  QVERIFY(cancel->isEnabled());
  cancel->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(!m_workbench->isCompiling(), kCompileTimeoutMs);
  QVERIFY(!cancel->isEnabled());
  QCOMPARE(finished.count(), 0);
}

void TestStudioCompile::compilesWhileTyping() {
  // With "Compile While Typing" on, an edit alone starts a compile once typing pauses.
  QAction* whileTyping = m_window->actions().compileWhileTyping;
  QVERIFY(whileTyping->isCheckable());
  whileTyping->setChecked(true);
  QSignalSpy finished(m_workbench.get(), &Workbench::compileFinished);
  p4wb::editor::P4Editor* editor = m_window->editor();
  editor->setCursorPosition(editor->lines() - 1, 0);
  QTest::keyClicks(editor, QStringLiteral("// x"));
  QVERIFY(!m_workbench->isCompiling());  // debounced: not yet
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kCompileTimeoutMs);
  whileTyping->setChecked(false);
}

void TestStudioCompile::checksEveryOpenTab() {
  // A tab that is not the current one is checked too, ~300 ms after its last edit: its
  // errors get markers and tooltips there, and clear when fixed.
  const int home = m_window->editorTabs()->currentIndex();
  QTemporaryDir dir;
  QFile example(kExample);
  QVERIFY(example.open(QIODevice::ReadOnly));
  const QString program = QString::fromUtf8(example.readAll());
  QFile other(dir.filePath(QStringLiteral("other.p4")));
  QVERIFY(other.open(QIODevice::WriteOnly));
  other.write(program.toUtf8());
  other.close();
  QVERIFY(m_workbench->openFile(other.fileName()));
  p4wb::editor::P4Editor* background = m_window->editor();
  m_window->editorTabs()->setCurrentIndex(home);
  QVERIFY(m_window->editor() != background);
  const QString good = QStringLiteral("hdr.ipv4.dstAddr : exact");
  const int line = lineOf(program, good);
  QString broken = program;
  broken.replace(good, QStringLiteral("hdr.ipv4.dstAdr : exact"));
  background->selectAll();
  background->replaceSelectedText(broken);
  QTRY_VERIFY_WITH_TIMEOUT(background->markersAtLine(line - 1) & (1u << p4wb::editor::P4Editor::kErrorMarker),
                           kCompileTimeoutMs);
  bool named = false;
  for (const p4wb::editor::EditorDiagnostic& d : background->diagnostics())
    named = named || (d.line == line && d.message.contains(QStringLiteral("dstAdr")));
  QVERIFY(named);
  // Switching to the tab brings its diagnostics into the Diagnostics list.
  m_window->editorTabs()->setCurrentWidget(background);
  QVERIFY(m_workbench->diagnosticsModel()->errorCount() >= 1);
  m_window->editorTabs()->setCurrentIndex(home);
  background->selectAll();
  background->replaceSelectedText(program);
  QTRY_VERIFY_WITH_TIMEOUT(background->diagnostics().isEmpty(), kCompileTimeoutMs);
  QVERIFY(!(background->markersAtLine(line - 1) & (1u << p4wb::editor::P4Editor::kErrorMarker)));
  m_window->editorTabs()->closeAt(m_window->editorTabs()->indexOf(background));
}

void TestStudioCompile::resolvesQuotedIncludesNextToTheFile() {
  // The unsaved buffer is compiled under the file's real path, so #include "defs.p4"
  // finds the file next to it.
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  QFile example(kExample);
  QVERIFY(example.open(QIODevice::ReadOnly));
  QString program = QString::fromUtf8(example.readAll());
  const QString typedefs =
      QStringLiteral("typedef bit<48> mac_addr_t;\ntypedef bit<32> ipv4_addr_t;\n");
  QVERIFY(program.contains(typedefs));
  program.replace(typedefs, QStringLiteral("#include \"defs.p4\"\n"));
  QFile defs(dir.filePath(QStringLiteral("defs.p4")));
  QVERIFY(defs.open(QIODevice::WriteOnly));
  defs.write(typedefs.toUtf8());
  defs.close();
  QFile main(dir.filePath(QStringLiteral("main.p4")));
  QVERIFY(main.open(QIODevice::WriteOnly));
  main.write("// placeholder: the editor's text is what gets compiled\n");
  main.close();

  QVERIFY(m_workbench->openFile(main.fileName()));
  p4wb::editor::P4Editor* editor = m_window->editor();
  editor->selectAll();
  editor->replaceSelectedText(program);
  compileAndWait();
  QStringList rendered;
  for (const auto& d : m_workbench->diagnosticsModel()->diagnostics())
    rendered << QString::fromStdString(d.render());
  QVERIFY2(rendered.isEmpty(), qPrintable(rendered.join(QLatin1Char('\n'))));
  QVERIFY(m_window->irDock()->text().contains(QStringLiteral("@p4wb_xdp(")));
}

void TestStudioCompile::stageCountersCanBeTurnedOff() {
  // Build > Stage Counters off: the program compiles without the counters map.
  QVERIFY(m_workbench->openFile(kExample));  // its tab again, as earlier tests left it
  QFile example(kExample);
  QVERIFY(example.open(QIODevice::ReadOnly));
  m_window->editor()->setText(QString::fromUtf8(example.readAll()));
  QAction* counters = m_window->actions().stageCounters;
  QVERIFY(counters->isChecked());
  counters->setChecked(false);
  compileAndWait();
  QVERIFY(m_workbench->diagnosticsModel()->errorCount() == 0);
  QVERIFY(!m_window->irDock()->text().contains(QStringLiteral("@p4wb_stages ")));
  counters->setChecked(true);
  compileAndWait();
  QVERIFY(m_window->irDock()->text().contains(QStringLiteral("@p4wb_stages ")));
}

void TestStudioCompile::savesWindowStateOnClose() {
  // Nothing to ask about: every tab (the example and the include test's main.p4).
  for (int i = 0; i < m_window->editorTabs()->count(); ++i)
    m_window->editorTabs()->editorAt(i)->setModified(false);
  QVERIFY(m_window->close());
  QSettings settings;
  QVERIFY(!settings.value(QStringLiteral("mainWindow/state")).toByteArray().isEmpty());
  QVERIFY(!settings.value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
}

QTEST_MAIN(TestStudioCompile)
#include "tst_studio_compile.moc"
