// Workbench's targets half: the Targets dock (namespaces -> interfaces -> programs, labs)
// and the packet lab's kernel-facing actions (send out of an interface, pcap batches,
// STF scripts), wired to the RuntimeService.
#include <QDockWidget>

#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/workbench.h"
#include "runtime/loaded_program.h"
#include "visualizer/packet_batch_panel.h"
#include "visualizer/packet_lab_dock.h"
#include "visualizer/targets_dock.h"

namespace p4wb::app {
namespace {
constexpr int kTargetsRefreshMs = 3000;
}

void Workbench::connectTargets() {
  visualizer::TargetsDock* dock = m_window->targetsDock();
  connect(dock, &visualizer::TargetsDock::refreshRequested, m_runtime,
          &RuntimeService::describeTargets);
  connect(dock, &visualizer::TargetsDock::labUpRequested, m_runtime, &RuntimeService::labUp);
  connect(dock, &visualizer::TargetsDock::labDownRequested, m_runtime, &RuntimeService::labDown);
  connect(dock, &visualizer::TargetsDock::attachRequested, this, &Workbench::attachFrom);
  connect(dock, &visualizer::TargetsDock::detachRequested, this,
          [this](const QString& netns, const QString& ifname, const QString& hook, quint32 id) {
            runtime::Target target;
            target.netns = netns.toStdString();
            target.ifname = ifname.toStdString();
            if (auto h = runtime::parseHook(hook.toStdString())) target.hook = *h;
            m_runtime->detach(target, id);
          });
  connect(m_runtime, &RuntimeService::targetsDescribed, this, &Workbench::onTargetsDescribed);
  const auto status = [dock](bool ok, const QString& message) { dock->setStatus(message, ok); };
  connect(m_runtime, &RuntimeService::labFinished, dock, status);
  connect(m_runtime, &RuntimeService::detachFinished, dock, status);
  // Programs come and go from outside too (p4wb, ip link): poll while the dock is shown.
  m_targetsTimer.setInterval(kTargetsRefreshMs);
  connect(&m_targetsTimer, &QTimer::timeout, m_runtime, &RuntimeService::describeTargets);
  connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
    if (visible) {
      m_runtime->describeTargets();
      m_targetsTimer.start();
    } else {
      m_targetsTimer.stop();
    }
  });
  connect(m_runtime, &RuntimeService::programChanged, m_runtime, &RuntimeService::describeTargets);
  const QString missing = RuntimeService::missingPrivileges();
  if (!missing.isEmpty())
    dock->setActionsEnabled(false, tr("This p4wb-studio is %1. Attaching programs and "
                                      "creating labs need them.").arg(missing));
  m_runtime->describeTargets();
}

void Workbench::onTargetsDescribed(const TargetsListing& listing) {
  visualizer::TargetsDock* dock = m_window->targetsDock();
  auto prog = m_runtime->program();
  dock->setOwnProgram(prog ? prog->programId() : 0, m_runtime->programName());
  dock->setTargets(listing.netns, listing.labs, listing.error);
  QHash<QString, QStringList> interfaces;
  for (const runtime::NetnsInfo& ns : listing.netns) {
    QStringList names;
    for (const runtime::InterfaceInfo& i : ns.interfaces)
      if (i.name != "lo") names << QString::fromStdString(i.name);
    interfaces.insert(QString::fromStdString(ns.name), names);
  }
  m_window->packetLabDock()->setSendTargets(interfaces);
}

void Workbench::attachFrom(const QString& netns, const QString& ifname) {
  // Same path as Run > Load (compile first when stale), with the target preselected.
  m_attachNetns = netns;
  m_attachIfname = ifname;
  m_attachWish = true;
  load();
}

void Workbench::connectPacketLab() {
  visualizer::PacketLabDock* lab = m_window->packetLabDock();
  visualizer::PacketBatchPanel* batch = lab->batchPanel();
  connect(lab, &visualizer::PacketLabDock::sendRequested, m_runtime, &RuntimeService::sendFrames);
  connect(m_runtime, &RuntimeService::sendFinished, lab, &visualizer::PacketLabDock::showSendResult);
  connect(batch, &visualizer::PacketBatchPanel::batchRequested, this,
          [this](const std::vector<std::vector<std::uint8_t>>& packets) {
            m_runtime->testRunBatch(packets, m_lastResult.object, m_lastResult.schemaJson);
          });
  connect(m_runtime, &RuntimeService::batchRunFinished, batch,
          &visualizer::PacketBatchPanel::showBatchResults);
  connect(batch, &visualizer::PacketBatchPanel::stfRequested, this, [this](const QString& script) {
    m_runtime->runStf(script, m_lastResult.object, m_lastResult.schemaJson);
  });
  connect(m_runtime, &RuntimeService::stfFinished, batch,
          &visualizer::PacketBatchPanel::showStfReport);
}

}  // namespace p4wb::app
