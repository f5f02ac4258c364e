// Packet lab dock: compose a frame from a template (Ethernet, optional VLAN tag, IPv4 or
// IPv6 with UDP, TCP or ICMP, via the runtime's packet builder) or as hex, ask the app to
// run it through the program (BPF_PROG_TEST_RUN) or send it out of an interface, and
// show the verdict, the output bytes with the changed ones highlighted, and the stages
// the packet passed. A second page runs pcap files and STF scripts (PacketBatchPanel).
#pragma once

#include <QDockWidget>
#include <QHash>
#include <cstdint>
#include <vector>

#include "runtime/test_run.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QTextEdit;

namespace p4wb::visualizer {

class PacketBatchPanel;

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
  PacketBatchPanel* batchPanel() const { return m_batch; }
  // Interfaces frames can be sent out of: netns ("" = this one) -> interface names.
  void setSendTargets(const QHash<QString, QStringList>& interfaces);
  // Selects where Send goes; false when that interface is not listed.
  bool setSendTarget(const QString& netns, const QString& ifname);
  // Sends the frame in the hex box (emits sendRequested, or says why it cannot).
  void send();
  void showSendResult(bool ok, const QString& message);
  QString sendStatusText() const;

 signals:
  void runRequested(const std::vector<std::uint8_t>& packet);
  // The user picked a stage in the "stages passed" list.
  void stageActivated(int line);
  void stagesHighlighted(const std::vector<std::uint32_t>& stageIds);
  void sendRequested(const QString& netns, const QString& ifname,
                     const std::vector<std::vector<std::uint8_t>>& frames);

 private:
  QLineEdit* field(const QString& name) const;
  QWidget* createComposePage();
  QWidget* createSendRow();
  void fillSendInterfaces();
  void setIpVersion(int version);

  QComboBox* m_proto;
  QComboBox* m_ipVersion;
  QComboBox* m_sendNetns;
  QComboBox* m_sendIf;
  QLabel* m_sendStatus;
  QHash<QString, QStringList> m_sendTargets;
  PacketBatchPanel* m_batch;
  QPlainTextEdit* m_hex;
  QLabel* m_verdict;
  QTextEdit* m_output;
  QListWidget* m_stages;
  std::vector<std::uint8_t> m_lastInput;
};

}  // namespace p4wb::visualizer
