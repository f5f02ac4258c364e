#include "visualizer/entry_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>

#include "visualizer/table_model.h"

namespace p4wb::visualizer {
namespace {

const TableModel* sourceModel(const QModelIndex& index, QModelIndex* sourceIndex) {
  const QAbstractItemModel* m = index.model();
  QModelIndex i = index;
  while (auto* proxy = qobject_cast<const QSortFilterProxyModel*>(m)) {
    i = proxy->mapToSource(i);
    m = proxy->sourceModel();
  }
  *sourceIndex = i;
  return qobject_cast<const TableModel*>(m);
}

QString paramHint(const runtime::ActionSchema& a) {
  QStringList names;
  for (const runtime::ParamField& p : a.params)
    names << QStringLiteral("%1:%2").arg(QString::fromStdString(p.name), QString::fromStdString(p.format));
  return names.join(QLatin1Char(' '));
}

}  // namespace

EntryDialog::EntryDialog(const runtime::TableSchema& table, const runtime::Entry& initial,
                         bool withKeys, QWidget* parent)
    : QDialog(parent), m_table(table), m_withKeys(withKeys) {
  setWindowTitle(withKeys ? tr("Add entry to %1").arg(QString::fromStdString(table.name))
                          : tr("Default action of %1").arg(QString::fromStdString(table.name)));
  auto* form = new QFormLayout(this);
  if (withKeys) {
    for (size_t i = 0; i < table.keys.size(); ++i) {
      const runtime::KeyField& k = table.keys[i];
      auto* edit = new QLineEdit(i < initial.keys.size() ? QString::fromStdString(initial.keys[i])
                                                         : QString());
      edit->setPlaceholderText(QStringLiteral("%1, %2 bits, %3")
                                   .arg(QString::fromStdString(k.format))
                                   .arg(k.bits)
                                   .arg(QString::fromStdString(k.matchName)));
      edit->setObjectName(QStringLiteral("key%1").arg(i));
      form->addRow(QString::fromStdString(k.name), edit);
      connect(edit, &QLineEdit::textChanged, this, &EntryDialog::revalidate);
      m_keys.push_back(edit);
    }
  }
  m_action = new QComboBox;
  m_action->setObjectName(QStringLiteral("action"));
  for (const runtime::ActionSchema& a : table.actions)
    m_action->addItem(QString::fromStdString(a.name), paramHint(a));
  const int at = m_action->findText(QString::fromStdString(initial.action));
  if (at >= 0) m_action->setCurrentIndex(at);
  form->addRow(tr("Action"), m_action);
  m_params = new QLineEdit;
  m_params->setObjectName(QStringLiteral("params"));
  QStringList params;
  for (const std::string& p : initial.params) params << QString::fromStdString(p);
  m_params->setText(params.join(QLatin1Char(' ')));
  form->addRow(tr("Parameters"), m_params);
  m_problem = new QLabel;
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
  form->addRow(m_problem);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_action, &QComboBox::currentIndexChanged, this, &EntryDialog::revalidate);
  connect(m_params, &QLineEdit::textChanged, this, &EntryDialog::revalidate);
  revalidate();
}

runtime::Entry EntryDialog::entry() const {
  runtime::Entry e;
  for (QLineEdit* k : m_keys) e.keys.push_back(k->text().trimmed().toStdString());
  e.action = m_action->currentText().toStdString();
  e.params = TableModel::splitWords(m_params->text());
  return e;
}

void EntryDialog::revalidate() {
  const runtime::Entry e = entry();
  m_params->setPlaceholderText(m_action->currentData().toString());
  QString why;
  if (m_withKeys)
    if (auto key = runtime::encodeKey(m_table, e.keys); !key)
      why = QString::fromStdString(key.error().message);
  if (why.isEmpty())
    if (auto value = runtime::encodeValue(m_table, e.action, e.params); !value)
      why = QString::fromStdString(value.error().message);
  m_problem->setText(why);
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

QWidget* EntryDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                     const QModelIndex& index) const {
  QModelIndex source;
  const TableModel* model = sourceModel(index, &source);
  if (model && source.column() == model->actionColumn()) {
    auto* combo = new QComboBox(parent);
    for (const runtime::ActionSchema& a : model->schema().actions)
      combo->addItem(QString::fromStdString(a.name));
    return combo;
  }
  auto* edit = new QLineEdit(parent);
  if (model) {
    connect(edit, &QLineEdit::textChanged, edit, [edit, model, source](const QString& text) {
      const QString why = model->validateCell(source.row(), source.column(), text);
      edit->setToolTip(why);
      edit->setStyleSheet(why.isEmpty() ? QString()
                                        : QStringLiteral("background: #ffebee; color: #b71c1c;"));
    });
  }
  return edit;
}

void EntryDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  const QString text = index.data(Qt::EditRole).toString();
  if (auto* combo = qobject_cast<QComboBox*>(editor))
    combo->setCurrentIndex(std::max(0, combo->findText(text)));
  else if (auto* edit = qobject_cast<QLineEdit*>(editor))
    edit->setText(text);
}

void EntryDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                 const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    model->setData(index, combo->currentText());
  } else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
    QModelIndex source;
    const TableModel* m = sourceModel(index, &source);
    // An invalid value is not committed; the model's editRejected says why.
    if (!m || m->validateCell(source.row(), source.column(), edit->text()).isEmpty())
      model->setData(index, edit->text());
  }
}

}  // namespace p4wb::visualizer
