// Outline dock: the OutlineModel in a tree with a filter box; activating a row (click,
// Enter) asks to show that declaration in the editor.
#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace p4wb::app {

class OutlineModel;

class OutlineDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit OutlineDock(OutlineModel* model, QWidget* parent = nullptr);
  QTreeView* view() const { return m_view; }

 signals:
  void declarationActivated(int line, int column);

 private:
  OutlineModel* m_model;
  QSortFilterProxyModel* m_proxy;
  QLineEdit* m_filter;
  QTreeView* m_view;
};

}  // namespace p4wb::app
