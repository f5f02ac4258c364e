// The packet lab's batch page: many packets at once, from a pcap file or an STF script.
// Packets from a pcap run through the program in one batch and their outputs can be
// saved as a pcap; an STF script runs as a whole and each packet line shows whether its
// expectations held. The panel reads and writes files itself (pure runtime/pcap code)
// but asks the app, by signal, for everything that needs the kernel.
#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

#include "runtime/stf.h"
#include "runtime/test_run.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace p4wb::visualizer {

class PacketBatchPanel : public QWidget {
  Q_OBJECT

 public:
  enum Column { Number, Input, Verdict, Output, ColumnCount };

  explicit PacketBatchPanel(QWidget* parent = nullptr);

  // Reads every packet of a pcap into the list (replacing it); false with a message.
  bool openPcap(const QString& path);
  // Writes the outputs of the last run (packets the program dropped are left out).
  bool saveOutputsAsPcap(const QString& path);
  // Runs the listed packets (emits batchRequested).
  void runAll();
  // Runs an STF script (emits stfRequested); the list shows its packet lines afterwards.
  void runStfScript(const QString& script);
  bool runStfFile(const QString& path);
  void showBatchResults(bool ok, const QString& message,
                        const std::vector<runtime::TestRunResult>& results);
  void showStfReport(bool ok, const QString& message, const runtime::StfReport& report);

  QTableWidget* table() const { return m_table; }
  QString statusText() const;
  const std::vector<std::vector<std::uint8_t>>& packets() const { return m_packets; }

 signals:
  void batchRequested(const std::vector<std::vector<std::uint8_t>>& packets);
  void stfRequested(const QString& script);
  // The user picked a packet: show it in the composer.
  void packetActivated(const std::vector<std::uint8_t>& packet);

 private:
  void setStatus(const QString& text, bool good);
  void fillInputs();
  void setRow(int row, const QStringList& cells, int state);  // state: 0 none, 1 pass, -1 fail

  QTableWidget* m_table;
  QLabel* m_status;
  QPushButton* m_run;
  QPushButton* m_save;
  std::vector<std::vector<std::uint8_t>> m_packets;
  std::vector<std::vector<std::uint8_t>> m_outputs;
};

}  // namespace p4wb::visualizer
