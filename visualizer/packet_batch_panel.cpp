#include "visualizer/packet_batch_panel.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include "runtime/hex.h"
#include "runtime/packet.h"
#include "runtime/pcap.h"

namespace p4wb::visualizer {
namespace {

const QString kPcapFilter = QObject::tr("pcap files (*.pcap *.cap);;All files (*)");

bool emitsPacket(std::uint32_t verdict) {
  // XDP_DROP (1) and XDP_ABORTED (0) leave nothing to save; every other verdict does.
  return verdict >= 2;
}

int lineOf(const QString& text) {
  static const QRegularExpression re(QStringLiteral("^line (\\d+):"));
  const auto m = re.match(text);
  return m.hasMatch() ? m.captured(1).toInt() : 0;
}

}  // namespace

PacketBatchPanel::PacketBatchPanel(QWidget* parent)
    : QWidget(parent),
      m_table(new QTableWidget(0, ColumnCount)),
      m_status(new QLabel),
      m_run(new QPushButton(tr("Run All"))),
      m_save(new QPushButton(tr("Save Results as pcap..."))) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(4, 4, 4, 4);
  auto* buttons = new QHBoxLayout;
  auto* open = new QPushButton(tr("Open pcap..."));
  auto* stf = new QPushButton(tr("Run STF..."));
  open->setObjectName(QStringLiteral("openPcap"));
  stf->setObjectName(QStringLiteral("runStf"));
  m_run->setObjectName(QStringLiteral("runAll"));
  m_save->setObjectName(QStringLiteral("savePcap"));
  stf->setToolTip(tr("Run an STF test script (tables, packets, expectations)"));
  buttons->addWidget(open);
  buttons->addWidget(m_run);
  buttons->addWidget(m_save);
  buttons->addWidget(stf);
  buttons->addStretch(1);
  column->addLayout(buttons);
  m_table->setObjectName(QStringLiteral("batchTable"));
  m_table->setHorizontalHeaderLabels({tr("#"), tr("Input"), tr("Verdict"), tr("Output")});
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->horizontalHeader()->setSectionResizeMode(Input, QHeaderView::Interactive);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  column->addWidget(m_table, 1);
  m_status->setObjectName(QStringLiteral("batchStatus"));
  m_status->setWordWrap(true);
  column->addWidget(m_status);
  m_run->setEnabled(false);
  m_save->setEnabled(false);

  connect(open, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open pcap"), {}, kPcapFilter);
    if (!path.isEmpty()) openPcap(path);
  });
  connect(m_save, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Results"), {}, kPcapFilter);
    if (!path.isEmpty()) saveOutputsAsPcap(path);
  });
  connect(stf, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Run STF"), {},
                                                      tr("STF scripts (*.stf);;All files (*)"));
    if (!path.isEmpty()) runStfFile(path);
  });
  connect(m_run, &QPushButton::clicked, this, &PacketBatchPanel::runAll);
  connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
    if (row >= 0 && row < static_cast<int>(m_packets.size()))
      emit packetActivated(m_packets[static_cast<size_t>(row)]);
  });
}

void PacketBatchPanel::setStatus(const QString& text, bool good) {
  m_status->setText(text);
  m_status->setStyleSheet(good ? QString() : QStringLiteral("color: #c62828;"));
}

QString PacketBatchPanel::statusText() const { return m_status->text(); }

