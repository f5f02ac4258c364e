#include "app/studio/outline_dock.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "app/studio/outline_model.h"

namespace p4wb::app {

OutlineDock::OutlineDock(OutlineModel* model, QWidget* parent)
    : QDockWidget(tr("Outline"), parent),
      m_model(model),
      m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit),
      m_view(new QTreeView) {
  setObjectName(QStringLiteral("OutlineDock"));
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(2, 2, 2, 2);
  m_filter->setPlaceholderText(tr("Filter declarations"));
  m_filter->setClearButtonEnabled(true);
  column->addWidget(m_filter);
  m_proxy->setSourceModel(model);
  m_proxy->setRecursiveFilteringEnabled(true);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_view->setObjectName(QStringLiteral("outlineView"));
  m_view->setModel(m_proxy);
  m_view->setHeaderHidden(true);
  m_view->setUniformRowHeights(true);
  column->addWidget(m_view, 1);
  setWidget(page);
  connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
  connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
    emit declarationActivated(index.data(OutlineModel::LineRole).toInt(),
                              index.data(OutlineModel::ColumnRole).toInt());
  });
  connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex& index) {
    emit declarationActivated(index.data(OutlineModel::LineRole).toInt(),
                              index.data(OutlineModel::ColumnRole).toInt());
  });
  // New declarations show expanded: an outline is read at a glance.
  connect(m_proxy, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
}

}  // namespace p4wb::app
