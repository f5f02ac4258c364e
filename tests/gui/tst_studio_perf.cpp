// Measurements the issue asks for, printed as "PERF: ..." lines and bounded loosely:
// keystroke -> refreshed IR/eBPF panes with compile-while-typing on vxlan_gateway.p4
// (the slowest example to compile), the UI-thread cost of a TableModel holding all of
// 1,000,000 entries in memory (the worst case; the studio itself reads only the rows
// its views reach), and (as root) the UI thread's
// longest stall while the Tables dock refreshes a live 100,000-entry kernel map and the
// first fill of a 1,000,000-entry one, through the real Workbench and RuntimeService.
#include <QAction>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QAbstractItemModelTester>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <set>
#include <bpf/bpf.h>
#include <unistd.h>

#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/workbench.h"
#include "compiler/driver/driver.h"
#include "editor/p4_editor.h"
#include "runtime/loaded_program.h"
#include "runtime/object_spec.h"
#include "runtime/program_store.h"
#include "runtime/schema.h"
#include "runtime/table_page.h"
#include "visualizer/table_model.h"
#include "visualizer/tables_dock.h"

using namespace p4wb;

class TestStudioPerf : public QObject {
  Q_OBJECT

 private slots:
  void keystrokeToPanes();
  void largeTableRefreshStall();
  void liveTableRefreshStall();
  void pagedReadOfAnLpmTable();
};

namespace {

// The longest gap between turns of the UI thread's event loop: a 1 ms timer that notes
// how late each tick comes.
class StallMeter : public QObject {
 public:
  StallMeter() {
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, [this] {
      m_worst = std::max(m_worst, m_clock.restart());
    });
  }
  void start() {
    m_worst = 0;
    m_clock.start();
    m_timer.start();
  }
  qint64 stop() {
    m_timer.stop();
    return std::max(m_worst, m_clock.elapsed());
  }

 private:
  QTimer m_timer;
  QElapsedTimer m_clock;
  qint64 m_worst = 0;
};

std::string ipv4(unsigned ip) {
  return std::to_string(ip >> 24) + "." + std::to_string((ip >> 16) & 255) + "." +
         std::to_string((ip >> 8) & 255) + "." + std::to_string(ip & 255);
}

// Writes entries [from, to) (10.0.0.0 + i -> forward) into the table's map in batches.
bool fillTable(const runtime::LoadedProgram& prog, const runtime::TableSchema& t, unsigned from, unsigned to) {
  auto fd = prog.mapFd(t.map);
  if (!fd) return false;
  auto value = runtime::encodeValue(t, "ingress.forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"});
  if (!value) return false;
  const unsigned batch = 10000;
  for (unsigned first = from; first < to; first += batch) {
    const unsigned n = std::min(batch, to - first);
    std::vector<std::uint8_t> keys, values;
    for (unsigned i = first; i < first + n; ++i) {
      auto key = runtime::encodeKey(t, {ipv4(0x0a000000u + i)});
      if (!key) return false;
      keys.insert(keys.end(), key->begin(), key->end());
      values.insert(values.end(), value->begin(), value->end());
    }
    __u32 count = n;
    LIBBPF_OPTS(bpf_map_batch_opts, opts);
    if (bpf_map_update_batch(*fd, keys.data(), values.data(), &count, &opts) != 0 || count != n) return false;
  }
  return true;
}

}  // namespace

void TestStudioPerf::keystrokeToPanes() {
  QCoreApplication::setOrganizationName(QStringLiteral("p4wb-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_studio_perf"));
  QSettings().clear();
  app::Workbench wb;
  QVERIFY(wb.openFile(QStringLiteral(P4WB_EXAMPLES_DIR "/vxlan_gateway.p4")));
  wb.mainWindow()->show();
  QVERIFY(QTest::qWaitForWindowExposed(wb.mainWindow()));
  wb.mainWindow()->actions().compileWhileTyping->setChecked(true);
  QSignalSpy finished(&wb, &app::Workbench::compileFinished);
  qint64 worst = 0, total = 0;
  const int runs = 5;
  for (int i = 0; i < runs; ++i) {
    finished.clear();
    QElapsedTimer clock;
    clock.start();
    editor::P4Editor* ed = wb.mainWindow()->editor();
    ed->append(QStringLiteral("\n// edit %1").arg(i));  // one keystroke's worth of change
    QVERIFY(finished.wait(30000));
    QCoreApplication::processEvents();  // the panes repaint in this turn
    const qint64 ms = clock.elapsed();
    worst = std::max(worst, ms);
    total += ms;
  }
  qInfo("PERF: keystroke -> refreshed panes on vxlan_gateway.p4 (the slowest example to compile): avg %lld ms, worst %lld ms "
        "(300 ms of it is the typing pause)", total / runs, worst);
  QVERIFY(worst < 5000);
}

