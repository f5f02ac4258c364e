#include "visualizer/table_model.h"

#include <QRegularExpression>
#include <algorithm>
#include <QStringList>

namespace p4wb::visualizer {

QString shortActionName(const std::string& action) {
  const QString full = QString::fromStdString(action);
  const int dot = full.lastIndexOf(QLatin1Char('.'));
  return dot < 0 ? full : full.mid(dot + 1);
}

TableModel::TableModel(runtime::TableSchema schema, QObject* parent)
    : QAbstractTableModel(parent), m_schema(std::move(schema)) {
  qRegisterMetaType<runtime::Entry>();
}

static bool sameEntry(const runtime::Entry& a, const runtime::Entry& b) {
  return a.keys == b.keys && a.action == b.action && a.params == b.params;
}

void TableModel::setEntries(std::vector<runtime::Entry> entries, bool complete) {
  const int total = static_cast<int>(entries.size());
  m_wanted = std::max(m_wanted, std::max(m_shown, kPageRows));
  const int shown = std::min(total, m_wanted);
  // Compare only what views show: a refresh of a huge table stays O(page).
  int first = -1;
  int last = -1;
  const int common = std::min(m_shown, shown);
  for (int i = 0; i < common; ++i) {
    if (sameEntry(entries[static_cast<size_t>(i)], m_entries[static_cast<size_t>(i)])) continue;
    if (first < 0) first = i;
    last = i;
  }
  m_updating = true;
  if (shown < m_shown) {
    beginRemoveRows({}, shown, m_shown - 1);
    m_shown = shown;
    endRemoveRows();
  }
  m_entries = std::move(entries);
  m_complete = complete;
  if (first >= 0) emit dataChanged(index(first, 0), index(last, columnCount() - 1));
  if (shown > m_shown) {
    beginInsertRows({}, m_shown, shown - 1);
    m_shown = shown;
    endInsertRows();
  }
  m_updating = false;
}

bool TableModel::canFetchMore(const QModelIndex& parent) const {
  if (parent.isValid() || m_updating) return false;
  // Not while a read of more rows is pending (asked for, not there yet).
  return m_shown < totalRows() || (!m_complete && m_requested <= m_shown);
}

void TableModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent)) return;
  const int target = m_shown + kPageRows;
  m_wanted = std::max(m_wanted, target);
  if (m_shown < totalRows()) {
    const int next = std::min(totalRows(), target);
    // Views ask for more from inside rowsInserted; the next page waits for the next ask.
    m_updating = true;
    beginInsertRows({}, m_shown, next - 1);
    m_shown = next;
    endInsertRows();
    m_updating = false;
  }
  if (m_shown < target && !m_complete) {
    m_requested = target;
    emit rowsWanted(target);
  }
}

int TableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : m_shown;
}

int TableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_schema.keys.size()) + 2;
}

QVariant TableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const runtime::Entry& e = m_entries[static_cast<size_t>(index.row())];
  const int c = index.column();
  if (role == FieldRole) {
    if (c < actionColumn()) return QStringLiteral("key:%1").arg(c);
    return c == actionColumn() ? QStringLiteral("action") : QStringLiteral("params");
  }
  if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole) return {};
  if (c < actionColumn())
    return c < static_cast<int>(e.keys.size()) ? QString::fromStdString(e.keys[c]) : QString();
  if (c == actionColumn())
    return role == Qt::DisplayRole ? shortActionName(e.action) : QString::fromStdString(e.action);
  QStringList params;
  for (const std::string& p : e.params) params << QString::fromStdString(p);
  return params.join(QLatin1Char(' '));
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || section >= columnCount()) return {};
  if (section < actionColumn()) {
    const runtime::KeyField& k = m_schema.keys[static_cast<size_t>(section)];
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(k.name),
                                         QString::fromStdString(k.matchName));
  }
  return section == actionColumn() ? tr("Action") : tr("Parameters");
}

Qt::ItemFlags TableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

std::vector<std::string> TableModel::splitWords(const QString& text) {
  std::vector<std::string> out;
  for (const QString& w : text.split(QRegularExpression(QStringLiteral("[\\s,]+")),
                                     Qt::SkipEmptyParts))
    out.push_back(w.toStdString());
  return out;
}

runtime::Entry TableModel::withCell(const runtime::Entry& e, int column,
                                    const QString& text) const {
  runtime::Entry out = e;
  out.keys.resize(m_schema.keys.size());
  if (column < actionColumn())
    out.keys[static_cast<size_t>(column)] = text.trimmed().toStdString();
  else if (column == actionColumn())
    out.action = text.trimmed().toStdString();
  else
    out.params = splitWords(text);
  return out;
}

QString TableModel::validate(const runtime::Entry& e) const {
  if (auto key = runtime::encodeKey(m_schema, e.keys); !key)
    return QString::fromStdString(key.error().message);
  if (auto value = runtime::encodeValue(m_schema, e.action, e.params); !value)
    return QString::fromStdString(value.error().message);
  return {};
}

QString TableModel::validateCell(int row, int column, const QString& text) const {
  if (row < 0 || row >= rowCount()) return tr("no such row");
  return validate(withCell(entry(row), column, text));
}

bool TableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
  const runtime::Entry before = m_entries[static_cast<size_t>(index.row())];
  runtime::Entry after = withCell(before, index.column(), value.toString());
  if (sameEntry(before, after)) return false;
  if (const QString why = validate(after); !why.isEmpty()) {
    emit editRejected(why);
    return false;
  }
  // Show the edit at once; the next refresh confirms it (or brings the old value back
  // when the kernel refused it, together with editRejected from the write).
  m_entries[static_cast<size_t>(index.row())] = after;
  emit dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
  emit editRequested(before, after);
  return true;
}

}  // namespace p4wb::visualizer
