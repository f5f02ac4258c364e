#include "visualizer/tables_dock.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "visualizer/entry_dialog.h"
#include "visualizer/table_model.h"

namespace p4wb::visualizer {
namespace {

// A filter runs over the rows read. While it hides rows the view keeps asking for more,
// which would read a huge table whole; past kFilterScanRows it stops asking (the
// dock's count line says how far the read got).
class EntryFilterProxy : public QSortFilterProxyModel {
 public:
  static constexpr int kFilterScanRows = 100000;
  using QSortFilterProxyModel::QSortFilterProxyModel;
  bool canFetchMore(const QModelIndex& parent) const override {
    if (!filterRegularExpression().pattern().isEmpty() && sourceModel() &&
        sourceModel()->rowCount() >= kFilterScanRows)
      return false;
    return QSortFilterProxyModel::canFetchMore(parent);
  }
};

QString entryText(const runtime::Entry& e) {
  QStringList params;
  for (const std::string& p : e.params) params << QString::fromStdString(p);
  return QStringLiteral("%1(%2)").arg(shortActionName(e.action), params.join(QStringLiteral(", ")));
}

}  // namespace

TablesDock::TablesDock(QWidget* parent)
    : QDockWidget(tr("Tables"), parent),
      m_stack(new QStackedWidget),
      m_message(new QLabel),
      m_tabs(new QTabWidget),
      m_status(new QLabel),
      m_undo(new QUndoStack(this)) {
  setObjectName(QStringLiteral("TablesDock"));
  m_message->setWordWrap(true);
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setMargin(12);
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(2, 2, 2, 2);
  auto* bar = new QToolBar;
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->addAction(tr("Add..."), this, &TablesDock::onAdd)->setShortcut(Qt::Key_Insert);
  bar->addAction(tr("Delete"), this, &TablesDock::onDelete);
  bar->addAction(tr("Default..."), this, &TablesDock::onSetDefault);
  bar->addSeparator();
  QAction* undo = m_undo->createUndoAction(this, tr("Undo"));
  QAction* redo = m_undo->createRedoAction(this, tr("Redo"));
  bar->addActions({undo, redo});
  bar->addSeparator();
  bar->addAction(tr("Import..."), this, &TablesDock::onImport);
  bar->addAction(tr("Export..."), this, &TablesDock::onExport);
  column->addWidget(bar);
  column->addWidget(m_tabs, 1);
  m_status->setWordWrap(true);
  column->addWidget(m_status);
  m_stack->addWidget(m_message);
  m_stack->addWidget(page);
  setWidget(m_stack);
  setUnavailable(tr("No program loaded. Compile (Ctrl+B), then Run > Load (F5)."));
}

void TablesDock::setUnavailable(const QString& why) {
  m_message->setText(why);
  m_stack->setCurrentIndex(0);
}

void TablesDock::setStatus(const QString& text, bool good) {
  m_status->setText(text);
  m_status->setStyleSheet(good ? QString() : QStringLiteral("color: #c62828;"));
}

void TablesDock::setTables(const std::vector<runtime::TableSchema>& tables) {
  m_undo->clear();
  while (m_tabs->count() > 0) {
    QWidget* w = m_tabs->widget(0);
    m_tabs->removeTab(0);
    delete w;
  }
  qDeleteAll(m_models);
  m_models.clear();
  m_defaultLabels.clear();
  m_defaults.clear();
  for (const runtime::TableSchema& t : tables) {
    auto* model = new TableModel(t, this);
    m_models.insert(model->tableName(), model);
    m_tabs->addTab(makeTab(model), shortActionName(t.name));
    m_tabs->setTabToolTip(m_tabs->count() - 1, model->tableName());
  }
  if (tables.empty())
    setUnavailable(tr("The loaded program has no tables."));
  else
    m_stack->setCurrentIndex(1);
}

QWidget* TablesDock::makeTab(TableModel* model) {
  auto* tab = new QWidget;
  tab->setProperty("table", model->tableName());
  auto* column = new QVBoxLayout(tab);
  column->setContentsMargins(0, 0, 0, 0);
  auto* filter = new QLineEdit;
  filter->setPlaceholderText(tr("Filter entries"));
  filter->setClearButtonEnabled(true);
  auto* proxy = new EntryFilterProxy(tab);
  proxy->setSourceModel(model);
  proxy->setFilterKeyColumn(-1);
  proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
  auto* view = new QTableView;
  view->setObjectName(QStringLiteral("tableView"));
  view->setModel(proxy);
  view->setItemDelegate(new EntryDelegate(view));
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setAlternatingRowColors(true);
  view->horizontalHeader()->setStretchLastSection(true);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  // Size columns by the rows on screen, not the first 1000: each refresh re-measures.
  view->horizontalHeader()->setResizeContentsPrecision(0);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
  auto* defaults = new QLabel;
  m_defaultLabels.insert(model->tableName(), defaults);
  column->addWidget(filter);
  column->addWidget(view, 1);
  column->addWidget(defaults);
  const QString table = model->tableName();
  connect(model, &TableModel::editRequested, this,
          [this, table](const runtime::Entry& before, const runtime::Entry& after) {
            m_undo->push(new ModifyEntryCommand([this](const TableWrite& w) { write(w); }, table,
                                                before, after));
          });
  connect(model, &TableModel::editRejected, this, [this](const QString& why) { setStatus(why, false); });
  connect(model, &TableModel::rowsWanted, this, [this, table](int rows) { emit rowsWanted(table, rows); });
  return tab;
}

QTableView* TablesDock::view(const QString& table) const {
  for (int i = 0; i < m_tabs->count(); ++i)
    if (m_tabs->widget(i)->property("table").toString() == table)
      return m_tabs->widget(i)->findChild<QTableView*>();
  return nullptr;
}

QString TablesDock::currentTable() const {
  QWidget* w = m_tabs->currentWidget();
  return w ? w->property("table").toString() : QString();
}

void TablesDock::setEntries(const QString& table, std::vector<runtime::Entry> entries,
                            const runtime::Entry& defaultEntry, const QString& error,
                            bool complete) {
  TableModel* model = m_models.value(table);
  if (!model) return;
  if (!error.isEmpty()) {
    setStatus(error, false);
    return;
  }
  const size_t n = entries.size();
  model->setEntries(std::move(entries), complete);
  m_defaults.insert(table, defaultEntry);
  const QString count = complete ? tr("%1 of %2 entries").arg(n).arg(model->schema().maxEntries)
                                 : tr("first %1 entries read (of up to %2; scroll for more)")
                                       .arg(n)
                                       .arg(model->schema().maxEntries);
  if (QLabel* label = m_defaultLabels.value(table))
    label->setText(tr("%1 · default: %2%3")
                       .arg(count)
                       .arg(defaultEntry.action.empty() ? tr("none") : entryText(defaultEntry),
                            defaultEntry.compiledDefault ? tr(" (compiled in)") : QString()));
}

void TablesDock::write(const TableWrite& w) {
  if (m_writer) m_writer(w);
}

void TablesDock::addEntry(const QString& table, const runtime::Entry& entry) {
  m_undo->push(new AddEntryCommand([this](const TableWrite& w) { write(w); }, table, entry));
}

void TablesDock::deleteEntry(const QString& table, const runtime::Entry& entry) {
  m_undo->push(new DeleteEntryCommand([this](const TableWrite& w) { write(w); }, table, entry));
}

void TablesDock::setDefaultAction(const QString& table, const runtime::Entry& entry) {
  m_undo->push(new SetDefaultCommand([this](const TableWrite& w) { write(w); }, table,
                                     m_defaults.value(table), entry));
}

void TablesDock::onAdd() {
  TableModel* model = m_models.value(currentTable());
  if (!model) return;
  EntryDialog dialog(model->schema(), {}, true, this);
  if (dialog.exec() == QDialog::Accepted) addEntry(model->tableName(), dialog.entry());
}

void TablesDock::onDelete() {
  const QString table = currentTable();
  QTableView* v = view(table);
  TableModel* model = m_models.value(table);
  if (!v || !model) return;
  auto* proxy = static_cast<QSortFilterProxyModel*>(v->model());
  const QModelIndexList rows = v->selectionModel()->selectedRows();
  if (rows.size() > 1) m_undo->beginMacro(tr("delete %1 entries").arg(rows.size()));
  for (const QModelIndex& r : rows) deleteEntry(table, model->entry(proxy->mapToSource(r).row()));
  if (rows.size() > 1) m_undo->endMacro();
}

void TablesDock::onSetDefault() {
  TableModel* model = m_models.value(currentTable());
  if (!model) return;
  EntryDialog dialog(model->schema(), m_defaults.value(model->tableName()), false, this);
  if (dialog.exec() == QDialog::Accepted) setDefaultAction(model->tableName(), dialog.entry());
}

QString TablesDock::exportText(bool json) const {
  QJsonArray array;
  QStringList lines;
  for (auto it = m_models.cbegin(); it != m_models.cend(); ++it) {
    for (const runtime::Entry& e : it.value()->entries()) {
      if (!json) {
        lines << runtimeCliLine(it.key(), e);
        continue;
      }
      QJsonArray keys, params;
      for (const std::string& k : e.keys) keys << QString::fromStdString(k);
      for (const std::string& p : e.params) params << QString::fromStdString(p);
      array << QJsonObject{{QStringLiteral("table"), it.key()},
                           {QStringLiteral("keys"), keys},
                           {QStringLiteral("action"), QString::fromStdString(e.action)},
                           {QStringLiteral("params"), params}};
    }
  }
  if (json) return QString::fromUtf8(QJsonDocument(array).toJson());
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString TablesDock::importToScript(const QString& text, QString* error) {
  const QString trimmed = text.trimmed();
  if (!trimmed.startsWith(QLatin1Char('['))) return text;
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
  if (!doc.isArray()) {
    *error = tr("Not a JSON table export: %1").arg(parseError.errorString());
    return {};
  }
  QStringList lines;
  for (const QJsonValue& v : doc.array()) {
    const QJsonObject o = v.toObject();
    runtime::Entry e;
    for (const QJsonValue& k : o.value(QStringLiteral("keys")).toArray())
      e.keys.push_back(k.toString().toStdString());
    for (const QJsonValue& p : o.value(QStringLiteral("params")).toArray())
      e.params.push_back(p.toString().toStdString());
    e.action = o.value(QStringLiteral("action")).toString().toStdString();
    lines << runtimeCliLine(o.value(QStringLiteral("table")).toString(), e);
  }
  return lines.join(QLatin1Char('\n'));
}

void TablesDock::onImport() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Import Table Entries"), {},
      tr("runtime_CLI commands (*.txt *.cli);;JSON (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    setStatus(tr("Cannot read %1: %2").arg(path, file.errorString()), false);
    return;
  }
  QString error;
  const QString script = importToScript(QString::fromUtf8(file.readAll()), &error);
  if (!error.isEmpty()) {
    setStatus(error, false);
    return;
  }
  TableWrite w;
  w.kind = TableWrite::Kind::Script;
  w.script = script;
  write(w);
}

void TablesDock::onExport() {
  QString selected;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export Table Entries"), {}, tr("runtime_CLI commands (*.txt);;JSON (*.json)"),
      &selected);
  if (path.isEmpty()) return;
  QSaveFile file(path);
  const bool json = path.endsWith(QStringLiteral(".json")) || selected.startsWith(QStringLiteral("JSON"));
  if (!file.open(QIODevice::WriteOnly) || file.write(exportText(json).toUtf8()) < 0 ||
      !file.commit()) {
    setStatus(tr("Cannot write %1: %2").arg(path, file.errorString()), false);
    return;
  }
  QStringList partial;  // tables read only as far as the views scrolled
  for (auto it = m_models.cbegin(); it != m_models.cend(); ++it)
    if (!it.value()->isComplete()) partial << it.key();
  if (partial.isEmpty())
    setStatus(tr("Exported to %1").arg(path), true);
  else
    setStatus(tr("Exported to %1, but only the entries read so far of %2: scroll to the end "
                 "first, or use 'p4wb table dump' for the whole table")
                  .arg(path, partial.join(QStringLiteral(", "))),
              false);
}

}  // namespace p4wb::visualizer
