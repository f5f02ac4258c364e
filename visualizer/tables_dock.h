// Tables dock: one tab per table of the loaded program, each a TableModel in a filtered
// view with validated in-place editing, add/delete/default-action dialogs, import and
// export (runtime_CLI lines, JSON) and one undo stack for all tables. Writes leave the
// dock as TableWrite requests through the writer the app installs.
#pragma once

#include <QDockWidget>
#include <QHash>
#include <vector>

#include "runtime/schema.h"
#include "visualizer/table_commands.h"

class QLabel;
class QTabWidget;
class QUndoStack;
class QTableView;
class QStackedWidget;

namespace p4wb::visualizer {

class TableModel;

class TablesDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit TablesDock(QWidget* parent = nullptr);

  void setWriter(TableWriter writer) { m_writer = std::move(writer); }
  // One tab per table; replaces all tabs and clears the undo stack.
  void setTables(const std::vector<runtime::TableSchema>& tables);
  // Fresh contents of one table (from the app's periodic refresh); complete: entries is
  // the whole table, else its first rows (the model asks for more with rowsWanted).
  void setEntries(const QString& table, std::vector<runtime::Entry> entries,
                  const runtime::Entry& defaultEntry, const QString& error, bool complete = true);
  // No tabs, just a sentence (no program loaded, missing privileges, ...).
  void setUnavailable(const QString& why);
  void setStatus(const QString& text, bool good);

  TableModel* model(const QString& table) const { return m_models.value(table); }
  QUndoStack* undoStack() const { return m_undo; }
  QTableView* view(const QString& table) const;

  // Pushes the commands onto the undo stack (which performs them).
  void addEntry(const QString& table, const runtime::Entry& entry);
  void deleteEntry(const QString& table, const runtime::Entry& entry);
  void setDefaultAction(const QString& table, const runtime::Entry& entry);
  // runtime_CLI lines, or JSON [{"table","keys","action","params"}], for every table.
  QString exportText(bool json) const;
  // Parses JSON exports into runtime_CLI lines; other text is taken as runtime_CLI.
  static QString importToScript(const QString& text, QString* error);

 signals:
  // A view scrolled past the rows read of `table`: the next read should bring `rows`.
  void rowsWanted(const QString& table, int rows);

 private:
  QWidget* makeTab(TableModel* model);
  QString currentTable() const;
  void onAdd();
  void onDelete();
  void onSetDefault();
  void onImport();
  void onExport();
  void write(const TableWrite& w);

  TableWriter m_writer;
  QStackedWidget* m_stack;
  QLabel* m_message;
  QTabWidget* m_tabs;
  QLabel* m_status;
  QUndoStack* m_undo;
  QHash<QString, TableModel*> m_models;
  QHash<QString, QLabel*> m_defaultLabels;
  QHash<QString, runtime::Entry> m_defaults;
};

}  // namespace p4wb::visualizer
