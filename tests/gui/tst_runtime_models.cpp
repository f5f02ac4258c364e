// The runtime-facing models without a kernel: TableModel and CountersModel under
// QAbstractItemModelTester, TableModel's validation through the runtime's encoders, the
// undo commands' writes, and the Tables dock's import/export text.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "compiler/driver/driver.h"
#include "runtime/schema.h"
#include <QListWidget>
#include <QMouseEvent>

#include "app/studio/verifier_log_dock.h"
#include "visualizer/counters_model.h"
#include "visualizer/pipeline_view.h"
#include "visualizer/table_commands.h"
#include "visualizer/table_model.h"
#include "visualizer/tables_dock.h"

using namespace p4wb;

class TestRuntimeModels : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void tableModelShowsAndValidates();
  void tableModelFetchesPastThePrefixRead();
  void tableEditsBecomeUndoableWrites();
  void importExportRoundTrip();
  void countersModelRates();
  void pipelineGraphFromSchema();
  void pipelineHasNoOrphanNodes_data();
  void pipelineHasNoOrphanNodes();
  void verifierLogLinesJumpToP4();

 private:
  runtime::ProgramSchema m_schema;
  compiler::CompileResult m_result;
  const runtime::TableSchema* table() const { return &m_schema.tables.at(0); }
};

void TestRuntimeModels::initTestCase() {
  compiler::CompileOptions options;
  options.inputPath = P4WB_EXAMPLES_DIR "/basic_fwd.p4";
  m_result = compiler::compile(options);
  const compiler::CompileResult& result = m_result;
  QVERIFY(result.ok);
  auto schema = runtime::parseSchema(result.schemaJson);
  QVERIFY2(schema.ok(), schema.ok() ? "" : schema.error().message.c_str());
  m_schema = std::move(schema).value();
  QCOMPARE(m_schema.tables.size(), size_t{1});
  QCOMPARE(QString::fromStdString(table()->name), QStringLiteral("ingress.ipv4_fwd"));
}

void TestRuntimeModels::tableModelShowsAndValidates() {
  visualizer::TableModel model(*table());
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QCOMPARE(model.columnCount(), 3);  // dstAddr, action, params
  runtime::Entry a{{"10.0.0.2"}, "ingress.forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"}};
  runtime::Entry b{{"10.0.0.3"}, "ingress.drop", {}};
  model.setEntries({a, b});
  QCOMPARE(model.rowCount(), 2);
  QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("10.0.0.2"));
  QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("forward"));
  QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("02:00:00:00:00:02 02:00:00:00:00:01"));
  // In-place refresh of the same size keeps the rows (no reset).
  QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
  b.action = "ingress.pass_to_kernel";
  model.setEntries({a, b});
  QCOMPARE(resets.count(), 0);
  QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("pass_to_kernel"));
  // Validation by the runtime's encoders.
  QVERIFY(!model.validateCell(0, 0, QStringLiteral("10.0.0.300")).isEmpty());
  QVERIFY(!model.validateCell(0, 2, QStringLiteral("02:00:00:00:00:02")).isEmpty());  // 1 of 2
  QVERIFY(model.validateCell(0, 0, QStringLiteral("192.168.1.1")).isEmpty());
  QSignalSpy rejected(&model, &visualizer::TableModel::editRejected);
  QSignalSpy requested(&model, &visualizer::TableModel::editRequested);
  QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("not-an-ip")));
  QCOMPARE(rejected.count(), 1);
  QVERIFY(model.setData(model.index(0, 0), QStringLiteral("10.0.0.9")));
  QCOMPARE(requested.count(), 1);
  QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("10.0.0.9"));
}

