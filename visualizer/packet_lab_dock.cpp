#include "visualizer/packet_lab_dock.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextEdit>
#include <QVBoxLayout>

#include "runtime/hex.h"
#include "runtime/packet.h"
#include "visualizer/packet_batch_panel.h"
#include "visualizer/stages_model.h"

namespace p4wb::visualizer {
namespace {

struct TemplateField {
  const char* key;  // runtime::parsePacketSpec word
  const char* label;
  const char* value;
};
constexpr TemplateField kFields[] = {
    {"dst_mac", "Ethernet dst", "02:00:00:00:00:02"}, {"src_mac", "Ethernet src", "02:00:00:00:00:01"},
    {"vlan", "VLAN id", ""}, {"pcp", "VLAN priority", ""},
    {"src", "IP src", "10.0.0.1"}, {"dst", "IP dst", "10.0.0.2"}, {"ttl", "TTL / hop limit", "64"},
    {"sport", "L4 src port", "1234"}, {"dport", "L4 dst port", "80"}, {"payload", "Payload hex", ""},
};

}  // namespace

PacketLabDock::PacketLabDock(QWidget* parent)
    : QDockWidget(tr("Packet Lab"), parent),
      m_proto(new QComboBox),
      m_ipVersion(new QComboBox),
      m_sendNetns(new QComboBox),
      m_sendIf(new QComboBox),
      m_sendStatus(new QLabel),
      m_batch(new PacketBatchPanel),
      m_hex(new QPlainTextEdit),
      m_verdict(new QLabel),
      m_output(new QTextEdit),
      m_stages(new QListWidget) {
  setObjectName(QStringLiteral("PacketLabDock"));
  auto* tabs = new QTabWidget;
  tabs->setObjectName(QStringLiteral("packetLabTabs"));
  tabs->addTab(createComposePage(), tr("Compose"));
  tabs->addTab(m_batch, tr("pcap / STF"));
  setWidget(tabs);
  connect(m_batch, &PacketBatchPanel::packetActivated, this,
          [this, tabs](const std::vector<std::uint8_t>& packet) {
            m_hex->setPlainText(QString::fromStdString(runtime::formatHex(packet, " ", 16)));
            tabs->setCurrentIndex(0);
          });
  buildFromTemplate();
}

QWidget* PacketLabDock::createComposePage() {
  const QFont mono = QFont(QStringLiteral("monospace"));
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(4, 4, 4, 4);
  auto* templ = new QGroupBox(tr("Template: Ethernet / VLAN / IPv4 or IPv6 / L4"));
  // Two fields per row keeps the template short, leaving room for the results.
  auto* form = new QGridLayout(templ);
  form->setContentsMargins(6, 4, 6, 4);
  form->setVerticalSpacing(2);
  m_proto->addItems({QStringLiteral("udp"), QStringLiteral("tcp"), QStringLiteral("icmp"),
                     QStringLiteral("raw")});
  m_proto->setObjectName(QStringLiteral("proto"));
  m_ipVersion->addItem(QStringLiteral("IPv4"), 4);
  m_ipVersion->addItem(QStringLiteral("IPv6"), 6);
  m_ipVersion->setObjectName(QStringLiteral("ipVersion"));
  form->addWidget(new QLabel(tr("Protocol")), 0, 0);
  form->addWidget(m_proto, 0, 1);
  form->addWidget(new QLabel(tr("IP version")), 0, 2);
  form->addWidget(m_ipVersion, 0, 3);
  int at = 2;
  for (const TemplateField& f : kFields) {
    auto* edit = new QLineEdit(QString::fromLatin1(f.value));
    edit->setObjectName(QString::fromLatin1(f.key));
    form->addWidget(new QLabel(tr(f.label)), at / 2, (at % 2) * 2);
    form->addWidget(edit, at / 2, (at % 2) * 2 + 1);
    ++at;
  }
  auto* build = new QPushButton(tr("Build \u2193"));
  build->setToolTip(tr("Write the template's frame into the hex box"));
  form->addWidget(build, at / 2, (at % 2) * 2, 1, 2);
  column->addWidget(templ);
  column->addWidget(new QLabel(tr("Frame (hex) — edit freely:")));
  m_hex->setFont(mono);
  m_hex->setObjectName(QStringLiteral("hex"));
  m_hex->setMaximumHeight(90);
  column->addWidget(m_hex);
  auto* run = new QPushButton(tr("Run (BPF_PROG_TEST_RUN)"));
  run->setObjectName(QStringLiteral("run"));
  run->setDefault(true);
  column->addWidget(run);
  column->addWidget(createSendRow());
  m_verdict->setWordWrap(true);
  m_verdict->setObjectName(QStringLiteral("verdict"));
  column->addWidget(m_verdict);
  column->addWidget(new QLabel(tr("Output (changed bytes highlighted):")));
  m_output->setReadOnly(true);
  m_output->setFont(mono);
  m_output->setMaximumHeight(90);
  column->addWidget(m_output);
  column->addWidget(new QLabel(tr("Stages passed:")));
  column->addWidget(m_stages, 1);
  connect(build, &QPushButton::clicked, this, [this] {
    QString error;
    if (!buildFromTemplate(&error)) m_verdict->setText(error);
  });
  connect(m_ipVersion, &QComboBox::currentIndexChanged, this,
          [this] { setIpVersion(m_ipVersion->currentData().toInt()); });
  connect(run, &QPushButton::clicked, this, &PacketLabDock::run);
  connect(m_stages, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    if (const int line = item->data(Qt::UserRole).toInt(); line > 0) emit stageActivated(line);
  });
  return page;
}

