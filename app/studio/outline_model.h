// OutlineModel: the edited file's declarations as a two-level tree, the way a reader
// scans a P4 program: parsers with their states, controls with their tables, actions
// and instances, and the top-level actions, headers, structs and functions. Built from
// the compiler's symbol index; only the main file's declarations, in source order.
#pragma once

#include <QAbstractItemModel>
#include <vector>

#include "compiler/driver/driver.h"

namespace p4wb::app {

class OutlineModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Role { LineRole = Qt::UserRole + 1, ColumnRole, KindRole };

  explicit OutlineModel(QObject* parent = nullptr);

  // Rebuilds from a symbol index; no reset when nothing visible changed (so the view
  // keeps its expansion while the user types).
  void setSymbols(const std::vector<compiler::SymbolInfo>& symbols);

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

 private:
  struct Item {
    QString name, kind, detail;
    int line = 0, column = 0;
    std::vector<Item> children;
    bool operator==(const Item&) const = default;
  };
  const Item* item(const QModelIndex& index) const;

  std::vector<Item> m_items;
};

}  // namespace p4wb::app
