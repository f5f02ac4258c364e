// As root: the whole runtime flow through the studio's real objects. Compile
// basic_fwd.p4, load it onto a veth in a fresh lab namespace, add and modify an entry
// through the Tables dock and its model, run a frame through the Packet Lab and watch
// the Counters model move; then unload. Exits 77 ("SKIP: ...") when not root.
#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <unistd.h>

#include <iostream>
#include <optional>

#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/workbench.h"
#include "runtime/lab.h"
#include "runtime/program_store.h"
#include "runtime/table.h"
#include "visualizer/counters_model.h"
#include "visualizer/packet_lab_dock.h"
#include "visualizer/table_model.h"
#include "visualizer/tables_dock.h"

using namespace p4wb;

namespace {
const QString kTable = QStringLiteral("ingress.ipv4_fwd");
}

class TestRuntimeFlow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void loadsIntoLab();
  void addsAndModifiesEntriesThroughTheModel();
  void packetLabRunsAndCountersMove();
  void unloads();
  void cleanupTestCase();

 private:
  std::unique_ptr<app::Workbench> m_workbench;
  std::optional<runtime::Lab> m_lab;
  QString m_name;
};

void TestRuntimeFlow::initTestCase() {
  QCoreApplication::setOrganizationName(QStringLiteral("p4wb-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_runtime_flow"));
  QSettings().clear();
  const QString pid = QString::number(getpid());
  m_name = QStringLiteral("guiflow") + pid;
  runtime::LabOptions options;
  options.netns = ("p4wb-gui-" + pid).toStdString();
  auto lab = runtime::Lab::create(options);
  QVERIFY2(lab.ok(), lab.ok() ? "" : lab.error().render().c_str());
  m_lab.emplace(std::move(lab).value());

  m_workbench = std::make_unique<app::Workbench>();
  m_workbench->runtimeService()->setRefreshInterval(200);
  QVERIFY(m_workbench->openFile(QStringLiteral(P4WB_EXAMPLES_DIR "/basic_fwd.p4")));
  QSignalSpy compiled(m_workbench.get(), &app::Workbench::compileFinished);
  m_workbench->mainWindow()->actions().compile->trigger();
  QVERIFY(compiled.wait(60000));
  QVERIFY(compiled.at(0).at(0).toBool());
}

void TestRuntimeFlow::loadsIntoLab() {
  QSignalSpy loaded(m_workbench.get(), &app::Workbench::loadFinished);
  runtime::Target target;
  target.netns = m_lab->netns();
  target.ifname = "veth0";
  m_workbench->loadTo(target, m_name);
  QVERIFY(loaded.wait(30000));
  QVERIFY2(loaded.at(0).at(0).toBool(), "load failed (see the status bar message)");
  QVERIFY(m_workbench->runtimeService()->hasProgram());
  QVERIFY(m_workbench->mainWindow()->actions().unload->isEnabled());
  QTRY_VERIFY(m_workbench->mainWindow()->tablesDock()->model(kTable) != nullptr);
}

void TestRuntimeFlow::addsAndModifiesEntriesThroughTheModel() {
  visualizer::TablesDock* dock = m_workbench->mainWindow()->tablesDock();
  visualizer::TableModel* model = dock->model(kTable);
  QVERIFY(model);
  dock->addEntry(kTable, {{"10.0.0.2"}, "ingress.forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"}});
  QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
  QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("10.0.0.2"));
  // Edit the parameters in place, as the delegate would.
  QVERIFY(model->setData(model->index(0, model->paramsColumn()),
                         QStringLiteral("02:00:00:00:00:0a 02:00:00:00:00:01")));
  // Confirmed by the kernel: a later refresh still shows it.
  QTest::qWait(600);
  QTRY_COMPARE_WITH_TIMEOUT(model->entry(0).params.at(0), std::string("02:00:00:00:00:0a"), 5000);
  auto entry = runtime::lookupEntry(*m_workbench->runtimeService()->program(), kTable.toStdString(),
                                    {"10.0.0.2"});
  QVERIFY(entry.ok());
  QCOMPARE(entry->params.at(0), std::string("02:00:00:00:00:0a"));
  // Undo the edit, then redo it: the kernel follows.
  dock->undoStack()->undo();
  QTRY_COMPARE_WITH_TIMEOUT(model->entry(0).params.at(0), std::string("02:00:00:00:00:02"), 5000);
  dock->undoStack()->redo();
  QTRY_COMPARE_WITH_TIMEOUT(model->entry(0).params.at(0), std::string("02:00:00:00:00:0a"), 5000);
}

void TestRuntimeFlow::packetLabRunsAndCountersMove() {
  visualizer::PacketLabDock* lab = m_workbench->mainWindow()->packetLabDock();
  visualizer::CountersModel* counters = m_workbench->countersModel();
  QTRY_VERIFY_WITH_TIMEOUT(counters->rowCount() > 0, 5000);
  std::uint64_t before = 0;
  for (int r = 0; r < counters->rowCount(); ++r) before += counters->count(r);
  lab->setTemplateField(QStringLiteral("dst"), QStringLiteral("10.0.0.2"));
  QVERIFY(lab->buildFromTemplate());
  QSignalSpy ran(m_workbench->runtimeService(), &app::RuntimeService::testRunFinished);
  m_workbench->mainWindow()->actions().runPacket->trigger();
  QVERIFY(ran.wait(10000));
  QVERIFY2(ran.at(0).at(0).toBool(), qPrintable(ran.at(0).at(1).toString()));
  QVERIFY2(lab->verdictText().contains(QStringLiteral("XDP_TX")), qPrintable(lab->verdictText()));
  QVERIFY(lab->outputHex().startsWith(QStringLiteral("02 00 00 00 00 0a 02 00 00 00 00 01")));
  QVERIFY2(!lab->stagesPassed().isEmpty(), "no stages passed");
  QVERIFY(lab->stagesPassed().join(' ').contains(QStringLiteral("forward")));
  QTRY_VERIFY_WITH_TIMEOUT(
      [&] {
        std::uint64_t now = 0;
        for (int r = 0; r < counters->rowCount(); ++r) now += counters->count(r);
        return now > before;
      }(),
      5000);
}

void TestRuntimeFlow::unloads() {
  QSignalSpy unloaded(m_workbench->runtimeService(), &app::RuntimeService::unloadFinished);
  m_workbench->mainWindow()->actions().unload->trigger();
  QVERIFY(unloaded.wait(10000));
  QVERIFY2(unloaded.at(0).at(0).toBool(), qPrintable(unloaded.at(0).at(1).toString()));
  QVERIFY(!m_workbench->runtimeService()->hasProgram());
  QVERIFY(!runtime::ProgramStore().record(m_name.toStdString()).ok());
}

void TestRuntimeFlow::cleanupTestCase() {
  m_workbench.reset();
  (void)runtime::ProgramStore().unload(m_name.toStdString());  // in case a step failed
  if (m_lab) (void)m_lab->destroy();
}

int main(int argc, char** argv) {
  if (geteuid() != 0) {
    std::cout << "SKIP: tst_runtime_flow needs root (BPF, network namespaces)\n";
    return 77;
  }
  QApplication app(argc, argv);
  TestRuntimeFlow test;
  return QTest::qExec(&test, argc, argv);
}

#include "tst_runtime_flow.moc"