QWidget* PacketLabDock::createSendRow() {
  auto* row = new QWidget;
  auto* line = new QHBoxLayout(row);
  line->setContentsMargins(0, 0, 0, 0);
  m_sendNetns->setObjectName(QStringLiteral("sendNetns"));
  m_sendIf->setObjectName(QStringLiteral("sendIf"));
  m_sendNetns->addItem(tr("(this namespace)"), QString());
  m_sendNetns->setToolTip(tr("Namespace of the interface to send from (Targets dock lists them)"));
  auto* send = new QPushButton(tr("Send"));
  send->setObjectName(QStringLiteral("send"));
  send->setToolTip(tr("Send the frame out of this interface (AF_PACKET): real traffic"));
  line->addWidget(new QLabel(tr("Send out of")));
  line->addWidget(m_sendNetns, 1);
  line->addWidget(m_sendIf, 1);
  line->addWidget(send);
  m_sendStatus->setObjectName(QStringLiteral("sendStatus"));
  line->addWidget(m_sendStatus, 2);
  connect(m_sendNetns, &QComboBox::currentIndexChanged, this, &PacketLabDock::fillSendInterfaces);
  connect(send, &QPushButton::clicked, this, &PacketLabDock::send);
  return row;
}

void PacketLabDock::setIpVersion(int version) {
  // Swap the untouched defaults so the fields show what the builder will use.
  static const QStringList v4{QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2")};
  static const QStringList v6{QStringLiteral("fd00::1"), QStringLiteral("fd00::2")};
  const QStringList& from = version == 6 ? v4 : v6;
  const QStringList& to = version == 6 ? v6 : v4;
  if (QLineEdit* src = field(QStringLiteral("src")); src && src->text() == from[0]) src->setText(to[0]);
  if (QLineEdit* dst = field(QStringLiteral("dst")); dst && dst->text() == from[1]) dst->setText(to[1]);
  const int index = m_ipVersion->findData(version);
  if (index >= 0 && index != m_ipVersion->currentIndex()) m_ipVersion->setCurrentIndex(index);
}

void PacketLabDock::setSendTargets(const QHash<QString, QStringList>& interfaces) {
  m_sendTargets = interfaces;
  const QString current = m_sendNetns->currentData().toString();
  QStringList names = interfaces.keys();
  names.sort();
  m_sendNetns->blockSignals(true);
  m_sendNetns->clear();
  for (const QString& ns : names)
    m_sendNetns->addItem(ns.isEmpty() ? tr("(this namespace)") : ns, ns);
  m_sendNetns->setCurrentIndex(std::max(0, m_sendNetns->findData(current)));
  m_sendNetns->blockSignals(false);
  fillSendInterfaces();
}

void PacketLabDock::fillSendInterfaces() {
  const QString current = m_sendIf->currentText();
  m_sendIf->clear();
  m_sendIf->addItems(m_sendTargets.value(m_sendNetns->currentData().toString()));
  if (const int i = m_sendIf->findText(current); i >= 0) m_sendIf->setCurrentIndex(i);
}

bool PacketLabDock::setSendTarget(const QString& netns, const QString& ifname) {
  const int ns = m_sendNetns->findData(netns);
  if (ns < 0) return false;
  m_sendNetns->setCurrentIndex(ns);
  const int itf = m_sendIf->findText(ifname);
  if (itf < 0) return false;
  m_sendIf->setCurrentIndex(itf);
  return true;
}

void PacketLabDock::send() {
  QString error;
  std::vector<std::uint8_t> bytes = packet(&error);
  if (bytes.empty() || m_sendIf->currentText().isEmpty()) {
    showSendResult(false, bytes.empty() ? (error.isEmpty() ? tr("The frame is empty.") : error)
                                        : tr("Pick an interface to send from."));
    return;
  }
  m_sendStatus->setText(tr("Sending..."));
  emit sendRequested(m_sendNetns->currentData().toString(), m_sendIf->currentText(), {bytes});
}

void PacketLabDock::showSendResult(bool ok, const QString& message) {
  m_sendStatus->setText(message);
  m_sendStatus->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
}

QString PacketLabDock::sendStatusText() const { return m_sendStatus->text(); }

QLineEdit* PacketLabDock::field(const QString& name) const {
  return findChild<QLineEdit*>(name);
}

void PacketLabDock::setTemplateField(const QString& name, const QString& value) {
  if (QLineEdit* e = field(name)) e->setText(value);
  if (name == QStringLiteral("proto")) m_proto->setCurrentText(value);
  if (name == QStringLiteral("ip")) setIpVersion(value.toInt());
}

bool PacketLabDock::buildFromTemplate(QString* error) {
  QStringList words{QStringLiteral("proto=") + m_proto->currentText(),
                    QStringLiteral("ip=%1").arg(m_ipVersion->currentData().toInt())};
  for (const TemplateField& f : kFields) {
    const QString v = field(QString::fromLatin1(f.key))->text().trimmed();
    if (!v.isEmpty()) words << QStringLiteral("%1=%2").arg(QString::fromLatin1(f.key), v);
  }
  auto spec = runtime::parsePacketSpec(words.join(QLatin1Char(' ')).toStdString());
  auto bytes = spec ? runtime::buildPacket(*spec) : runtime::Result<std::vector<std::uint8_t>>(spec.error());
  if (!bytes) {
    if (error) *error = QString::fromStdString(bytes.error().message);
    return false;
  }
  m_hex->setPlainText(QString::fromStdString(runtime::formatHex(*bytes, " ", 16)));
  return true;
}

std::vector<std::uint8_t> PacketLabDock::packet(QString* error) {
  auto bytes = runtime::parseHex(m_hex->toPlainText().toStdString());
  if (!bytes) {
    if (error) *error = tr("Hex: %1").arg(QString::fromStdString(bytes.error().message));
    return {};
  }
  return std::move(bytes).value();
}

void PacketLabDock::run() {
  QString error;
  std::vector<std::uint8_t> bytes = packet(&error);
  if (bytes.empty()) {
    m_verdict->setText(error.isEmpty() ? tr("The frame is empty.") : error);
    return;
  }
  m_lastInput = bytes;
  m_verdict->setText(tr("Running..."));
  emit runRequested(bytes);
}

void PacketLabDock::showResult(bool ok, const QString& message,
                               const runtime::TraceResult& result) {
  m_stages->clear();
  m_output->clear();
  if (!ok) {
    m_verdict->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(message.toHtmlEscaped()));
    emit stagesHighlighted({});
    return;
  }
  m_verdict->setText(tr("<b>%1</b> in %2 ns · %3 · %4")
                         .arg(QString::fromStdString(runtime::xdpVerdictName(result.run.retval)))
                         .arg(result.run.durationNs)
                         .arg(QString::fromStdString(runtime::describePacket(result.run.output))
                                  .toHtmlEscaped(),
                              message.toHtmlEscaped()));
  QString html;
  const auto& out = result.run.output;
  for (size_t i = 0; i < out.size(); ++i) {
    const QString byte = QStringLiteral("%1").arg(out[i], 2, 16, QLatin1Char('0'));
    const bool changed = i >= m_lastInput.size() || m_lastInput[i] != out[i];
    html += changed ? QStringLiteral("<span style='background:#ffe082;color:#000'>%1</span>").arg(byte)
                    : byte;
    html += (i % 16 == 15) ? QStringLiteral("<br>") : QStringLiteral(" ");
  }
  m_output->setHtml(QStringLiteral("<pre style='margin:0'>%1</pre>").arg(html));
  std::vector<std::uint32_t> ids;
  for (const runtime::StageCount& s : result.stages) {
    auto* item = new QListWidgetItem(
        QStringLiteral("%1  %2  (line %3)")
            .arg(stageKindLabel(QString::fromStdString(s.stage.kind)),
                 QString::fromStdString(s.stage.name))
            .arg(s.stage.loc.line));
    item->setData(Qt::UserRole, static_cast<int>(s.stage.loc.line));
    m_stages->addItem(item);
    ids.push_back(s.stage.id);
  }
  emit stagesHighlighted(ids);
}

QString PacketLabDock::verdictText() const { return m_verdict->text(); }

QStringList PacketLabDock::stagesPassed() const {
  QStringList out;
  for (int i = 0; i < m_stages->count(); ++i) out << m_stages->item(i)->text();
  return out;
}

QString PacketLabDock::outputHex() const { return m_output->toPlainText().simplified(); }

}  // namespace p4wb::visualizer