void TestRuntimeModels::tableModelFetchesPastThePrefixRead() {
  // The app reads only a prefix of a big table: views get it page by page, and fetching
  // past it asks for a longer read (once, until it comes).
  visualizer::TableModel model(*table());
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QSignalSpy wanted(&model, &visualizer::TableModel::rowsWanted);
  auto rows = [](int n) {
    std::vector<runtime::Entry> out(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
      out[static_cast<size_t>(i)] = {{"10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256)},
                                     "ingress.drop", {}};
    return out;
  };
  const int page = visualizer::TableModel::kPageRows;
  model.setEntries(rows(page * 2 + page / 2), false);
  QCOMPARE(model.rowCount(), page);
  QVERIFY(!model.isComplete());
  model.fetchMore({});
  QCOMPARE(model.rowCount(), page * 2);
  QCOMPARE(wanted.count(), 0);
  model.fetchMore({});  // the rest of what was read, and a request for more
  QCOMPARE(model.rowCount(), page * 2 + page / 2);
  QCOMPARE(wanted.count(), 1);
  QCOMPARE(wanted.at(0).at(0).toInt(), page * 3);
  QVERIFY(!model.canFetchMore({}));  // pending
  model.setEntries(rows(page * 4), false);
  QCOMPARE(model.rowCount(), page * 3);
  QVERIFY(model.canFetchMore({}));
  model.setEntries(rows(page * 3 + 5), true);  // the end of the table came into the read
  model.fetchMore({});
  QCOMPARE(model.rowCount(), page * 3 + 5);
  QVERIFY(!model.canFetchMore({}));
  QCOMPARE(wanted.count(), 1);
}

void TestRuntimeModels::tableEditsBecomeUndoableWrites() {
  std::vector<visualizer::TableWrite> writes;
  visualizer::TableWriter writer = [&](const visualizer::TableWrite& w) { writes.push_back(w); };
  QUndoStack stack;
  runtime::Entry before{{"10.0.0.2"}, "ingress.drop", {}};
  runtime::Entry after{{"10.0.0.4"}, "ingress.drop", {}};
  stack.push(new visualizer::AddEntryCommand(writer, QStringLiteral("ingress.ipv4_fwd"), before));
  QCOMPARE(writes.size(), size_t{1});
  QCOMPARE(writes[0].kind, visualizer::TableWrite::Kind::Add);
  stack.push(new visualizer::ModifyEntryCommand(writer, QStringLiteral("ingress.ipv4_fwd"),
                                                before, after));
  // A key change is a delete of the old key then an add of the new one.
  QCOMPARE(writes.size(), size_t{3});
  QCOMPARE(writes[1].kind, visualizer::TableWrite::Kind::Delete);
  QCOMPARE(writes[2].entry.keys, after.keys);
  stack.undo();
  QCOMPARE(writes.size(), size_t{5});
  QCOMPARE(writes[3].entry.keys, after.keys);  // delete new
  QCOMPARE(writes[4].entry.keys, before.keys);  // add old back
  stack.undo();
  QCOMPARE(writes.back().kind, visualizer::TableWrite::Kind::Delete);
}

void TestRuntimeModels::importExportRoundTrip() {
  visualizer::TablesDock dock;
  dock.setTables(m_schema.tables);
  runtime::Entry a{{"10.0.0.2"}, "ingress.forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"}};
  dock.setEntries(QStringLiteral("ingress.ipv4_fwd"), {a}, {}, {});
  const QString cli = dock.exportText(false);
  QCOMPARE(cli.trimmed(), QStringLiteral("table_add ingress.ipv4_fwd ingress.forward 10.0.0.2 => "
                                         "02:00:00:00:00:02 02:00:00:00:00:01"));
  QString error;
  QCOMPARE(visualizer::TablesDock::importToScript(dock.exportText(true), &error).trimmed(),
           cli.trimmed());
  QVERIFY(error.isEmpty());
  visualizer::TablesDock::importToScript(QStringLiteral("[ nonsense"), &error);
  QVERIFY(!error.isEmpty());
}

void TestRuntimeModels::countersModelRates() {
  visualizer::CountersModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  std::vector<runtime::StageCount> counts;
  for (const runtime::StageInfo& s : m_schema.stages) counts.push_back({s, 0});
  model.update(counts, 1000);
  QCOMPARE(model.rowCount(), static_cast<int>(m_schema.stages.size()));
  for (auto& c : counts) c.count = 50;
  model.update(counts, 1500);  // 50 packets in 0.5 s
  QCOMPARE(model.count(0), std::uint64_t{50});
  QCOMPARE(model.rate(0), 100.0);
  QCOMPARE(model.history().size(), 1);
  for (auto& c : counts) c.count = 0;  // a reset
  model.update(counts, 2500);
  QCOMPARE(model.rate(0), 0.0);
  QCOMPARE(model.index(0, visualizer::CountersModel::CountColumn).data().toString(),
           QStringLiteral("0"));
}

void TestRuntimeModels::pipelineGraphFromSchema() {
  visualizer::PipelineView view;
  view.resize(400, 700);
  QVERIFY(view.setSchemaJson(m_result.schemaJson));
  // 15 stages, the table's hit and miss share one node: 14 nodes.
  QCOMPARE(view.nodeCount(), static_cast<int>(m_schema.stages.size()) - 1);
  QVERIFY(view.edgeCount() >= 12);
  // The parser's select cases are the start state's edges, from the schema's transitions.
  const runtime::StageInfo* start = nullptr;
  for (const runtime::StageInfo& s : m_schema.stages)
    if (s.kind == "parser_state" && QString::fromStdString(s.name).endsWith(QStringLiteral(".start"))) start = &s;
  QVERIFY(start);
  QVERIFY(!m_schema.transitions.empty());
  const QStringList fromStart = view.edgeLabelsFrom(start->id);
  QVERIFY2(fromStart.contains(QStringLiteral("ETHERTYPE_IPV4")), qPrintable(fromStart.join(QLatin1Char('|'))));
  QVERIFY2(fromStart.contains(QStringLiteral("default → accept")), qPrintable(fromStart.join(QLatin1Char('|'))));
  // The control reaches its table under the condition that guards the apply.
  const runtime::StageInfo* control = nullptr;
  for (const runtime::StageInfo& s : m_schema.stages)
    if (s.kind == "control" && s.name == "ingress") control = &s;
  QVERIFY(control);
  const QStringList fromControl = view.edgeLabelsFrom(control->id);
  QVERIFY2(fromControl.contains(QStringLiteral("if hdr.ipv4.isValid()")), qPrintable(fromControl.join(QLatin1Char('|'))));
  // Live counts: the edge into parse_ipv4 (its only way in) carries exactly its count.
  const runtime::StageInfo* ipv4 = nullptr;
  for (const runtime::StageInfo& s : m_schema.stages)
    if (s.name == "prs.parse_ipv4") ipv4 = &s;
  QVERIFY(ipv4);
  view.setCounts({{start->id, 10}, {ipv4->id, 7}}, {{start->id, 2.0}, {ipv4->id, 1.0}});
  const QStringList texts = view.edgeTextsFrom(start->id);
  QVERIFY2(texts.contains(QStringLiteral("ETHERTYPE_IPV4\n7 · 1/s")), qPrintable(texts.join(QLatin1Char('|'))));
  // Clicking the table node asks for its P4 line.
  const runtime::StageInfo* hit = nullptr;
  for (const runtime::StageInfo& s : m_schema.stages)
    if (s.kind == "table_hit") hit = &s;
  QVERIFY(hit);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QSignalSpy activated(&view, &visualizer::PipelineView::stageActivated);
  view.centerOn(view.nodeCenter(hit->id));
  QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(view.nodeCenter(hit->id)));
  QCOMPARE(activated.count(), 1);
  QCOMPARE(activated.at(0).at(0).toInt(), static_cast<int>(hit->loc.line));
  QVERIFY(!view.setSchemaJson("{not json"));
  QCOMPARE(view.nodeCount(), 0);
}

