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
#include <QTextEdit>
#include <QVBoxLayout>

#include "runtime/hex.h"
#include "runtime/packet.h"
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
    {"src", "IPv4 src", "10.0.0.1"}, {"dst", "IPv4 dst", "10.0.0.2"}, {"ttl", "TTL", "64"},
    {"sport", "L4 src port", "1234"}, {"dport", "L4 dst port", "80"}, {"payload", "Payload hex", ""},
};

}  // namespace

PacketLabDock::PacketLabDock(QWidget* parent)
    : QDockWidget(tr("Packet Lab"), parent),
      m_proto(new QComboBox),
      m_hex(new QPlainTextEdit),
      m_verdict(new QLabel),
      m_output(new QTextEdit),
      m_stages(new QListWidget) {
  setObjectName(QStringLiteral("PacketLabDock"));
  const QFont mono = QFont(QStringLiteral("monospace"));
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(4, 4, 4, 4);
  auto* templ = new QGroupBox(tr("Template: Ethernet / IPv4"));
  // Two fields per row keeps the template short, leaving room for the results.
  auto* form = new QGridLayout(templ);
  form->setContentsMargins(6, 4, 6, 4);
  form->setVerticalSpacing(2);
  m_proto->addItems({QStringLiteral("udp"), QStringLiteral("tcp"), QStringLiteral("icmp"),
                     QStringLiteral("raw")});
  form->addWidget(new QLabel(tr("Protocol")), 0, 0);
  form->addWidget(m_proto, 0, 1);
  int at = 1;
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
  setWidget(page);
  connect(build, &QPushButton::clicked, this, [this] {
    QString error;
    if (!buildFromTemplate(&error)) m_verdict->setText(error);
  });
  connect(run, &QPushButton::clicked, this, &PacketLabDock::run);
  connect(m_stages, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    if (const int line = item->data(Qt::UserRole).toInt(); line > 0) emit stageActivated(line);
  });
  buildFromTemplate();
}

QLineEdit* PacketLabDock::field(const QString& name) const {
  return findChild<QLineEdit*>(name);
}

void PacketLabDock::setTemplateField(const QString& name, const QString& value) {
  if (QLineEdit* e = field(name)) e->setText(value);
  if (name == QStringLiteral("proto")) m_proto->setCurrentText(value);
}

bool PacketLabDock::buildFromTemplate(QString* error) {
  QStringList words{QStringLiteral("proto=") + m_proto->currentText()};
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
