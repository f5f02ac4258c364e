#include "app/studio/compile_service.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace p4wb::app {

CompileService::CompileService(QObject* parent) : QObject(parent) {}

CompileService::~CompileService() {
  // The pool task owns its options and flag, so it may outlive us safely; tell it to
  // stop early so application exit does not wait for a whole LLVM run.
  if (m_cancel) m_cancel->store(true);
}

void CompileService::compile(compiler::CompileOptions options) {
  if (m_watcher) {
    m_cancel->store(true);
    // Forget the stale request: its result is dropped, the watcher deletes itself.
    Watcher* stale = m_watcher;
    disconnect(stale, nullptr, this, nullptr);
    connect(stale, &Watcher::finished, stale, &QObject::deleteLater);
    m_watcher = nullptr;
  }

  m_cancel = std::make_shared<std::atomic<bool>>(false);
  auto cancelFlag = m_cancel;
  m_watcher = new Watcher(this);
  Watcher* watcher = m_watcher;
  connect(watcher, &Watcher::finished, this, [this, watcher] { onWatcherFinished(watcher); });
  m_clock.start();
  emit started();
  watcher->setFuture(QtConcurrent::run([options = std::move(options), cancelFlag]() mutable {
    options.cancel = cancelFlag.get();
    return compiler::compile(options);
  }));
}

void CompileService::cancel() {
  if (m_cancel) m_cancel->store(true);
}

void CompileService::onWatcherFinished(Watcher* watcher) {
  if (watcher != m_watcher) {  // a stale request that slipped through: drop it
    watcher->deleteLater();
    return;
  }
  m_watcher = nullptr;
  const compiler::CompileResult result = watcher->result();
  watcher->deleteLater();
  const bool wasCancelled = result.cancelled || (m_cancel && m_cancel->load());
  if (wasCancelled)
    emit cancelled();
  else
    emit finished(result, m_clock.elapsed());
}

}  // namespace p4wb::app