void PacketBatchPanel::setRow(int row, const QStringList& cells, int state) {
  for (int c = 0; c < ColumnCount && c < cells.size(); ++c) {
    auto* item = new QTableWidgetItem(cells[c]);
    item->setToolTip(cells[c]);
    if (state != 0 && c == Verdict)
      item->setForeground(state > 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    m_table->setItem(row, c, item);
  }
}

void PacketBatchPanel::fillInputs() {
  m_table->setRowCount(static_cast<int>(m_packets.size()));
  for (size_t i = 0; i < m_packets.size(); ++i)
    setRow(static_cast<int>(i),
           {QString::number(i + 1), QString::fromStdString(runtime::describePacket(m_packets[i])),
            {}, {}},
           0);
  m_table->resizeColumnToContents(Number);
  m_table->resizeColumnToContents(Input);
}

bool PacketBatchPanel::openPcap(const QString& path) {
  auto packets = runtime::readPcap(path.toStdString());
  if (!packets) {
    setStatus(QString::fromStdString(packets.error().render()), false);
    return false;
  }
  m_packets = std::move(packets).value();
  m_outputs.clear();
  fillInputs();
  m_run->setEnabled(!m_packets.empty());
  m_save->setEnabled(false);
  setStatus(tr("%n packet(s) from %1", nullptr, static_cast<int>(m_packets.size())).arg(path), true);
  return true;
}

void PacketBatchPanel::runAll() {
  if (m_packets.empty()) {
    setStatus(tr("No packets: open a pcap first."), false);
    return;
  }
  setStatus(tr("Running %n packet(s)...", nullptr, static_cast<int>(m_packets.size())), true);
  emit batchRequested(m_packets);
}

void PacketBatchPanel::showBatchResults(bool ok, const QString& message,
                                        const std::vector<runtime::TestRunResult>& results) {
  setStatus(message, ok);
  if (!ok) return;
  m_outputs.clear();
  for (size_t i = 0; i < results.size() && i < m_packets.size(); ++i) {
    const runtime::TestRunResult& r = results[i];
    if (emitsPacket(r.retval)) m_outputs.push_back(r.output);
    setRow(static_cast<int>(i),
           {QString::number(i + 1), QString::fromStdString(runtime::describePacket(m_packets[i])),
            QString::fromStdString(runtime::xdpVerdictName(r.retval)),
            emitsPacket(r.retval) ? QString::fromStdString(runtime::describePacket(r.output))
                                  : QString()},
           0);
  }
  m_save->setEnabled(!m_outputs.empty());
}

bool PacketBatchPanel::saveOutputsAsPcap(const QString& path) {
  if (m_outputs.empty()) {
    setStatus(tr("Nothing to save: run the packets first (dropped packets have no output)."),
              false);
    return false;
  }
  runtime::Status status = runtime::writePcap(path.toStdString(), m_outputs);
  if (!status) {
    setStatus(QString::fromStdString(status.error().render()), false);
    return false;
  }
  setStatus(tr("Saved %n packet(s) to %1", nullptr, static_cast<int>(m_outputs.size())).arg(path),
            true);
  return true;
}

bool PacketBatchPanel::runStfFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    setStatus(tr("Cannot read %1: %2").arg(path, file.errorString()), false);
    return false;
  }
  runStfScript(QString::fromUtf8(file.readAll()));
  return true;
}

void PacketBatchPanel::runStfScript(const QString& script) {
  setStatus(tr("Running STF..."), true);
  emit stfRequested(script);
}

void PacketBatchPanel::showStfReport(bool ok, const QString& message,
                                     const runtime::StfReport& report) {
  setStatus(message, ok && report.passed);
  if (!ok) return;
  // One row per packet line; a packet fails when a failure names its line (directly or
  // as "packet of line N"); failures tied to no packet get rows of their own.
  m_packets.clear();
  m_outputs.clear();
  m_run->setEnabled(false);
  m_save->setEnabled(false);
  QStringList failures;
  for (const std::string& f : report.failures) failures << QString::fromStdString(f);
  QList<bool> used(failures.size(), false);
  m_table->setRowCount(0);
  for (const std::string& entry : report.log) {
    const QString log = QString::fromStdString(entry);
    const int line = lineOf(log);
    QStringList mine;
    for (int i = 0; i < failures.size(); ++i)
      if (line > 0 && (lineOf(failures[i]) == line ||
                       failures[i].contains(QStringLiteral("packet of line %1)").arg(line)))) {
        mine << failures[i];
        used[i] = true;
      }
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    setRow(row, {QString::number(line), log.section(QStringLiteral(": "), 1),
                 mine.isEmpty() ? tr("pass") : tr("FAIL"), mine.join(QStringLiteral("; "))},
           mine.isEmpty() ? 1 : -1);
  }
  for (int i = 0; i < failures.size(); ++i) {
    if (used[i]) continue;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    setRow(row, {QString::number(lineOf(failures[i])), {}, tr("FAIL"), failures[i]}, -1);
  }
  m_table->resizeColumnToContents(Number);
}

}  // namespace p4wb::visualizer
