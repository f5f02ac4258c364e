#include "app/studio/outline_model.h"

#include <QApplication>
#include <QStyle>

namespace p4wb::app {
namespace {

bool isTopLevelKind(const std::string& kind) {
  return kind == "parser" || kind == "control" || kind == "action" || kind == "header" ||
         kind == "struct" || kind == "function" || kind == "enum" || kind == "extern";
}

bool isMemberKind(const std::string& kind) {
  return kind == "state" || kind == "table" || kind == "action" || kind == "instance" ||
         kind == "value_set";
}

// internalId: 0 for top-level rows; parent row + 1 for children (two levels only).
constexpr quintptr kTop = 0;

}  // namespace

OutlineModel::OutlineModel(QObject* parent) : QAbstractItemModel(parent) {}

void OutlineModel::setSymbols(const std::vector<compiler::SymbolInfo>& symbols) {
  std::vector<Item> items;
  for (const compiler::SymbolInfo& s : symbols) {
    if (!s.inMainFile) continue;
    Item it{QString::fromStdString(s.name), QString::fromStdString(s.kind),
            QString::fromStdString(s.typeText), static_cast<int>(s.line),
            static_cast<int>(s.column), {}};
    if (s.container.empty() && isTopLevelKind(s.kind)) {
      items.push_back(std::move(it));
    } else if (isMemberKind(s.kind) && !items.empty() &&
               items.back().name == QString::fromStdString(s.container)) {
      items.back().children.push_back(std::move(it));
    }
  }
  if (items == m_items) return;
  beginResetModel();
  m_items = std::move(items);
  endResetModel();
}

const OutlineModel::Item* OutlineModel::item(const QModelIndex& index) const {
  if (!index.isValid()) return nullptr;
  if (index.internalId() == kTop)
    return index.row() < static_cast<int>(m_items.size()) ? &m_items[static_cast<size_t>(index.row())]
                                                         : nullptr;
  const size_t parentRow = index.internalId() - 1;
  if (parentRow >= m_items.size()) return nullptr;
  const auto& children = m_items[parentRow].children;
  return index.row() < static_cast<int>(children.size()) ? &children[static_cast<size_t>(index.row())]
                                                         : nullptr;
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column != 0) return {};
  if (!parent.isValid())
    return row < static_cast<int>(m_items.size()) ? createIndex(row, 0, kTop) : QModelIndex();
  if (parent.internalId() != kTop || parent.row() >= static_cast<int>(m_items.size())) return {};
  if (row >= static_cast<int>(m_items[static_cast<size_t>(parent.row())].children.size())) return {};
  return createIndex(row, 0, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex OutlineModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kTop) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kTop);
}

int OutlineModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(m_items.size());
  if (parent.internalId() != kTop || parent.column() != 0) return 0;
  const Item* it = item(parent);
  return it ? static_cast<int>(it->children.size()) : 0;
}

int OutlineModel::columnCount(const QModelIndex&) const { return 1; }

QVariant OutlineModel::data(const QModelIndex& index, int role) const {
  const Item* it = item(index);
  if (!it) return {};
  switch (role) {
    case Qt::DisplayRole: return QStringLiteral("%1  %2").arg(it->kind, it->name);
    case Qt::ToolTipRole:
      return it->detail.isEmpty() ? tr("line %1").arg(it->line)
                                  : tr("%1\nline %2").arg(it->detail).arg(it->line);
    case LineRole: return it->line;
    case ColumnRole: return it->column;
    case KindRole: return it->kind;
    default: return {};
  }
}

}  // namespace p4wb::app
