#include "app/studio/diagnostics_dock.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>

#include "app/studio/diagnostics_model.h"

namespace p4wb::app {

DiagnosticsDock::DiagnosticsDock(DiagnosticsModel* model, QWidget* parent)
    : QDockWidget(tr("Diagnostics"), parent),
      m_model(model),
      m_view(new QTreeView),
      m_placeholder(new QLabel),
      m_stack(new QStackedWidget) {
  setObjectName(QStringLiteral("DiagnosticsDock"));
  m_view->setModel(model);
  m_view->setRootIsDecorated(false);
  m_view->setUniformRowHeights(true);
  m_view->setAlternatingRowColors(true);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->setWordWrap(false);
  QHeaderView* header = m_view->header();
  header->setStretchLastSection(false);
  header->setSectionResizeMode(DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
  header->setSectionResizeMode(DiagnosticsModel::LocationColumn, QHeaderView::ResizeToContents);
  m_placeholder->setAlignment(Qt::AlignCenter);
  m_placeholder->setEnabled(false);
  m_stack->addWidget(m_placeholder);
  m_stack->addWidget(m_view);
  setWidget(m_stack);

  connect(m_view, &QTreeView::activated, this, &DiagnosticsDock::activate);
  connect(m_view, &QTreeView::clicked, this, &DiagnosticsDock::activate);
  connect(model, &QAbstractItemModel::modelReset, this, &DiagnosticsDock::updateTitle);
  updateTitle();
}

void DiagnosticsDock::activate(const QModelIndex& index) {
  if (!index.isValid()) return;
  emit diagnosticActivated(index.data(DiagnosticsModel::FileRole).toString(),
                           index.data(DiagnosticsModel::LineRole).toInt(),
                           index.data(DiagnosticsModel::ColumnRole).toInt());
}

void DiagnosticsDock::selectNext() { step(+1); }
void DiagnosticsDock::selectPrevious() { step(-1); }

void DiagnosticsDock::step(int delta) {
  const int rows = m_model->rowCount();
  if (rows == 0) return;
  const QModelIndex current = m_view->currentIndex();
  int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
  row = (row + rows) % rows;
  const QModelIndex next = m_model->index(row, DiagnosticsModel::MessageColumn);
  m_view->setCurrentIndex(next);
  activate(next);
}

void DiagnosticsDock::updateTitle() {
  // The count in the tab title tells the user there is something to read at a glance.
  const int n = m_model->rowCount();
  setWindowTitle(n == 0 ? tr("Diagnostics") : tr("Diagnostics (%1)").arg(n));
  m_placeholder->setText(m_model->hasResult() ? tr("No problems: the program compiled cleanly.")
                                              : tr("Compile the program (Ctrl+B) to check it."));
  m_stack->setCurrentWidget(n == 0 ? static_cast<QWidget*>(m_placeholder) : m_view);
}

}  // namespace p4wb::app
