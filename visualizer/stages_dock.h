// The "Stages" dock: a table of the program's pipeline stages. Activating a row asks
// the app to show that stage's source; the dock itself knows nothing of the editor.
#pragma once

#include <QDockWidget>

class QTableView;
class QLabel;

namespace p4wb::visualizer {

class StagesModel;

class StagesDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit StagesDock(StagesModel* model, QWidget* parent = nullptr);
  QTableView* view() const { return m_view; }

 signals:
  // 1-based line and column of the activated stage in `file`.
  void stageActivated(const QString& file, int line, int column);

 private:
  void activate(const QModelIndex& index);
  void updatePlaceholder();

  StagesModel* m_model;
  QTableView* m_view;
  QLabel* m_placeholder;
};

}  // namespace p4wb::visualizer
