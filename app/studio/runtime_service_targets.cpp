// RuntimeService, second half: targets listing, labs, detach, sending frames, batch
// test runs and STF scripts. Same rules as the first half: every syscall on a worker,
// results back as signals on the UI thread.
#include <QMetaObject>

#include "app/studio/runtime_service.h"
#include "app/studio/worker_pools.h"
#include "runtime/attach.h"
#include "runtime/lab_store.h"
#include "runtime/loaded_program.h"
#include "runtime/packet_io.h"

namespace p4wb::app {

using workers::inOrder;
using workers::onWorker;
using workers::text;

void RuntimeService::describeTargets() {
  onWorker([this] {
    TargetsListing out;
    auto targets = runtime::listTargets();
    if (targets)
      out.netns = std::move(targets).value();
    else
      out.error = text(targets.error());
    // Lab records are files other processes write; one caught half-written must not
    // take the studio down (a throw here would end the process from the pool thread).
    try {
      if (auto labs = runtime::listLabs()) {
        for (const runtime::LabRecord& lab : *labs)
          out.labs.insert(QString::fromStdString(lab.name),
                          {QString::fromStdString(lab.netns), QString::fromStdString(lab.peerNetns)});
      }
    } catch (const std::exception& e) {
      out.error = tr("Cannot read the lab records: %1").arg(QString::fromUtf8(e.what()));
    }
    QMetaObject::invokeMethod(this, [=, this] { emit targetsDescribed(out); });
  });
}

void RuntimeService::labUp(QString name, int pairs) {
  inOrder([this, name, pairs] {
    auto lab = runtime::labUp(name.toStdString(), static_cast<unsigned>(std::max(pairs, 1)));
    QString message;
    if (lab) {
      QStringList devs;
      for (const runtime::LabPair& p : lab->pairs)
        devs << QStringLiteral("%1 %2").arg(QString::fromStdString(p.dev),
                                            QString::fromStdString(p.devAddr));
      message = tr("Lab %1 created: namespace %2 (%3), peers in %4")
                    .arg(name, QString::fromStdString(lab->netns), devs.join(QStringLiteral(", ")),
                         QString::fromStdString(lab->peerNetns));
    } else {
      message = text(lab.error());
    }
    QMetaObject::invokeMethod(this, [=, this, ok = lab.ok()] {
      emit labFinished(ok, message);
      describeTargets();
    });
  });
}

void RuntimeService::labDown(QString name) {
  inOrder([this, name] {
    auto lab = runtime::labDown(name.toStdString());
    const QString message = lab ? tr("Lab %1 removed").arg(name) : text(lab.error());
    QMetaObject::invokeMethod(this, [=, this, ok = lab.ok()] {
      emit labFinished(ok, message);
      describeTargets();
    });
  });
}

void RuntimeService::detach(runtime::Target target, quint32 progId) {
  if (m_program && m_program->programId() == progId) {
    // Ours: unloading detaches it and removes its pins, so nothing is left behind.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(this, &RuntimeService::unloadFinished, this,
                    [this, once](bool ok, const QString& message) {
                      disconnect(*once);
                      emit detachFinished(ok, message);
                      describeTargets();
                    });
    unload();
    return;
  }
  inOrder([this, target, progId] {
    runtime::Status status = runtime::detach(target, progId);
    const QString where = QString::fromStdString(runtime::describeTarget(target));
    const QString message = status.ok() ? tr("Detached program %1 from %2").arg(progId).arg(where)
                                        : text(status.error());
    QMetaObject::invokeMethod(this, [=, this, ok = status.ok()] {
      emit detachFinished(ok, message);
      describeTargets();
    });
  });
}

void RuntimeService::sendFrames(QString netns, QString ifname,
                                std::vector<std::vector<std::uint8_t>> frames) {
  onWorker([this, netns, ifname, frames = std::move(frames)] {
    auto sent = runtime::sendFrames(netns.toStdString(), ifname.toStdString(), frames);
    const QString where = netns.isEmpty() ? ifname : QStringLiteral("%1 (netns %2)").arg(ifname, netns);
    const QString message = sent ? tr("Sent %n frame(s) out of %1", nullptr, static_cast<int>(*sent)).arg(where)
                                 : text(sent.error());
    QMetaObject::invokeMethod(this, [=, this, ok = sent.ok()] { emit sendFinished(ok, message); });
  });
}

void RuntimeService::testRunBatch(std::vector<std::vector<std::uint8_t>> packets,
                                  std::vector<std::uint8_t> object, std::string schemaJson) {
  onWorker([this, prog = m_program, packets = std::move(packets), object = std::move(object),
            schemaJson = std::move(schemaJson)]() mutable {
    QString message;
    std::vector<runtime::TestRunResult> results;
    bool ok = false;
    if (auto target = workers::programOrTemporary(prog, std::move(object), schemaJson, &message)) {
      auto runs = runtime::testRunBatch(target->programFd(), packets);
      ok = runs.ok();
      if (runs) {
        results = std::move(runs).value();
        message = tr("Ran %n packet(s)", nullptr, static_cast<int>(results.size()));
      } else {
        message = text(runs.error());
      }
    }
    QMetaObject::invokeMethod(this, [=, this] { emit batchRunFinished(ok, message, results); });
  });
}

void RuntimeService::runStf(QString script, std::vector<std::uint8_t> object,
                            std::string schemaJson) {
  // In order with table writes: STF adds entries to the loaded program's tables.
  inOrder([this, prog = m_program, script, object = std::move(object),
           schemaJson = std::move(schemaJson)]() mutable {
    QString message;
    runtime::StfReport report;
    bool ok = false;
    if (auto target = workers::programOrTemporary(prog, std::move(object), schemaJson, &message)) {
      auto result = runtime::runStf(*target, script.toStdString());
      ok = result.ok();
      if (result) {
        report = std::move(result).value();
        message = report.passed ? tr("STF passed: %1 packet(s), %2 expectation(s)")
                                      .arg(report.packets)
                                      .arg(report.expectations)
                                : tr("STF failed: %n failure(s)", nullptr,
                                     static_cast<int>(report.failures.size()));
      } else {
        message = text(result.error());
      }
    }
    QMetaObject::invokeMethod(this, [=, this] { emit stfFinished(ok, message, report); });
  });
}

}  // namespace p4wb::app
