#include "visualizer/counters_dock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "visualizer/counters_model.h"

namespace p4wb::visualizer {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(40);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(const QVector<double>& values) {
  m_values = values;
  update();
}

void Sparkline::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF r = rect().adjusted(2, 4, -60, -4);
  p.fillRect(rect(), palette().base());
  p.setPen(QPen(palette().mid().color(), 1));
  p.drawLine(r.bottomLeft(), r.bottomRight());
  const double top = m_values.isEmpty() ? 1.0 : std::max(1.0, *std::max_element(m_values.begin(), m_values.end()));
  if (m_values.size() >= 2) {
    QPainterPath path;
    const double step = r.width() / (CountersModel::kHistory - 1);
    const double x0 = r.right() - step * (m_values.size() - 1);
    for (int i = 0; i < m_values.size(); ++i) {
      const QPointF pt(x0 + step * i, r.bottom() - r.height() * m_values[i] / top);
      i == 0 ? path.moveTo(pt) : path.lineTo(pt);
    }
    p.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1.5));
    p.drawPath(path);
  }
  p.setPen(palette().text().color());
  const double last = m_values.isEmpty() ? 0.0 : m_values.last();
  p.drawText(QRectF(r.right() + 4, 0, 56, height()), Qt::AlignVCenter | Qt::AlignLeft,
             tr("%1/s").arg(last, 0, 'f', 0));
}

CountersDock::CountersDock(CountersModel* model, QWidget* parent)
    : QDockWidget(tr("Counters"), parent),
      m_model(model),
      m_stack(new QStackedWidget),
      m_message(new QLabel),
      m_stats(new QLabel),
      m_spark(new Sparkline),
      m_view(new QTableView) {
  setObjectName(QStringLiteral("CountersDock"));
  m_message->setWordWrap(true);
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setMargin(12);
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(2, 2, 2, 2);
  auto* row = new QHBoxLayout;
  row->addWidget(m_stats, 1);
  auto* reset = new QPushButton(tr("Reset"));
  reset->setToolTip(tr("Set every stage counter back to zero"));
  row->addWidget(reset);
  column->addLayout(row);
  column->addWidget(m_spark);
  m_view->setModel(model);
  m_view->setObjectName(QStringLiteral("countersView"));
  m_view->verticalHeader()->hide();
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_view->hideColumn(CountersModel::IdColumn);
  m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
  column->addWidget(m_view, 1);
  m_stack->addWidget(m_message);
  m_stack->addWidget(page);
  setWidget(m_stack);
  connect(reset, &QPushButton::clicked, this, &CountersDock::resetRequested);
  connect(model, &QAbstractItemModel::dataChanged, this,
          [this] { m_spark->setValues(m_model->history()); });
  connect(model, &QAbstractItemModel::modelReset, this,
          [this] { m_spark->setValues(m_model->history()); });
  connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
    const int line = index.data(CountersModel::LineRole).toInt();
    if (line > 0) emit stageActivated(line);
  });
  setUnavailable(tr("No program loaded. Compile (Ctrl+B), then Run > Load (F5)."));
}

void CountersDock::setProgramStats(std::uint64_t runCount, std::uint64_t runTimeNs,
                                   qint64 readCostMs) {
  const double avg = runCount ? static_cast<double>(runTimeNs) / runCount : 0.0;
  m_stats->setText(tr("Runs: %1 · average %2 ns per run · read in %3 ms")
                       .arg(QLocale().toString(static_cast<qulonglong>(runCount)))
                       .arg(avg, 0, 'f', 0)
                       .arg(readCostMs));
}

void CountersDock::setUnavailable(const QString& why) {
  m_message->setText(why);
  m_stack->setCurrentIndex(0);
}

void CountersDock::setAvailable() { m_stack->setCurrentIndex(1); }

}  // namespace p4wb::visualizer
