// The Targets dock: its model under QAbstractItemModelTester on a hand-made listing,
// then (as root) the real flow through the dock's widgets: create a lab, see its
// interfaces, attach the compiled basic_fwd to one through the Load dialog, see it in
// the tree, detach it, remove the lab. Root-only steps QSKIP with a reason otherwise.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <unistd.h>

#include "app/studio/load_dialog.h"
#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/workbench.h"
#include "runtime/lab_store.h"
#include "runtime/program_store.h"
#include "visualizer/targets_dock.h"
#include "visualizer/targets_model.h"

using namespace p4wb;
using visualizer::TargetsModel;

class TestTargetsDock : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void modelShowsNamespacesInterfacesPrograms();
  void createsLabThroughTheDock();
  void attachesAndDetachesThroughTheDock();
  void removesLabThroughTheDock();
  void cleanupTestCase();

 private:
  QModelIndex interfaceRow(const QString& netns, const QString& ifname) const;
  visualizer::TargetsDock* dock() const { return m_workbench->mainWindow()->targetsDock(); }

  QTemporaryDir m_labDir;
  QString m_lab;
  std::unique_ptr<app::Workbench> m_workbench;
};

void TestTargetsDock::initTestCase() {
  QCoreApplication::setOrganizationName(QStringLiteral("p4wb-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_targets_dock"));
  QSettings().clear();
  // Labs of this test are recorded apart from the user's.
  qputenv("P4WB_LAB_DIR", m_labDir.path().toUtf8());
  m_lab = QStringLiteral("tgt%1").arg(getpid());
  m_workbench = std::make_unique<app::Workbench>();
  m_workbench->mainWindow()->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_workbench->mainWindow()));
}

void TestTargetsDock::modelShowsNamespacesInterfacesPrograms() {
  TargetsModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  runtime::NetnsInfo here;
  here.current = true;
  runtime::InterfaceInfo lo;
  lo.index = 1;
  lo.name = "lo";
  lo.up = true;
  lo.addresses = {"127.0.0.1/8"};
  here.interfaces = {lo};
  runtime::NetnsInfo lab;
  lab.name = "labx";
  runtime::InterfaceInfo veth;
  veth.index = 2;
  veth.name = "veth0";
  veth.up = true;
  veth.running = true;
  veth.xdp.progId = 42;
  veth.xdp.mode = runtime::XdpMode::Generic;
  veth.tcIngressProgId = 43;
  lab.interfaces = {veth};
  model.setTargets({here, lab});
  model.setLabs({{QStringLiteral("labx"), {QStringLiteral("labx"), QStringLiteral("labx-peer")}}});
  model.setOwnProgram(42, QStringLiteral("basic_fwd"));

  QCOMPARE(model.rowCount(), 2);
  QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("(this namespace)"));
  const QModelIndex ns = model.netnsIndex(QStringLiteral("labx"));
  QVERIFY(ns.isValid());
  QCOMPARE(ns.data(TargetsModel::LabRole).toString(), QStringLiteral("labx"));
  QCOMPARE(model.interfaces(QStringLiteral("labx")), QStringList{QStringLiteral("veth0")});
  const QModelIndex itf = model.index(0, 0, ns);
  QVERIFY(itf.sibling(0, 1).data().toString().startsWith(QStringLiteral("up")));
  QCOMPARE(model.rowCount(itf), 2);  // xdp and tc-ingress
  const QModelIndex xdp = model.index(0, 0, itf);
  QCOMPARE(xdp.data().toString(), QStringLiteral("xdp (generic)"));
  QCOMPARE(xdp.data(TargetsModel::ProgIdRole).toUInt(), 42u);
  QCOMPARE(xdp.data(TargetsModel::IfnameRole).toString(), QStringLiteral("veth0"));
  QCOMPARE(xdp.data(TargetsModel::NetnsRole).toString(), QStringLiteral("labx"));
  QVERIFY(xdp.sibling(0, 1).data().toString().contains(QStringLiteral("basic_fwd")));
  QCOMPARE(model.index(1, 0, itf).data(TargetsModel::HookRole).toString(),
           QStringLiteral("tc-ingress"));
  QCOMPARE(model.parent(xdp), itf);
  // A refresh with fewer rows resets cleanly (the tester checks the signals).
  model.setTargets({here});
  QCOMPARE(model.rowCount(), 1);
  QVERIFY(!model.netnsIndex(QStringLiteral("labx")).isValid());
}

QModelIndex TestTargetsDock::interfaceRow(const QString& netns, const QString& ifname) const {
  TargetsModel* model = dock()->model();
  const QModelIndex ns = model->netnsIndex(netns);
  for (int r = 0; r < model->rowCount(ns); ++r)
    if (model->index(r, 0, ns).data(TargetsModel::IfnameRole).toString() == ifname)
      return model->index(r, 0, ns);
  return {};
}

