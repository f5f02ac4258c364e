#include "visualizer/counters_model.h"

#include <QLocale>

#include "visualizer/stages_model.h"

namespace p4wb::visualizer {

CountersModel::CountersModel(QObject* parent) : QAbstractTableModel(parent) {}

void CountersModel::clear() {
  beginResetModel();
  m_rows.clear();
  m_history.clear();
  m_lastMs = 0;
  endResetModel();
}

void CountersModel::update(const std::vector<runtime::StageCount>& stages, qint64 ms) {
  bool sameStages = stages.size() == m_rows.size();
  for (size_t i = 0; sameStages && i < stages.size(); ++i)
    sameStages = stages[i].stage.id == m_rows[i].stage.id &&
                 stages[i].stage.name == m_rows[i].stage.name;
  const double seconds = m_lastMs > 0 ? static_cast<double>(ms - m_lastMs) / 1000.0 : 0.0;
  if (!sameStages) {
    beginResetModel();
    m_rows.clear();
    for (const runtime::StageCount& s : stages) m_rows.push_back({s.stage, s.count, 0.0});
    m_history.clear();
    endResetModel();
  } else {
    double entering = 0;
    for (size_t i = 0; i < stages.size(); ++i) {
      Row& r = m_rows[i];
      // A reset makes the count go down: restart the rate from there.
      const double delta = stages[i].count >= r.count
                               ? static_cast<double>(stages[i].count - r.count)
                               : static_cast<double>(stages[i].count);
      r.rate = seconds > 0 ? delta / seconds : 0.0;
      r.count = stages[i].count;
      if (r.stage.kind == "verdict") entering += r.rate;  // every packet ends in one
    }
    m_history.append(entering);
    if (m_history.size() > kHistory) m_history.removeFirst();
    if (!m_rows.empty()) emit dataChanged(index(0, CountColumn), index(rowCount() - 1, RateColumn));
  }
  m_lastMs = ms;
}

std::uint64_t CountersModel::countOfStage(std::uint32_t id) const {
  for (const Row& r : m_rows)
    if (r.stage.id == id) return r.count;
  return 0;
}

double CountersModel::rateOfStage(std::uint32_t id) const {
  for (const Row& r : m_rows)
    if (r.stage.id == id) return r.rate;
  return 0;
}

int CountersModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CountersModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant CountersModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Row& r = m_rows[static_cast<size_t>(index.row())];
  switch (role) {
    case LineRole:
      return static_cast<int>(r.stage.loc.line);
    case CountRole:
      return static_cast<qulonglong>(r.count);
    case RateRole:
      return r.rate;
    case Qt::TextAlignmentRole:
      return index.column() >= CountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant();
    case Qt::DisplayRole:
      switch (index.column()) {
        case IdColumn:
          return static_cast<int>(r.stage.id);
        case KindColumn:
          return stageKindLabel(QString::fromStdString(r.stage.kind));
        case NameColumn:
          return QString::fromStdString(r.stage.name);
        case CountColumn:
          return QLocale().toString(static_cast<qulonglong>(r.count));
        case RateColumn:
          return QString::number(r.rate, 'f', r.rate < 10 ? 1 : 0);
      }
      break;
  }
  return {};
}

QVariant CountersModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case IdColumn: return tr("Id");
    case KindColumn: return tr("Kind");
    case NameColumn: return tr("Stage");
    case CountColumn: return tr("Packets");
    case RateColumn: return tr("Packets/s");
  }
  return {};
}

}  // namespace p4wb::visualizer
