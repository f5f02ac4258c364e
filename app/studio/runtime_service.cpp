#include "app/studio/runtime_service.h"
#include "app/studio/worker_pools.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

#include "runtime/loaded_program.h"
#include "runtime/netns.h"
#include "runtime/object_spec.h"
#include "runtime/privileges.h"
#include "runtime/program_store.h"
#include "runtime/table_page.h"
#include "runtime/table_script.h"

namespace p4wb::app {
using workers::inOrder;
using workers::onWorker;
using workers::text;

namespace workers {

QThreadPool* readPool() {
  // Own pool: the compile service uses the global one, and a slow compile must not hold
  // up table refreshes (and the other way round).
  static QThreadPool* p = [] {
    auto* tp = new QThreadPool;
    tp->setMaxThreadCount(2);
    return tp;
  }();
  return p;
}

QThreadPool* writePool() {
  // Loads, unloads and table writes run one at a time, in the order they were asked
  // for (a modify that changes a key is a delete followed by an add).
  static QThreadPool* p = [] {
    auto* tp = new QThreadPool;
    tp->setMaxThreadCount(1);
    return tp;
  }();
  return p;
}

std::shared_ptr<const runtime::LoadedProgram> programOrTemporary(
    std::shared_ptr<const runtime::LoadedProgram> loaded, std::vector<std::uint8_t> object,
    const std::string& schemaJson, QString* message) {
  if (loaded) return loaded;
  if (object.empty()) {
    *message = QObject::tr("Nothing to run: compile the program first (Ctrl+B).");
    return nullptr;
  }
  auto spec = runtime::ObjectSpec::fromBytes(std::move(object), schemaJson);
  if (!spec) {
    *message = text(spec.error());
    return nullptr;
  }
  auto prog = runtime::LoadedProgram::load(*spec);
  if (!prog) {
    *message = text(prog.error());
    return nullptr;
  }
  return std::make_shared<runtime::LoadedProgram>(std::move(prog).value());
}

}  // namespace workers

RuntimeService::RuntimeService(QObject* parent) : QObject(parent) {
  qRegisterMetaType<RuntimeSnapshot>();
  qRegisterMetaType<std::shared_ptr<RuntimeSnapshot>>();
  qRegisterMetaType<NetnsInterfaces>();
  qRegisterMetaType<runtime::TraceResult>();
  qRegisterMetaType<TargetsListing>();
  qRegisterMetaType<runtime::StfReport>();
  qRegisterMetaType<std::vector<runtime::TestRunResult>>();
  m_timer.setInterval(1000);
  connect(&m_timer, &QTimer::timeout, this, &RuntimeService::refresh);
}

RuntimeService::~RuntimeService() {
  // Jobs post back to this object; none may outlive it.
  workers::writePool()->waitForDone();
  workers::readPool()->waitForDone();
}

QString RuntimeService::missingPrivileges() {
  auto privileges = runtime::currentPrivileges();
  if (!privileges) return text(privileges.error());
  return QString::fromStdString(privileges->missingSummary());
}

void RuntimeService::load(std::vector<std::uint8_t> object, std::string schemaJson,
                          runtime::Target target, QString name) {
  inOrder([this, object = std::move(object), schemaJson = std::move(schemaJson), target,
           name]() mutable {
    std::shared_ptr<runtime::LoadedProgram> loaded;
    QString message, log, section;
    auto spec = runtime::ObjectSpec::fromBytes(std::move(object), schemaJson);
    if (!spec) {
      message = text(spec.error());
    } else {
      section = QString::fromStdString(
          spec->schema().sectionFor(std::string(runtime::hookName(target.hook))));
      if (section.isEmpty()) section = QStringLiteral("xdp");
      auto result = runtime::ProgramStore().loadAndAttach(*spec, target, name.toStdString());
      if (!result) {
        message = QString::fromStdString(result.error().message);
        log = QString::fromStdString(result.error().detail);
      } else {
        loaded = std::make_shared<runtime::LoadedProgram>(std::move(result).value());
      }
    }
    std::shared_ptr<void> statsFd;
    if (loaded) {
      auto fd = runtime::enableRunTimeStats();
      if (fd) statsFd = std::make_shared<runtime::UniqueFd>(std::move(fd).value());
    }
    const QString where = QString::fromStdString(runtime::describeTarget(target));
    QMetaObject::invokeMethod(this, [=, this] {
      if (loaded) {
        m_program = loaded;
        m_readLimits.clear();
        m_name = name;
        m_targetText = target.ifname.empty() ? tr("loaded, not attached") : where;
        m_statsFd = statsFd;
        m_timer.start();
        emit loadFinished(true, tr("Loaded %1 (%2)").arg(name, m_targetText), {}, section);
        emit programChanged(true);
        refresh();
      } else {
        emit loadFinished(false, message, log, section);
      }
    });
  });
}

void RuntimeService::unload() {
  if (!m_program) {
    emit unloadFinished(false, tr("No program is loaded."));
    return;
  }
  m_timer.stop();
  const QString name = m_name;
  m_program.reset();
  m_statsFd.reset();
  m_name.clear();
  m_targetText.clear();
  emit programChanged(false);
  inOrder([this, name] {
    runtime::Status status = runtime::ProgramStore().unload(name.toStdString());
    const QString message =
        status.ok() ? tr("Unloaded %1").arg(name) : text(status.error());
    QMetaObject::invokeMethod(this, [=, this] { emit unloadFinished(status.ok(), message); });
  });
}

void RuntimeService::listTargets() {
  onWorker([this] {
    NetnsInterfaces out;
    out.netns << QString();
    auto names = runtime::listNetns();
    if (names)
      for (const std::string& n : *names) out.netns << QString::fromStdString(n);
    else
      out.error = text(names.error());
    for (const QString& ns : out.netns) {
      auto ifs = runtime::listInterfaces(ns.toStdString());
      QStringList list;
      if (ifs)
        for (const runtime::Interface& i : *ifs) list << QString::fromStdString(i.name);
      out.interfaces.insert(ns, list);
    }
    QMetaObject::invokeMethod(this, [=, this] { emit targetsListed(out); });
  });
}

void RuntimeService::write(std::function<runtime::Status(const runtime::LoadedProgram&)> op,
                           QString doneText) {
  auto prog = m_program;
  if (!prog) {
    emit writeFinished(false, tr("No program is loaded: load one first (Run > Load, F5)."));
    return;
  }
  inOrder([this, prog, op = std::move(op), doneText] {
    runtime::Status status = op(*prog);
    const QString message = status.ok() ? doneText : text(status.error());
    QMetaObject::invokeMethod(this, [=, this] {
      emit writeFinished(status.ok(), message);
      refresh();
    });
  });
}

void RuntimeService::addEntry(QString table, runtime::Entry e) {
  write(
      [table, e](const runtime::LoadedProgram& p) {
        return runtime::addEntry(p, table.toStdString(), e.keys, e.action, e.params);
      },
      tr("Entry added to %1").arg(table));
}

void RuntimeService::modifyEntry(QString table, runtime::Entry e) {
  write(
      [table, e](const runtime::LoadedProgram& p) {
        return runtime::modifyEntry(p, table.toStdString(), e.keys, e.action, e.params);
      },
      tr("Entry of %1 modified").arg(table));
}

void RuntimeService::deleteEntry(QString table, std::vector<std::string> keys) {
  write(
      [table, keys](const runtime::LoadedProgram& p) {
        return runtime::deleteEntry(p, table.toStdString(), keys);
      },
      tr("Entry deleted from %1").arg(table));
}

void RuntimeService::setDefault(QString table, QString action, std::vector<std::string> params) {
  write(
      [table, action, params](const runtime::LoadedProgram& p) {
        return runtime::setDefault(p, table.toStdString(), action.toStdString(), params);
      },
      tr("Default action of %1 set").arg(table));
}

void RuntimeService::runScript(QString script) {
  write(
      [script](const runtime::LoadedProgram& p) -> runtime::Status {
        auto commands = runtime::parseTableScript(script.toStdString());
        if (!commands) return commands.error();
        return runtime::runTableScript(p, *commands);
      },
      tr("Table commands applied"));
}

void RuntimeService::resetCounters() {
  write([](const runtime::LoadedProgram& p) { return runtime::resetStageCounters(p); },
        tr("Stage counters reset"));
}

void RuntimeService::runOnWorker(std::function<void(const runtime::LoadedProgram&)> fn) {
  auto prog = m_program;
  if (!prog) return;
  onWorker([prog, fn = std::move(fn)] { fn(*prog); });
}

void RuntimeService::testRun(std::vector<std::uint8_t> packet, std::vector<std::uint8_t> object,
                             std::string schemaJson) {
  auto prog = m_program;
  if (!prog && object.empty()) {
    runtime::TraceResult none;
    emit testRunFinished(false, tr("Nothing to run: compile the program first (Ctrl+B)."), none);
    return;
  }
  onWorker([this, prog, packet = std::move(packet), object = std::move(object),
            schemaJson = std::move(schemaJson)]() mutable {
    runtime::TraceResult trace;
    QString message;
    bool ok = false;
    auto target = workers::programOrTemporary(prog, std::move(object), schemaJson, &message);
    if (target) {
      auto result = runtime::traceRun(*target, packet);
      if (result) {
        ok = true;
        trace = std::move(result).value();
        message = prog ? tr("Ran on the loaded program %1").arg(QString::fromStdString(
                                                                    target->programName()))
                       : tr("Ran on the compiled program (loaded for this run only)");
      } else {
        message = text(result.error());
      }
    }
    QMetaObject::invokeMethod(this, [=, this] { emit testRunFinished(ok, message, trace); });
  });
}

void RuntimeService::setTableReadLimit(const QString& table, int rows) {
  if (rows <= m_readLimits.value(table, kDefaultReadRows)) return;
  m_readLimits.insert(table, rows);
  refresh();
}

void RuntimeService::refresh() {
  auto prog = m_program;
  if (!prog) return;
  if (m_refreshing) {
    m_refreshAgain = true;
    return;
  }
  m_refreshing = true;
  std::vector<std::size_t> limits;
  for (const runtime::TableSchema& t : prog->schema().tables)
    limits.push_back(static_cast<std::size_t>(m_readLimits.value(QString::fromStdString(t.name), kDefaultReadRows)));
  onWorker([this, prog, limits = std::move(limits)] {
    QElapsedTimer clock;
    clock.start();
    RuntimeSnapshot snap;
    const auto& tables = prog->schema().tables;
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const runtime::TableSchema& t = tables[i];
      RuntimeSnapshot::Table table;
      table.name = t.name;
      // Only the rows the views reach: a million-entry table costs a page per refresh.
      auto prefix = runtime::readTablePrefix(*prog, t.name, limits[i]);
      if (prefix) {
        table.entries = std::move(prefix->entries);
        table.complete = prefix->complete;
      } else {
        table.error = text(prefix.error());
      }
      if (!t.defaultMap.empty())
        if (auto d = runtime::readDefault(*prog, t.name)) table.defaultEntry = std::move(d).value();
      snap.tables.push_back(std::move(table));
    }
    auto stages = runtime::readStageCounters(*prog);
    if (stages)
      snap.stages = std::move(stages).value();
    else
      snap.countersError = text(stages.error());
    if (auto stats = runtime::readProgramStats(prog->programFd())) snap.stats = *stats;
    snap.readAtMs = QDateTime::currentMSecsSinceEpoch();
    snap.readCostMs = clock.elapsed();
    auto shared = std::make_shared<RuntimeSnapshot>(std::move(snap));
    QMetaObject::invokeMethod(this, [this, prog, shared] {
      m_refreshing = false;
      if (prog == m_program) emit snapshotReady(shared);
      if (std::exchange(m_refreshAgain, false)) refresh();
    });
  });
}

}  // namespace p4wb::app