void TestTargetsDock::createsLabThroughTheDock() {
  if (geteuid() != 0) QSKIP("creating a lab needs root (network namespaces)");
  dock()->show();
  auto* name = dock()->findChild<QLineEdit*>(QStringLiteral("labName"));
  auto* up = dock()->findChild<QPushButton*>(QStringLiteral("labUp"));
  QVERIFY(name && up);
  QVERIFY(!up->isEnabled());  // no name yet
  QTest::keyClicks(name, m_lab);
  QVERIFY(up->isEnabled());
  QTest::mouseClick(up, Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(dock()->model()->netnsIndex(m_lab).isValid(), 15000);
  QVERIFY2(dock()->statusText().contains(QStringLiteral("created")), qPrintable(dock()->statusText()));
  QVERIFY(dock()->model()->netnsIndex(m_lab + QStringLiteral("-peer")).isValid());
  QTRY_VERIFY(dock()->model()->interfaces(m_lab).contains(QStringLiteral("veth0")));
  QVERIFY(dock()->model()->netnsIndex(m_lab).data(TargetsModel::LabRole).toString() == m_lab);
}

void TestTargetsDock::attachesAndDetachesThroughTheDock() {
  if (geteuid() != 0) QSKIP("attaching needs root (BPF)");
  QVERIFY(dock()->model()->netnsIndex(m_lab).isValid());
  QSignalSpy compiled(m_workbench.get(), &app::Workbench::compileFinished);
  QVERIFY(m_workbench->openFile(QStringLiteral(P4WB_EXAMPLES_DIR "/basic_fwd.p4")));
  m_workbench->mainWindow()->actions().compile->trigger();
  QVERIFY(compiled.wait(60000));
  QVERIFY(dock()->select(m_lab, QStringLiteral("veth0")));
  auto* attach = dock()->findChild<QPushButton*>(QStringLiteral("attach"));
  QVERIFY(attach->isEnabled());
  // The Load dialog opens modal, preselected: check its choice and accept it.
  bool sawDialog = false;
  QTimer::singleShot(300, this, [&] {
    auto* dialog = qobject_cast<app::LoadDialog*>(QApplication::activeModalWidget());
    if (!dialog) return;
    sawDialog = true;
    QCOMPARE(QString::fromStdString(dialog->target().netns), m_lab);
    QCOMPARE(QString::fromStdString(dialog->target().ifname), QStringLiteral("veth0"));
    // A name of our own: pins are global, other tests may load basic_fwd too.
    dialog->findChild<QLineEdit*>(QStringLiteral("name"))->setText(m_lab);
    dialog->accept();
  });
  QSignalSpy loaded(m_workbench.get(), &app::Workbench::loadFinished);
  QTest::mouseClick(attach, Qt::LeftButton);
  QVERIFY(sawDialog);
  QVERIFY(loaded.wait(30000));
  QVERIFY(loaded.at(0).at(0).toBool());
  // The tree shows the program under veth0, marked as ours.
  QTRY_VERIFY_WITH_TIMEOUT(dock()->model()->rowCount(interfaceRow(m_lab, QStringLiteral("veth0"))) == 1,
                           10000);
  const QModelIndex prog = dock()->model()->index(0, 0, interfaceRow(m_lab, QStringLiteral("veth0")));
  QVERIFY(prog.data().toString().startsWith(QStringLiteral("xdp")));
  QVERIFY(prog.siblingAtColumn(1).data().toString().contains(QStringLiteral("this studio")));
  dock()->view()->setCurrentIndex(prog);
  auto* detach = dock()->findChild<QPushButton*>(QStringLiteral("detach"));
  QVERIFY(detach->isEnabled());
  QTest::mouseClick(detach, Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!m_workbench->runtimeService()->hasProgram(), 10000);
  QTRY_COMPARE_WITH_TIMEOUT(dock()->model()->rowCount(interfaceRow(m_lab, QStringLiteral("veth0"))), 0,
                            10000);
}

void TestTargetsDock::removesLabThroughTheDock() {
  if (geteuid() != 0) QSKIP("removing a lab needs root (network namespaces)");
  QVERIFY(dock()->select(m_lab));
  auto* down = dock()->findChild<QPushButton*>(QStringLiteral("labDown"));
  QVERIFY(down->isEnabled());
  QTest::mouseClick(down, Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(!dock()->model()->netnsIndex(m_lab).isValid(), 15000);
  QVERIFY(!dock()->model()->netnsIndex(m_lab + QStringLiteral("-peer")).isValid());
  QVERIFY(!runtime::labRecord(m_lab.toStdString(), m_labDir.path().toStdString()).ok());
}

void TestTargetsDock::cleanupTestCase() {
  m_workbench.reset();
  if (geteuid() == 0) (void)runtime::ProgramStore().unload(m_lab.toStdString());
  if (geteuid() == 0) (void)runtime::labDown(m_lab.toStdString(), m_labDir.path().toStdString());
}

QTEST_MAIN(TestTargetsDock)
#include "tst_targets_dock.moc"
