#include "app/studio/verifier_log_dock.h"

#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace p4wb::app {
namespace {
constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kColumnRole = Qt::UserRole + 2;
constexpr int kFileRole = Qt::UserRole + 3;
}  // namespace

VerifierLogDock::VerifierLogDock(QWidget* parent)
    : QDockWidget(tr("Verifier Log"), parent), m_message(new QLabel), m_list(new QListWidget) {
  setObjectName(QStringLiteral("VerifierLogDock"));
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(2, 2, 2, 2);
  m_message->setWordWrap(true);
  column->addWidget(m_message);
  m_list->setFont(QFont(QStringLiteral("monospace")));
  m_list->setUniformItemSizes(true);
  column->addWidget(m_list, 1);
  setWidget(page);
  connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const int line = item->data(kLineRole).toInt();
    if (line > 0)
      emit sourceLineActivated(item->data(kFileRole).toString(), line,
                               item->data(kColumnRole).toInt());
  });
  connect(m_list, &QListWidget::itemClicked, m_list, &QListWidget::itemActivated);
  clearLog();
}

void VerifierLogDock::clearLog() {
  m_list->clear();
  m_message->setText(tr("No verifier log: the last load did not fail."));
}

void VerifierLogDock::setLog(const QString& message, const QString& log, const QString& section,
                             const std::vector<compiler::SourceMapEntry>& asmMap) {
  QHash<quint32, const compiler::SourceMapEntry*> byInsn;
  for (const compiler::SourceMapEntry& e : asmMap)
    if (section.isEmpty() || QString::fromStdString(e.section) == section)
      byInsn.insert(e.insnOffset, &e);
  m_list->clear();
  m_message->setText(QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped()));
  static const QRegularExpression insn(QStringLiteral("^(\\d+): "));
  int lastTied = -1;
  for (const QString& text : log.split(QLatin1Char('\n'))) {
    auto* item = new QListWidgetItem(text, m_list);
    const QRegularExpressionMatch m = insn.match(text);
    if (!m.hasMatch()) continue;
    const compiler::SourceMapEntry* e = byInsn.value(m.captured(1).toUInt());
    if (!e || e->line == 0) continue;
    item->setData(kLineRole, static_cast<int>(e->line));
    item->setData(kColumnRole, static_cast<int>(e->column));
    item->setData(kFileRole, QString::fromStdString(e->file));
    item->setToolTip(tr("P4 line %1 (click to show)").arg(e->line));
    item->setForeground(QColor(0x15, 0x65, 0xc0));
    lastTied = m_list->count() - 1;
  }
  // The kernel stops at the failing instruction: the last tied line is the culprit.
  if (lastTied >= 0) {
    QListWidgetItem* culprit = m_list->item(lastTied);
    culprit->setBackground(QColor(0xff, 0xeb, 0xee));
    m_list->setCurrentItem(culprit);
    m_list->scrollToItem(culprit);
  }
}

int VerifierLogDock::lineOfRow(int row) const {
  QListWidgetItem* item = m_list->item(row);
  return item ? item->data(kLineRole).toInt() : 0;
}

}  // namespace p4wb::app
