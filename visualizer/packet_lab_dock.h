// Packet lab dock: compose a frame from a template (Ethernet/IPv4 with UDP, TCP or
// ICMP, via the runtime's packet builder) or as hex, ask the app to run it through the
// program (BPF_PROG_TEST_RUN), and show the verdict, the output bytes with the changed
// ones highlighted, and the stages the packet passed.
#pragma once

#include <QDockWidget>
#include <cstdint>
#include <vector>

#include "runtime/test_run.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTextEdit;

namespace p4wb::visualizer {

class PacketLabDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit PacketLabDock(QWidget* parent = nullptr);

  // The frame in the hex box (after rebuilding from the template if it is in use);
  // empty and *error set when the text is not hex or the template is invalid.
  std::vector<std::uint8_t> packet(QString* error = nullptr);
  // Rebuilds the hex box from the template fields.
  bool buildFromTemplate(QString* error = nullptr);
  void setTemplateField(const QString& name, const QString& value);
  // Runs the frame in the hex box: emits runRequested (or says why it cannot).
  void run();
  void showResult(bool ok, const QString& message, const runtime::TraceResult& result);
  QString verdictText() const;
  QStringList stagesPassed() const;
  // Output bytes as "00 11 .." (for tests and copying).
  QString outputHex() const;

 signals:
  void runRequested(const std::vector<std::uint8_t>& packet);
  // The user picked a stage in the "stages passed" list.
  void stageActivated(int line);
  void stagesHighlighted(const std::vector<std::uint32_t>& stageIds);

 private:
  QLineEdit* field(const QString& name) const;

  QComboBox* m_proto;
  QPlainTextEdit* m_hex;
  QLabel* m_verdict;
  QTextEdit* m_output;
  QListWidget* m_stages;
  std::vector<std::uint8_t> m_lastInput;
};

}  // namespace p4wb::visualizer
