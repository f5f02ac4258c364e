#include "visualizer/stages_dock.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>

#include "visualizer/stages_model.h"

namespace p4wb::visualizer {

StagesDock::StagesDock(StagesModel* model, QWidget* parent)
    : QDockWidget(tr("Stages"), parent),
      m_model(model),
      m_view(new QTableView),
      m_placeholder(new QLabel) {
  setObjectName(QStringLiteral("StagesDock"));
  m_view->setModel(model);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->setAlternatingRowColors(true);
  m_view->setShowGrid(false);
  m_view->setWordWrap(false);
  m_view->verticalHeader()->hide();
  m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
  QHeaderView* header = m_view->horizontalHeader();
  header->setHighlightSections(false);
  header->setSectionResizeMode(StagesModel::IdColumn, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(StagesModel::KindColumn, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(StagesModel::NameColumn, QHeaderView::Stretch);
  header->setSectionResizeMode(StagesModel::LineColumn, QHeaderView::ResizeToContents);

  m_placeholder->setAlignment(Qt::AlignCenter);
  m_placeholder->setWordWrap(true);
  m_placeholder->setEnabled(false);

  auto* stack = new QStackedWidget;
  stack->addWidget(m_placeholder);
  stack->addWidget(m_view);
  setWidget(stack);

  connect(m_view, &QTableView::activated, this, &StagesDock::activate);
  connect(m_view, &QTableView::clicked, this, &StagesDock::activate);
  connect(model, &QAbstractItemModel::modelReset, this, &StagesDock::updatePlaceholder);
  updatePlaceholder();
}

void StagesDock::activate(const QModelIndex& index) {
  const int line = index.data(StagesModel::LineRole).toInt();
  if (line <= 0) return;
  emit stageActivated(index.data(StagesModel::FileRole).toString(), line,
                      index.data(StagesModel::ColumnRole).toInt());
}

void StagesDock::updatePlaceholder() {
  auto* stack = static_cast<QStackedWidget*>(widget());
  const bool empty = m_model->rowCount() == 0;
  m_placeholder->setText(m_model->errorString().isEmpty()
                             ? tr("Compile the program (Ctrl+B) to list its pipeline stages.")
                             : tr("No stages: %1.").arg(m_model->errorString()));
  stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_placeholder) : m_view);
}

}  // namespace p4wb::visualizer