// Every node of the graph is reached or left by an edge: per-error reject stages,
// sub-parser states and the tables of nested controls included.
void TestRuntimeModels::pipelineHasNoOrphanNodes_data() {
  QTest::addColumn<QString>("path");
  const QDir examples(QStringLiteral(P4WB_EXAMPLES_DIR));
  const QStringList p4 = examples.entryList({QStringLiteral("*.p4")}, QDir::Files, QDir::Name);
  QVERIFY(p4.size() >= 8);
  for (const QString& f : p4) QTest::newRow(qPrintable(f)) << examples.filePath(f);
  const QDir stf(QStringLiteral(P4WB_STF_DIR));
  QStringList more = stf.entryList({QStringLiteral("165*.p4"), QStringLiteral("062_nested_controls.p4"),
                                    QStringLiteral("151_table_apply_in_branches.p4")},
                                   QDir::Files, QDir::Name);
  QCOMPARE(more.size(), 3);
  for (const QString& f : more) QTest::newRow(qPrintable(f)) << stf.filePath(f);
}

void TestRuntimeModels::pipelineHasNoOrphanNodes() {
  QFETCH(QString, path);
  compiler::CompileOptions options;
  options.inputPath = path.toStdString();
  const compiler::CompileResult result = compiler::compile(options);
  QVERIFY2(result.ok, qPrintable(path));
  auto schema = runtime::parseSchema(result.schemaJson);
  QVERIFY(schema.ok());
  visualizer::PipelineView view;
  QVERIFY(view.setSchemaJson(result.schemaJson));
  QVERIFY(view.nodeCount() > 0);
  QCOMPARE(view.orphanNodes().join(QLatin1Char(' ')), QString());
  // Parser states and controls go on somewhere (no dead ends before the deparser).
  for (const runtime::StageInfo& s : schema->stages)
    if (s.kind == "parser_state" || s.kind == "control")
      QVERIFY2(!view.edgeLabelsFrom(s.id).isEmpty(), s.name.c_str());
  // The per-error reject stages are there, and lead to the parser's reject.
  bool perError = false;
  for (const runtime::StageInfo& s : schema->stages)
    if (s.kind == "parser_reject" && s.name.find(".reject.") != std::string::npos) {
      perError = true;
      QVERIFY2(!view.edgeLabelsFrom(s.id).isEmpty(), s.name.c_str());
    }
  QVERIFY(perError);
  if (path.contains(QStringLiteral("151_"))) {
    // A table applied in a switch case of another's action_run: a "case" edge between them.
    const runtime::StageInfo* hit = nullptr;
    for (const runtime::StageInfo& s : schema->stages)
      if (s.kind == "table_hit" && s.name == "C.t") hit = &s;
    QVERIFY(hit);
    QVERIFY2(view.edgeLabelsFrom(hit->id).contains(QStringLiteral("case set")),
             qPrintable(view.edgeLabelsFrom(hit->id).join(QLatin1Char('|'))));
  }
  if (path.contains(QStringLiteral("165_"))) {
    // The sub-parser is entered from the state that applies it, and returns there.
    const runtime::StageInfo *start = nullptr, *subWithB = nullptr;
    for (const runtime::StageInfo& s : schema->stages) {
      if (s.name == "P.start") start = &s;
      if (s.name == "P.pair.with_b") subWithB = &s;
    }
    QVERIFY(start && subWithB);
    QVERIFY2(view.edgeLabelsFrom(start->id).contains(QStringLiteral("pair.apply()")),
             qPrintable(view.edgeLabelsFrom(start->id).join(QLatin1Char('|'))));
    QVERIFY2(view.edgeLabelsFrom(subWithB->id).contains(QStringLiteral("return")),
             qPrintable(view.edgeLabelsFrom(subWithB->id).join(QLatin1Char('|'))));
  }
}

