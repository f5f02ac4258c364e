// Runs p4wb::compiler::compile() on a pool thread so the UI never blocks on LLVM.
// At most one result is delivered per request, always on the thread that owns the
// service; starting a new compile cancels the running one and drops its result.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <atomic>
#include <memory>

#include "compiler/driver/driver.h"

template <typename T>
class QFutureWatcher;

namespace p4wb::app {

class CompileService : public QObject {
  Q_OBJECT

 public:
  explicit CompileService(QObject* parent = nullptr);
  ~CompileService() override;

  // Starts compiling; any compile still running is cancelled and its result ignored.
  void compile(compiler::CompileOptions options);
  // Asks the running compile to stop; emits cancelled() once it has.
  void cancel();
  bool isRunning() const { return m_watcher != nullptr; }

 signals:
  void started();
  void finished(const p4wb::compiler::CompileResult& result, qint64 elapsedMs);
  void cancelled();

 private:
  using Watcher = QFutureWatcher<compiler::CompileResult>;
  void onWatcherFinished(Watcher* watcher);

  Watcher* m_watcher = nullptr;  // the current request; stale ones are not kept
  std::shared_ptr<std::atomic<bool>> m_cancel;
  QElapsedTimer m_clock;
};

}  // namespace p4wb::app