void TestStudioPerf::largeTableRefreshStall() {
  compiler::CompileOptions options;
  options.inputPath = P4WB_EXAMPLES_DIR "/basic_fwd.p4";
  const compiler::CompileResult result = compiler::compile(options);
  QVERIFY(result.ok);
  auto schema = runtime::parseSchema(result.schemaJson);
  QVERIFY(schema.ok());
  // A million entries: the model hands views pages (fetchMore), so the first fill and
  // each live refresh cost the UI thread the rows shown, not the table.
  const int n = 1000000;
  std::vector<runtime::Entry> entries(n);
  for (int i = 0; i < n; ++i) {
    const unsigned ip = 0x0a000000u + static_cast<unsigned>(i);
    entries[i].keys = {std::to_string(ip >> 24) + "." + std::to_string((ip >> 16) & 255) + "." +
                       std::to_string((ip >> 8) & 255) + "." + std::to_string(ip & 255)};
    entries[i].action = "ingress.forward";
    entries[i].params = {"02:00:00:00:00:02", "02:00:00:00:00:01"};
  }
  visualizer::TableModel model(schema->tables.at(0));
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QTableView view;
  view.setModel(&model);
  view.resize(800, 600);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QElapsedTimer clock;
  clock.start();
  model.setEntries(entries);  // includes copying the million entries
  QCoreApplication::processEvents();
  const qint64 fillMs = clock.elapsed();
  QCOMPARE(model.totalRows(), n);
  QVERIFY(model.rowCount() < n);
  QVERIFY(model.canFetchMore({}));
  // Scrolling to the end of what is shown fetches the next page.
  const int before = model.rowCount();
  view.scrollToBottom();
  QTRY_VERIFY(model.rowCount() > before);
  qint64 worstRefresh = 0;
  for (int round = 0; round < 3; ++round) {
    std::vector<runtime::Entry> next = entries;  // built off the clock: a worker does this
    for (int i = round; i < n; i += 100) next[i].params[1] = "02:00:00:00:00:99";
    clock.restart();
    model.setEntries(std::move(next));  // 1% of rows changed
    QCoreApplication::processEvents();
    worstRefresh = std::max(worstRefresh, clock.elapsed());
  }
  QCOMPARE(model.index(100, 2).data().toString(), QStringLiteral("02:00:00:00:00:02 02:00:00:00:00:01"));
  QCOMPARE(model.index(102, 2).data().toString(), QStringLiteral("02:00:00:00:00:02 02:00:00:00:00:99"));
  qInfo("PERF: 1M-entry table on the UI thread: first fill %lld ms, live refresh (1%% changed) "
        "worst %lld ms, %d rows fetched into the view", fillMs, worstRefresh, model.rowCount());
  QVERIFY(worstRefresh < 500);
}

