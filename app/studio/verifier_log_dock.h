// "Verifier log" dock: the kernel's log of a rejected load, one line per row. Lines that
// name an instruction ("42: (bf) r1 = r6") are tied to the P4 line the compiler's
// eBPF source map gives for that instruction; activating one asks to show that line.
#pragma once

#include <QDockWidget>
#include <vector>

#include "compiler/driver/driver.h"

class QLabel;
class QListWidget;

namespace p4wb::app {

class VerifierLogDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit VerifierLogDock(QWidget* parent = nullptr);
  // Shows `log` under `message`; `section` is the ELF section of the rejected program.
  void setLog(const QString& message, const QString& log, const QString& section,
              const std::vector<compiler::SourceMapEntry>& asmMap);
  void clearLog();
  QListWidget* list() const { return m_list; }
  // The P4 line a log row is tied to (0: none).
  int lineOfRow(int row) const;

 signals:
  void sourceLineActivated(const QString& file, int line, int column);

 private:
  QLabel* m_message;
  QListWidget* m_list;
};

}  // namespace p4wb::app
