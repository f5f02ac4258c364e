// Workbench's runtime half: Run > Load/Unload, the tables, counters, verifier log and
// packet lab docks wired to the RuntimeService (which does every syscall on a worker).
#include <QMessageBox>

#include "app/studio/load_dialog.h"
#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/verifier_log_dock.h"
#include "app/studio/workbench.h"
#include "editor/p4_editor.h"
#include "runtime/schema.h"
#include "runtime/loaded_program.h"
#include "visualizer/counters_dock.h"
#include "visualizer/counters_model.h"
#include "visualizer/packet_lab_dock.h"
#include "visualizer/pipeline_view.h"
#include "visualizer/tables_dock.h"

namespace p4wb::app {

void Workbench::connectRuntime() {
  const MainWindow::Actions& a = m_window->actions();
  connect(a.load, &QAction::triggered, this, &Workbench::load);
  connect(a.unload, &QAction::triggered, this, &Workbench::unload);
  connect(m_runtime, &RuntimeService::loadFinished, this, &Workbench::onLoadFinished);
  connect(m_runtime, &RuntimeService::programChanged, this, &Workbench::onProgramChanged);
  connect(m_runtime, &RuntimeService::snapshotReady, this, &Workbench::onSnapshot);
  connect(m_runtime, &RuntimeService::unloadFinished, this,
          [this](bool, const QString& message) { m_window->showMessage(message); });
  connect(m_runtime, &RuntimeService::writeFinished, this, [this](bool ok, const QString& text) {
    m_window->tablesDock()->setStatus(text, ok);
  });
  m_window->tablesDock()->setWriter(
      [this](const visualizer::TableWrite& w) { onTableWrite(w); });
  connect(m_window->tablesDock(), &visualizer::TablesDock::rowsWanted, m_runtime,
          &RuntimeService::setTableReadLimit);
  connect(m_window->countersDock(), &visualizer::CountersDock::resetRequested, m_runtime,
          &RuntimeService::resetCounters);
  connect(m_window->countersDock(), &visualizer::CountersDock::stageActivated, this,
          &Workbench::showLine);
  connect(m_window->verifierLogDock(), &VerifierLogDock::sourceLineActivated, this,
          &Workbench::jumpTo);

  visualizer::PacketLabDock* lab = m_window->packetLabDock();
  connect(a.runPacket, &QAction::triggered, lab, &visualizer::PacketLabDock::run);
  connect(lab, &visualizer::PacketLabDock::stageActivated, this, &Workbench::showLine);
  connect(lab, &visualizer::PacketLabDock::runRequested, this,
          [this](const std::vector<std::uint8_t>& packet) {
            m_runtime->testRun(packet, m_lastResult.object, m_lastResult.schemaJson);
          });
  connect(m_runtime, &RuntimeService::testRunFinished, lab,
          &visualizer::PacketLabDock::showResult);
  visualizer::PipelineView* pipeline = m_window->pipelineView();
  connect(lab, &visualizer::PacketLabDock::stagesHighlighted, pipeline,
          &visualizer::PipelineView::highlightStages);
  connect(pipeline, &visualizer::PipelineView::stageActivated, this, &Workbench::showLine);

  connectTargets();
  connectPacketLab();
  const QString missing = RuntimeService::missingPrivileges();
  if (!missing.isEmpty())
    setRuntimeUnavailable(tr("This p4wb-studio is %1. Editing and compiling work fully "
                             "without them; loading programs, editing tables and running "
                             "packets need them.")
                              .arg(missing));
}

void Workbench::setRuntimeUnavailable(const QString& why) {
  m_window->tablesDock()->setUnavailable(why);
  m_window->countersDock()->setUnavailable(why);
}

void Workbench::load() {
  const QString missing = RuntimeService::missingPrivileges();
  if (!missing.isEmpty()) {
    QMessageBox::warning(m_window.get(), tr("Cannot Load"),
                         tr("This p4wb-studio is %1.\n\nLoading needs them; editing and "
                            "compiling work without.").arg(missing));
    return;
  }
  const bool stale = m_lastResult.object.empty() ||
                     m_lastCompiledText != m_window->editor()->text();
  if (stale) {
    m_loadAfterCompile = true;
    compile();
    return;
  }
  showLoadDialog();
}

void Workbench::showLoadDialog() {
  LoadDialog dialog(programNameFor(document().displayName()), m_window.get());
  if (m_attachWish) dialog.preselect(m_attachNetns, m_attachIfname);
  m_attachWish = false;
  auto connection = connect(m_runtime, &RuntimeService::targetsListed, &dialog,
                            &LoadDialog::setTargets);
  m_runtime->listTargets();
  if (dialog.exec() == QDialog::Accepted) loadTo(dialog.target(), dialog.name());
  disconnect(connection);
}

void Workbench::loadTo(const runtime::Target& target, const QString& name) {
  if (m_lastResult.object.empty()) {
    m_window->showMessage(tr("Nothing to load: compile the program first (Ctrl+B)."));
    return;
  }
  if (m_runtime->hasProgram()) m_runtime->unload();
  m_window->showMessage(tr("Loading %1...").arg(name), 0);
  m_runtime->load(m_lastResult.object, m_lastResult.schemaJson, target, name);
}

void Workbench::unload() { m_runtime->unload(); }

void Workbench::onLoadFinished(bool ok, const QString& message, const QString& log,
                               const QString& section) {
  m_window->showMessage(message, ok ? 5000 : 0);
  VerifierLogDock* dock = m_window->verifierLogDock();
  if (ok) {
    dock->clearLog();
  } else {
    dock->setLog(message, log, section, m_lastResult.asmSourceMap);
    dock->show();
    dock->raise();
  }
  emit loadFinished(ok);
}

void Workbench::onProgramChanged(bool loaded) {
  m_window->actions().unload->setEnabled(loaded);
  m_window->setRuntimeSummary(loaded ? tr("%1: %2").arg(m_runtime->programName(),
                                                         m_runtime->targetText())
                                     : QString());
  m_counters->clear();
  if (!loaded) {
    setRuntimeUnavailable(tr("No program loaded. Compile (Ctrl+B), then Run > Load (F5)."));
    return;
  }
  m_window->tablesDock()->setTables(m_runtime->program()->schema().tables);
  m_window->countersDock()->setAvailable();
}

void Workbench::onSnapshot(std::shared_ptr<RuntimeSnapshot> shared) {
  RuntimeSnapshot& snapshot = *shared;
  for (RuntimeSnapshot::Table& t : snapshot.tables)  // moved, not copied, into the models
    m_window->tablesDock()->setEntries(QString::fromStdString(t.name), std::move(t.entries),
                                       t.defaultEntry, t.error, t.complete);
  if (!snapshot.countersError.isEmpty()) {
    m_window->countersDock()->setUnavailable(snapshot.countersError);
  } else {
    m_counters->update(snapshot.stages, snapshot.readAtMs);
    QHash<quint32, quint64> counts;
    QHash<quint32, double> rates;
    for (const runtime::StageCount& s : snapshot.stages) {
      counts.insert(s.stage.id, s.count);
      rates.insert(s.stage.id, m_counters->rateOfStage(s.stage.id));
    }
    m_window->pipelineView()->setCounts(counts, rates);
    m_window->countersDock()->setProgramStats(snapshot.stats.runCount, snapshot.stats.runTimeNs,
                                              snapshot.readCostMs);
  }
}

void Workbench::onTableWrite(const visualizer::TableWrite& w) {
  using Kind = visualizer::TableWrite::Kind;
  switch (w.kind) {
    case Kind::Add: m_runtime->addEntry(w.table, w.entry); break;
    case Kind::Modify: m_runtime->modifyEntry(w.table, w.entry); break;
    case Kind::Delete: m_runtime->deleteEntry(w.table, w.entry.keys); break;
    case Kind::SetDefault:
      m_runtime->setDefault(w.table, QString::fromStdString(w.entry.action), w.entry.params);
      break;
    case Kind::Script: m_runtime->runScript(w.script); break;
  }
}

}  // namespace p4wb::app
