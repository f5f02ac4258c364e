// LiveChecker: checks every open editor tab while the user types, not only the one that
// is compiled. Each tab's edits restart its own pause timer (kPauseMs); when typing
// pauses, that tab's text goes through the compiler's front end (CompileOptions::
// frontEndOnly) on a worker, by the tab's own CompileService, which cancels a check
// still running for older text and drops its result. Nothing here touches the editors'
// markers: checked() hands the result to the Workbench, which owns that mapping.
#pragma once

#include <QHash>
#include <QObject>
#include <functional>

#include "compiler/driver/driver.h"

class QTimer;

namespace p4wb::editor {
class P4Editor;
}

namespace p4wb::app {

class CompileService;

class LiveChecker : public QObject {
  Q_OBJECT

 public:
  static constexpr int kPauseMs = 300;
  // What to give the compiler for a tab: path (for #include "...") and options; returns
  // false for tabs that are not checked (read-only built-ins).
  using OptionsFor = std::function<bool(editor::P4Editor*, compiler::CompileOptions*)>;

  LiveChecker(OptionsFor optionsFor, QObject* parent = nullptr);

  // Starts watching a tab's edits; forgets it when the editor is destroyed.
  void watch(editor::P4Editor* ed);
  // A tab's text changed: (re)start its pause.
  void edited(editor::P4Editor* ed);
  // Checks at once (a tab just opened), cancelling a check of older text.
  void checkNow(editor::P4Editor* ed);
  bool isChecking(editor::P4Editor* ed) const;

 signals:
  void checked(p4wb::editor::P4Editor* ed, const p4wb::compiler::CompileResult& result);

 private:
  struct Watch {
    QTimer* pause = nullptr;
    CompileService* service = nullptr;
  };
  OptionsFor m_optionsFor;
  QHash<editor::P4Editor*, Watch> m_watches;
};

}  // namespace p4wb::app