void TestStudioPerf::liveTableRefreshStall() {
  if (geteuid() != 0) QSKIP("SKIP: the live-table measurement needs root (BPF maps)");
  // basic_fwd with room for a million entries, loaded and pinned but attached nowhere.
  QFile base(QStringLiteral(P4WB_EXAMPLES_DIR "/basic_fwd.p4"));
  QVERIFY(base.open(QIODevice::ReadOnly));
  QString source = QString::fromUtf8(base.readAll());
  QVERIFY(source.contains(QStringLiteral("size = 1024;")));
  source.replace(QStringLiteral("size = 1024;"), QStringLiteral("size = 1048576;"));
  QTemporaryDir dir;
  QFile big(dir.filePath(QStringLiteral("big_fwd.p4")));
  QVERIFY(big.open(QIODevice::WriteOnly) && big.write(source.toUtf8()) > 0);
  big.close();
  const QString name = QStringLiteral("guiperf%1").arg(getpid());
  struct Unpin {  // every path out of here
    std::string name;
    ~Unpin() { (void)runtime::ProgramStore().unload(name); }
  } unpin{name.toStdString()};

  app::Workbench wb;
  QVERIFY(wb.openFile(big.fileName()));
  wb.mainWindow()->show();
  QVERIFY(QTest::qWaitForWindowExposed(wb.mainWindow()));
  QSignalSpy compiled(&wb, &app::Workbench::compileFinished);
  wb.mainWindow()->actions().compile->trigger();
  QVERIFY(compiled.wait(60000));
  QVERIFY(compiled.at(0).at(0).toBool());
  QSignalSpy loaded(&wb, &app::Workbench::loadFinished);
  wb.loadTo(runtime::Target{}, name);
  QVERIFY(loaded.wait(30000));
  QVERIFY2(loaded.at(0).at(0).toBool(), "load failed");
  app::RuntimeService* service = wb.runtimeService();
  auto prog = service->program();
  QVERIFY(prog);
  const runtime::TableSchema& schema = prog->schema().tables.at(0);
  QCOMPARE(schema.maxEntries, 1048576u);
  QVERIFY(fillTable(*prog, schema, 0, 100000));

  // The paged read visits every entry once.
  {
    runtime::TableCursor cursor;
    std::set<std::string> seen;
    while (!cursor.done) {
      auto page = runtime::readTablePage(*prog, schema.name, cursor, 4096);
      QVERIFY2(page.ok(), page.ok() ? "" : page.error().message.c_str());
      for (const runtime::Entry& e : *page) seen.insert(e.keys.at(0));
    }
    QCOMPARE(seen.size(), size_t{100000});
    auto prefix = runtime::readTablePrefix(*prog, schema.name, 10000);
    QVERIFY2(prefix.ok(), prefix.ok() ? "" : prefix.error().message.c_str());
    QVERIFY(prefix->entries.size() >= 10000 && !prefix->complete);
  }

  visualizer::TablesDock* dock = wb.mainWindow()->tablesDock();
  dock->show();
  dock->raise();
  visualizer::TableModel* model = dock->model(QString::fromStdString(schema.name));
  QVERIFY(model);
  QSignalSpy snapshots(service, &app::RuntimeService::snapshotReady);
  StallMeter meter;
  service->setRefreshInterval(1000);
  auto measureRefreshes = [&](int n, qint64* worstRead) {
    snapshots.clear();
    meter.start();
    while (snapshots.count() < n)
      if (!snapshots.wait(10000)) break;
    QTest::qWait(50);  // the turn after the last snapshot (repaint)
    *worstRead = 0;
    for (const QList<QVariant>& args : snapshots)
      *worstRead = std::max(*worstRead, args.at(0).value<std::shared_ptr<app::RuntimeSnapshot>>()->readCostMs);
    return meter.stop();
  };
  // The same meter with no refresh due: what the machine (shared CPUs) costs anyway.
  service->setRefreshInterval(60000);
  QTest::qWait(1200);
  meter.start();
  QTest::qWait(2000);
  const qint64 stallIdle = meter.stop();
  service->setRefreshInterval(1000);
  qint64 readMs = 0;
  const qint64 stallFirstPage = measureRefreshes(3, &readMs);
  QCOMPARE(snapshots.count(), 3);
  QVERIFY(model->rowCount() >= visualizer::TableModel::kPageRows);
  QVERIFY(!model->isComplete());
  qInfo("PERF: live 100,000-entry table, Tables dock refreshing every 1 s (first page shown): "
        "UI thread longest stall %lld ms (idle, no refresh: %lld ms); worker read %lld ms per refresh",
        stallFirstPage, stallIdle, readMs);

  // Scroll through 20,000 rows: each page past the read prefix comes with a read.
  QTableView* view = dock->view(QString::fromStdString(schema.name));
  QVERIFY(view);
  meter.start();
  QElapsedTimer scrollClock;
  scrollClock.start();
  while (model->rowCount() < 20000 && scrollClock.elapsed() < 30000) {
    view->scrollToBottom();
    QTest::qWait(5);
  }
  const qint64 stallScroll = meter.stop();
  QVERIFY2(model->rowCount() >= 20000, qPrintable(QStringLiteral("%1 rows, %2 read").arg(model->rowCount()).arg(model->totalRows())));
  const qint64 stallAfterScroll = measureRefreshes(2, &readMs);
  qInfo("PERF: scrolling the live table to row 20,000 took %lld ms, UI thread longest stall %lld ms; "
        "then refreshing 20,000 shown rows: longest stall %lld ms, worker read %lld ms",
        scrollClock.elapsed(), stallScroll, stallAfterScroll, readMs);

  // The worst case: every one of the 100,000 rows read and shown in the view.
  service->setTableReadLimit(QString::fromStdString(schema.name), 100000);
  QTRY_VERIFY_WITH_TIMEOUT(model->isComplete(), 20000);
  while (model->canFetchMore({})) model->fetchMore({});
  QCOMPARE(model->rowCount(), 100000);
  const qint64 stallAllShown = measureRefreshes(2, &readMs);
  qInfo("PERF: all 100,000 rows read and shown: UI thread longest stall %lld ms per refresh, "
        "worker read %lld ms", stallAllShown, readMs);

  // What a whole-table read costs the worker (what each refresh did before paging).
  QElapsedTimer clock;
  clock.start();
  auto all = runtime::dumpTable(*prog, schema.name);
  QVERIFY(all.ok());
  QCOMPARE(all->size(), size_t{100000});
  const qint64 dumpMs = clock.elapsed();

  // First fill of a million-entry table: fresh tabs (as after a load), then the first read.
  QVERIFY(fillTable(*prog, schema, 100000, 1000000));
  service->setRefreshInterval(60000);
  QTest::qWait(1200);  // let a refresh in flight land
  dock->setTables(prog->schema().tables);
  model = dock->model(QString::fromStdString(schema.name));
  QVERIFY(model && model->rowCount() == 0);
  meter.start();
  clock.restart();
  service->refresh();
  QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 10000);
  QCoreApplication::processEvents();
  const qint64 firstFillMs = clock.elapsed();
  const qint64 stallFill = meter.stop();
  clock.restart();
  auto prefix = runtime::readTablePrefix(*prog, schema.name, 1000000);
  QVERIFY(prefix.ok());
  const qint64 fullReadMs = clock.elapsed();
  QCOMPARE(prefix->entries.size(), size_t{1000000});
  QVERIFY(prefix->complete);
  qInfo("PERF: live 1,000,000-entry table: first fill of the Tables dock %lld ms (UI thread "
        "longest stall %lld ms, %d rows shown); reading all entries on a worker: %lld ms for 1M "
        "(batched), %lld ms for 100k via dumpTable (key walk)",
        firstFillMs, stallFill, model->rowCount(), fullReadMs, dumpMs);
  // A guard against reading the whole table on the UI thread (seconds), not a timing
  // target: the figure is printed above; a loaded CI machine stalls 100-300 ms anyway.
  QVERIFY(stallFirstPage < 1000);

  QSignalSpy unloaded(service, &app::RuntimeService::unloadFinished);
  wb.unload();
  QVERIFY(unloaded.wait(30000));
}

