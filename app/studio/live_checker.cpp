#include "app/studio/live_checker.h"

#include <QTimer>

#include "app/studio/compile_service.h"
#include "editor/p4_editor.h"

namespace p4wb::app {

LiveChecker::LiveChecker(OptionsFor optionsFor, QObject* parent)
    : QObject(parent), m_optionsFor(std::move(optionsFor)) {}

void LiveChecker::watch(editor::P4Editor* ed) {
  if (!ed || m_watches.contains(ed)) return;
  Watch w;
  w.pause = new QTimer(this);
  w.pause->setSingleShot(true);
  w.pause->setInterval(kPauseMs);
  w.service = new CompileService(this);
  connect(w.pause, &QTimer::timeout, this, [this, ed] { checkNow(ed); });
  connect(w.service, &CompileService::finished, this,
          [this, ed](const compiler::CompileResult& result, qint64) { emit checked(ed, result); });
  connect(ed, &QObject::destroyed, this, [this, ed] {
    const Watch gone = m_watches.take(ed);
    gone.pause->deleteLater();
    gone.service->deleteLater();  // its destructor cancels a check in flight
  });
  m_watches.insert(ed, w);
}

void LiveChecker::edited(editor::P4Editor* ed) {
  auto it = m_watches.find(ed);
  if (it != m_watches.end()) it->pause->start();
}

void LiveChecker::checkNow(editor::P4Editor* ed) {
  auto it = m_watches.find(ed);
  if (it == m_watches.end()) return;
  it->pause->stop();
  compiler::CompileOptions options;
  if (!m_optionsFor(ed, &options)) return;
  options.frontEndOnly = true;
  options.wantIR = false;
  options.wantAsm = false;
  it->service->compile(std::move(options));
}

bool LiveChecker::isChecking(editor::P4Editor* ed) const {
  auto it = m_watches.constFind(ed);
  return it != m_watches.constEnd() && (it->pause->isActive() || it->service->isRunning());
}

}  // namespace p4wb::app
