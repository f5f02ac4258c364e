// CountersModel: live per-stage packet counts of the loaded program and their rates
// (packets per second between the last two readings), one row per schema stage; keeps
// a short history of the total rate for the counters dock's sparkline.
#pragma once

#include <QAbstractTableModel>
#include <QVector>
#include <vector>

#include "runtime/counters.h"

namespace p4wb::visualizer {

class CountersModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { IdColumn, KindColumn, NameColumn, CountColumn, RateColumn, ColumnCount };
  enum Role { LineRole = Qt::UserRole + 1, CountRole, RateRole };
  static constexpr int kHistory = 120;

  explicit CountersModel(QObject* parent = nullptr);

  // New reading taken at msSinceEpoch. A different stage list resets the model.
  void update(const std::vector<runtime::StageCount>& stages, qint64 msSinceEpoch);
  void clear();
  std::uint64_t count(int row) const { return m_rows.at(row).count; }
  double rate(int row) const { return m_rows.at(row).rate; }
  // Count and rate of the stage with schema id `id` (0/0 when unknown).
  std::uint64_t countOfStage(std::uint32_t id) const;
  double rateOfStage(std::uint32_t id) const;
  // Packets per second entering the program (sum over parser start / first stages),
  // oldest first.
  const QVector<double>& history() const { return m_history; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    runtime::StageInfo stage;
    std::uint64_t count = 0;
    double rate = 0;
  };
  std::vector<Row> m_rows;
  qint64 m_lastMs = 0;
  QVector<double> m_history;
};

}  // namespace p4wb::visualizer
