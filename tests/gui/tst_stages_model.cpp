// StagesModel under QAbstractItemModelTester: filled from schema JSON, refilled, and
// emptied by bad input without crashing.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "visualizer/stages_dock.h"
#include "visualizer/stages_model.h"

using p4wb::visualizer::StagesDock;
using p4wb::visualizer::StagesModel;

namespace {

const char* kSchema = R"({
  "schema_version": 1,
  "program": { "source": "basic_fwd.p4", "arch": "xdp", "hooks": ["xdp"], "sections": {"xdp": "xdp"} },
  "stage_counters": { "map": "p4wb_stages", "count": 4 },
  "tables": [],
  "stages": [
    { "id": 0, "kind": "parser_state", "name": "prs.start", "loc": { "file": "basic_fwd.p4", "line": 46, "col": 11 } },
    { "id": 1, "kind": "table_hit", "name": "ingress.ipv4_fwd", "loc": { "file": "basic_fwd.p4", "line": 75, "col": 11 } },
    { "id": 2, "kind": "action", "name": "ingress.drop", "loc": { "file": "basic_fwd.p4", "line": 67, "col": 12 } },
    { "id": 3, "kind": "verdict", "name": "XDP_PASS" }
  ],
  "externs": []
})";

}  // namespace

class TestStagesModel : public QObject {
  Q_OBJECT

 private slots:
  void fillsFromSchema();
  void toleratesBadInput_data();
  void toleratesBadInput();
  void dockReportsActivatedLine();
};

void TestStagesModel::fillsFromSchema() {
  StagesModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QVERIFY(model.setSchemaJson(kSchema));
  QCOMPARE(model.rowCount(), 4);
  QCOMPARE(model.columnCount(), int(StagesModel::ColumnCount));
  QCOMPARE(model.index(1, StagesModel::IdColumn).data().toInt(), 1);
  QCOMPARE(model.index(1, StagesModel::KindColumn).data().toString(), QStringLiteral("table hit"));
  QCOMPARE(model.index(1, StagesModel::NameColumn).data().toString(),
           QStringLiteral("ingress.ipv4_fwd"));
  QCOMPARE(model.index(1, StagesModel::LineColumn).data().toInt(), 75);
  QCOMPARE(model.index(1, 0).data(StagesModel::ColumnRole).toInt(), 11);
  QCOMPARE(model.index(1, 0).data(StagesModel::FileRole).toString(),
           QStringLiteral("basic_fwd.p4"));
  // A verdict has no place in the source: no line shown, none reported.
  QVERIFY(!model.index(3, StagesModel::LineColumn).data().isValid());
  QCOMPARE(model.index(3, 0).data(StagesModel::LineRole).toInt(), 0);
  QCOMPARE(model.headerData(StagesModel::NameColumn, Qt::Horizontal).toString(),
           QStringLiteral("Name"));

  // Refilling resets cleanly (the tester checks the signals).
  QVERIFY(model.setSchemaJson(R"({"stages": [{"id": 0, "kind": "control", "name": "ingress"}]})"));
  QCOMPARE(model.rowCount(), 1);
  model.clear();
  QCOMPARE(model.rowCount(), 0);
  QVERIFY(model.errorString().isEmpty());

  // A failed compile empties the model and says why.
  QVERIFY(model.setSchemaJson(kSchema));
  model.setUnavailable(QStringLiteral("the program has errors"));
  QCOMPARE(model.rowCount(), 0);
  QCOMPARE(model.errorString(), QStringLiteral("the program has errors"));
}

void TestStagesModel::toleratesBadInput_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<bool>("valid");
  QTest::addColumn<int>("rows");
  QTest::newRow("not json") << QByteArray("{ stages: [") << false << 0;
  QTest::newRow("empty") << QByteArray("") << false << 0;
  QTest::newRow("array at top") << QByteArray("[1, 2]") << false << 0;
  QTest::newRow("no stages") << QByteArray(R"({"tables": []})") << true << 0;
  QTest::newRow("stages not array") << QByteArray(R"({"stages": 3})") << true << 0;
  QTest::newRow("bad elements skipped")
      << QByteArray(R"({"stages": [7, {"kind": "action"}, {"id": "x"}, {"id": 2, "loc": "no"}]})")
      << true << 1;
}

void TestStagesModel::toleratesBadInput() {
  QFETCH(QByteArray, json);
  QFETCH(bool, valid);
  QFETCH(int, rows);
  StagesModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QVERIFY(model.setSchemaJson(kSchema));
  QCOMPARE(model.setSchemaJson(json.toStdString()), valid);
  QCOMPARE(model.rowCount(), rows);
  QCOMPARE(model.errorString().isEmpty(), valid);
}

void TestStagesModel::dockReportsActivatedLine() {
  StagesModel model;
  StagesDock dock(&model);
  QVERIFY(model.setSchemaJson(kSchema));
  dock.resize(400, 300);
  dock.show();
  QVERIFY(QTest::qWaitForWindowExposed(&dock));
  QSignalSpy activated(&dock, &StagesDock::stageActivated);
  QTableView* view = dock.view();
  const QRect rect = view->visualRect(model.index(2, StagesModel::NameColumn));
  QVERIFY(rect.isValid());
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
  QCOMPARE(activated.count(), 1);
  QCOMPARE(activated.at(0).at(1).toInt(), 67);
  QCOMPARE(activated.at(0).at(2).toInt(), 12);
}

QTEST_MAIN(TestStagesModel)
#include "tst_stages_model.moc"
