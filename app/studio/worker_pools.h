// The RuntimeService's two thread pools, shared by its source files: a pool for reads
// (listings, snapshots, test runs) and a one-thread pool that runs loads, unloads, table
// writes and lab changes strictly in the order they were asked for.
#pragma once

#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <string>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {
class LoadedProgram;
}

namespace p4wb::app::workers {

QThreadPool* readPool();
QThreadPool* writePool();

template <typename Fn>
void onWorker(Fn&& fn) {
  (void)QtConcurrent::run(readPool(), std::forward<Fn>(fn));
}

template <typename Fn>
void inOrder(Fn&& fn) {
  (void)QtConcurrent::run(writePool(), std::forward<Fn>(fn));
}

inline QString text(const runtime::Error& e) { return QString::fromStdString(e.render()); }

// `loaded` when set, else `object` loaded (not attached) just for this job. On failure
// returns null and sets *message. Runs on a worker.
std::shared_ptr<const runtime::LoadedProgram> programOrTemporary(
    std::shared_ptr<const runtime::LoadedProgram> loaded, std::vector<std::uint8_t> object,
    const std::string& schemaJson, QString* message);

}  // namespace p4wb::app::workers
