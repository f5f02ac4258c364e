// RuntimeService: the studio's only door to the kernel. It owns the program the user
// loaded (a runtime::LoadedProgram shared with its worker jobs) and runs every runtime
// call on a pool thread (QtConcurrent); results come back as signals on the UI thread.
// Nothing here blocks the caller.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

#include "runtime/counters.h"
#include "runtime/stf.h"
#include "runtime/targets.h"
#include "runtime/table.h"
#include "runtime/target.h"
#include "runtime/test_run.h"

namespace p4wb::runtime {
class LoadedProgram;
}

namespace p4wb::app {

// Everything the docks show about a loaded program, read in one worker pass.
struct RuntimeSnapshot {
  struct Table {
    std::string name;
    std::vector<runtime::Entry> entries;
    runtime::Entry defaultEntry;
    bool complete = true;  // entries is the whole table, not just its first rows
    QString error;  // non-empty when the read failed
  };
  std::vector<Table> tables;
  std::vector<runtime::StageCount> stages;
  QString countersError;
  runtime::ProgramStats stats;
  qint64 readAtMs = 0;  // QDateTime::currentMSecsSinceEpoch() at read time
  qint64 readCostMs = 0;  // how long the worker took
};

struct NetnsInterfaces {
  QStringList netns;  // "" first: the studio's own namespace
  QHash<QString, QStringList> interfaces;  // netns -> interface names
  QString error;
};

// Every namespace with its interfaces and attached programs, and the labs that exist.
struct TargetsListing {
  std::vector<runtime::NetnsInfo> netns;
  QHash<QString, QStringList> labs;  // lab name -> its namespaces
  QString error;
};

class RuntimeService : public QObject {
  Q_OBJECT

 public:
  explicit RuntimeService(QObject* parent = nullptr);
  ~RuntimeService() override;

  // "" when this process may load and attach, else a sentence saying what is missing.
  static QString missingPrivileges();

  bool hasProgram() const { return m_program != nullptr; }
  QString programName() const { return m_name; }
  QString targetText() const { return m_targetText; }
  std::shared_ptr<const runtime::LoadedProgram> program() const { return m_program; }

  // Loads object+schema, pins it as `name` in the ProgramStore and attaches it to
  // target (ifname empty: load and pin only). Emits loadFinished.
  void load(std::vector<std::uint8_t> object, std::string schemaJson, runtime::Target target,
            QString name);
  // Unloads the program this studio loaded (detach, unpin). Emits unloadFinished.
  void unload();
  // Lists namespaces and their interfaces. Emits targetsListed.
  void listTargets();
  // Namespaces -> interfaces -> attached programs, and the labs. Emits targetsDescribed.
  void describeTargets();
  // Creates/removes a named lab (runtime/lab_store.h), in order with loads and writes.
  // Emits labFinished, then describeTargets() runs.
  void labUp(QString name, int pairs);
  void labDown(QString name);
  // Detaches program progId from target's hook; the studio's own program is unloaded
  // instead (detach + unpin). Emits detachFinished, then describeTargets() runs.
  void detach(runtime::Target target, quint32 progId);
  // Sends frames out of ifname in netns (AF_PACKET). Emits sendFinished.
  void sendFrames(QString netns, QString ifname, std::vector<std::vector<std::uint8_t>> frames);
  // Runs many packets (each through BPF_PROG_TEST_RUN). Emits batchRunFinished.
  void testRunBatch(std::vector<std::vector<std::uint8_t>> packets,
                    std::vector<std::uint8_t> object, std::string schemaJson);
  // Runs an STF script on the loaded program (or the compiled one, loaded for this run
  // only: table entries it adds then vanish with it). Emits stfFinished.
  void runStf(QString script, std::vector<std::uint8_t> object, std::string schemaJson);
  // Table writes; each emits writeFinished(ok, message) and then refreshes.
  void addEntry(QString table, runtime::Entry entry);
  void modifyEntry(QString table, runtime::Entry entry);
  void deleteEntry(QString table, std::vector<std::string> keys);
  void setDefault(QString table, QString action, std::vector<std::string> params);
  void runScript(QString text);
  void resetCounters();
  // BPF_PROG_TEST_RUN on the loaded program, or when none is loaded, on `object`
  // loaded (not attached) just for this run. Emits testRunFinished.
  void testRun(std::vector<std::uint8_t> packet, std::vector<std::uint8_t> object,
               std::string schemaJson);
  // Reads tables, counters and stats now (also every refreshInterval ms while loaded).
  void refresh();
  void setRefreshInterval(int ms) { m_timer.setInterval(ms); }
  // Each refresh reads the first `rows` entries of `table` (whole pages, at least
  // kDefaultReadRows), not the whole table; raising it reads again soon.
  void setTableReadLimit(const QString& table, int rows);
  static constexpr int kDefaultReadRows = 1000;
  // Runs fn(prog) on a worker; for tests and rare one-offs. Returns at once.
  void runOnWorker(std::function<void(const runtime::LoadedProgram&)> fn);

 signals:
  void loadFinished(bool ok, const QString& message, const QString& verifierLog,
                    const QString& section);
  void unloadFinished(bool ok, const QString& message);
  void programChanged(bool loaded);
  void targetsListed(const p4wb::app::NetnsInterfaces& targets);
  // Shared, not copied: a refresh may carry 100,000 entries. The (one) receiver may move
  // the entries out.
  void snapshotReady(std::shared_ptr<p4wb::app::RuntimeSnapshot> snapshot);
  void writeFinished(bool ok, const QString& message);
  void testRunFinished(bool ok, const QString& message, const p4wb::runtime::TraceResult& result);
  void targetsDescribed(const p4wb::app::TargetsListing& listing);
  void labFinished(bool ok, const QString& message);
  void detachFinished(bool ok, const QString& message);
  void sendFinished(bool ok, const QString& message);
  void batchRunFinished(bool ok, const QString& message,
                        const std::vector<p4wb::runtime::TestRunResult>& results);
  void stfFinished(bool ok, const QString& message, const p4wb::runtime::StfReport& report);

 private:
  void write(std::function<runtime::Status(const runtime::LoadedProgram&)> op,
             QString doneText);

  std::shared_ptr<const runtime::LoadedProgram> m_program;
  QString m_name;
  QString m_targetText;
  QTimer m_timer;
  bool m_refreshing = false;  // one snapshot read in flight at a time
  bool m_refreshAgain = false;  // asked for while one was in flight
  QHash<QString, int> m_readLimits;  // table -> rows to read (default kDefaultReadRows)
  std::shared_ptr<void> m_statsFd;  // keeps kernel run-time stats on while loaded
};

}  // namespace p4wb::app

Q_DECLARE_METATYPE(p4wb::app::RuntimeSnapshot)
Q_DECLARE_METATYPE(std::shared_ptr<p4wb::app::RuntimeSnapshot>)
Q_DECLARE_METATYPE(p4wb::app::NetnsInterfaces)
Q_DECLARE_METATYPE(p4wb::runtime::TraceResult)
Q_DECLARE_METATYPE(p4wb::app::TargetsListing)
Q_DECLARE_METATYPE(p4wb::runtime::StfReport)
Q_DECLARE_METATYPE(std::vector<p4wb::runtime::TestRunResult>)
