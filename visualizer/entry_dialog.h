// Dialog and delegate for typing table entries: every field is checked with the
// runtime's encoders as the user types, and OK / commit is possible only when the whole
// entry encodes for the table's layout.
#pragma once

#include <QDialog>
#include <QStyledItemDelegate>
#include <vector>

#include "runtime/schema.h"
#include "runtime/table.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace p4wb::visualizer {

class EntryDialog : public QDialog {
  Q_OBJECT

 public:
  // keysEditable == false: default action (no keys shown).
  EntryDialog(const runtime::TableSchema& table, const runtime::Entry& initial, bool withKeys,
              QWidget* parent = nullptr);
  runtime::Entry entry() const;

 private:
  void revalidate();
  const runtime::TableSchema& m_table;
  bool m_withKeys;
  std::vector<QLineEdit*> m_keys;
  QComboBox* m_action;
  QLineEdit* m_params;
  QLabel* m_problem;
  QDialogButtonBox* m_buttons;
};

// In-place editor for TableModel cells: a line edit that turns red and refuses to
// commit until TableModel::validateCell accepts the text; the action column offers the
// table's actions.
class EntryDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model,
                    const QModelIndex& index) const override;
};

}  // namespace p4wb::visualizer