void TestStudioPerf::pagedReadOfAnLpmTable() {
  // lpm_trie maps may lack batch lookups (then pages come from the key walk); either
  // way pages cover the table once, and a read that reaches the end is sorted like
  // dumpTable().
  if (geteuid() != 0) QSKIP("SKIP: loading a program needs root (BPF)");
  compiler::CompileOptions options;
  options.inputPath = P4WB_EXAMPLES_DIR "/l3_router.p4";
  const compiler::CompileResult result = compiler::compile(options);
  QVERIFY(result.ok);
  auto spec = runtime::ObjectSpec::fromBytes(result.object);
  QVERIFY(spec.ok());
  auto prog = runtime::LoadedProgram::load(*spec);
  QVERIFY2(prog.ok(), prog.ok() ? "" : prog.error().message.c_str());
  const std::string table = "ingress.ipv4_lpm";
  for (const char* prefix : {"10.2.0.0/16", "10.1.0.0/16", "0.0.0.0/0"})
    QVERIFY(runtime::addEntry(*prog, table, {prefix}, "ingress.drop", {}).ok());
  runtime::TableCursor cursor;
  auto first = runtime::readTablePage(*prog, table, cursor, 2);
  QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
  QCOMPARE(first->size(), size_t{2});
  QVERIFY(!cursor.done);
  qInfo("lpm_trie pages come from %s", cursor.keyWalk ? "the key walk" : "batch lookups (this kernel has them)");
  auto rest = runtime::readTablePage(*prog, table, cursor, 2);
  QVERIFY(rest.ok());
  QCOMPARE(rest->size(), size_t{1});
  auto end = runtime::readTablePage(*prog, table, cursor, 2);
  QVERIFY(end.ok() && end->empty() && cursor.done);
  runtime::TableCursor walk;  // the key walk, as on kernels without batch ops
  walk.keyWalk = true;
  std::size_t walked = 0;
  while (!walk.done) {
    auto page = runtime::readTablePage(*prog, table, walk, 2);
    QVERIFY(page.ok() && page->size() <= 2);
    walked += page->size();
  }
  QCOMPARE(walked, size_t{3});
  auto partial = runtime::readTablePrefix(*prog, table, 1, 2);
  QVERIFY(partial.ok() && !partial->complete && partial->entries.size() == 2);
  auto whole = runtime::readTablePrefix(*prog, table, 10, 2);
  QVERIFY(whole.ok() && whole->complete);
  auto dump = runtime::dumpTable(*prog, table);
  QVERIFY(dump.ok());
  QCOMPARE(whole->entries.size(), dump->size());
  for (std::size_t i = 0; i < dump->size(); ++i) QCOMPARE(whole->entries[i].keys, (*dump)[i].keys);
}

QTEST_MAIN(TestStudioPerf)
#include "tst_studio_perf.moc"
