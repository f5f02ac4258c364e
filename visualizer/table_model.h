// TableModel: one P4 table's live entries (runtime::Entry, display strings) as rows:
// one column per key field, then the action and its parameters. Edits are validated
// with the runtime's pure encoders (encodeKey/encodeValue) and, when valid, handed out
// as editRequested() for the app to write to the kernel; the model never touches the
// kernel itself. Live refreshes replace rows in place, so views keep their selection.
// Rows reach views in pages of kPageRows (canFetchMore/fetchMore), so a table with a
// million entries costs the view and each refresh only the rows scrolled to so far. The
// model may also hold just a prefix of the table (the app reads wantedRows() entries,
// runtime/table_page.h): fetching past it emits rowsWanted() and the rows come with the
// next setEntries().
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "runtime/schema.h"
#include "runtime/table.h"

namespace p4wb::visualizer {

class TableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Role { FieldRole = Qt::UserRole + 1 };  // "key:N", "action", "params"

  explicit TableModel(runtime::TableSchema schema, QObject* parent = nullptr);

  const runtime::TableSchema& schema() const { return m_schema; }
  QString tableName() const { return QString::fromStdString(m_schema.name); }
  static constexpr int kPageRows = 1000;

  // Replaces the rows with a fresh read (in the order the runtime returns them). Rows the
  // views were shown stay shown (as far as the read has them), at least one page.
  // complete: `entries` is the whole table; else a prefix, and more can be fetched.
  void setEntries(std::vector<runtime::Entry> entries, bool complete = true);
  // Every entry read, also those not fetched into views yet.
  const std::vector<runtime::Entry>& entries() const { return m_entries; }
  int totalRows() const { return static_cast<int>(m_entries.size()); }
  bool isComplete() const { return m_complete; }
  // How many entries the next read should bring: what views asked for (>= one page).
  int wantedRows() const { return m_wanted; }
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;
  const runtime::Entry& entry(int row) const { return m_entries.at(static_cast<size_t>(row)); }
  int actionColumn() const { return static_cast<int>(m_schema.keys.size()); }
  int paramsColumn() const { return actionColumn() + 1; }

  // Checks an entry against the table layout; "" when it encodes, else the reason.
  QString validate(const runtime::Entry& entry) const;
  // Checks one cell's text for `column` as if it replaced that cell of `row`.
  QString validateCell(int row, int column, const QString& text) const;
  // Parses "a b c" (parameters) into a list, dropping empty words.
  static std::vector<std::string> splitWords(const QString& text);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 signals:
  // A valid edit of `before` into `after` (the key may differ: delete + add).
  void editRequested(const p4wb::runtime::Entry& before, const p4wb::runtime::Entry& after);
  void editRejected(const QString& why);
  // Views scrolled past the rows read so far: read at least `rows` entries next time.
  void rowsWanted(int rows);

 private:
  runtime::Entry withCell(const runtime::Entry& e, int column, const QString& text) const;

  runtime::TableSchema m_schema;
  std::vector<runtime::Entry> m_entries;
  int m_shown = 0;  // rows views know about: a prefix of m_entries
  int m_wanted = kPageRows;  // rows views asked for (m_shown <= m_wanted)
  int m_requested = 0;  // rows asked of the app with rowsWanted (pending while > m_shown)
  bool m_complete = true;  // m_entries is the whole table
  bool m_updating = false;  // inside setEntries: no nested fetchMore from a view
};

// "forward 02:00:00:00:00:02 ..." -> short action name for display ("forward").
QString shortActionName(const std::string& action);

}  // namespace p4wb::visualizer

Q_DECLARE_METATYPE(p4wb::runtime::Entry)