void TestRuntimeModels::verifierLogLinesJumpToP4() {
  // A verifier log in the kernel's format, naming instructions the source map knows.
  const compiler::SourceMapEntry* mapped = nullptr;
  for (const compiler::SourceMapEntry& e : m_result.asmSourceMap)
    if (e.line > 0 && e.insnOffset > 5) {
      mapped = &e;
      break;
    }
  QVERIFY(mapped);
  const QString log = QStringLiteral("func#0 @0\n0: R1=ctx() R10=fp0\n0: (bf) r7 = r1\n%1: (61) r1 = *(u32 *)(r7 +4)\n"
                                     "invalid access to packet, off=0 size=4\nprocessed 12 insns")
                          .arg(mapped->insnOffset);
  app::VerifierLogDock dock;
  dock.setLog(QStringLiteral("the verifier rejected the program"), log,
              QString::fromStdString(mapped->section), m_result.asmSourceMap);
  QCOMPARE(dock.list()->count(), 6);
  QCOMPARE(dock.lineOfRow(3), static_cast<int>(mapped->line));
  QCOMPARE(dock.lineOfRow(4), 0);  // a message line, no instruction
  QCOMPARE(dock.list()->currentRow(), 3);  // the last instruction is the culprit
  QSignalSpy jumped(&dock, &app::VerifierLogDock::sourceLineActivated);
  emit dock.list()->itemActivated(dock.list()->item(3));
  QCOMPARE(jumped.count(), 1);
  QCOMPARE(jumped.at(0).at(1).toInt(), static_cast<int>(mapped->line));
}

QTEST_MAIN(TestRuntimeModels)
#include "tst_runtime_models.moc"
