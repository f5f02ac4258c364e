// Counters dock: the CountersModel in a table, a sparkline of packets per second over
// the last two minutes, the kernel's run count and average run time, and a reset button
// (a request the app carries out on a worker).
#pragma once

#include <QDockWidget>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace p4wb::visualizer {

class CountersModel;

// Painted polyline of a series; no axes, the newest value written at the right.
class Sparkline : public QWidget {
  Q_OBJECT

 public:
  explicit Sparkline(QWidget* parent = nullptr);
  void setValues(const QVector<double>& values);
  QSize sizeHint() const override { return {240, 48}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QVector<double> m_values;
};

class CountersDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit CountersDock(CountersModel* model, QWidget* parent = nullptr);
  void setProgramStats(std::uint64_t runCount, std::uint64_t runTimeNs, qint64 readCostMs);
  void setUnavailable(const QString& why);
  void setAvailable();

 signals:
  void resetRequested();
  void stageActivated(int line);

 private:
  CountersModel* m_model;
  QStackedWidget* m_stack;
  QLabel* m_message;
  QLabel* m_stats;
  Sparkline* m_spark;
  QTableView* m_view;
};

}  // namespace p4wb::visualizer
