// Table model of the program's pipeline stages (id, kind, name, source line) read from
// the compiler's schema JSON (docs/schema.md). Bad or missing JSON leaves the model
// empty and reports why; it never throws.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>
#include <string>

namespace p4wb::visualizer {

struct Stage {
  int id = 0;
  QString kind;  // parser_state, table_hit, action, verdict, ...
  QString name;  // P4 name, or the verdict for verdict stages
  QString file;  // as the compiler named it; may be empty
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
};

class StagesModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { IdColumn, KindColumn, NameColumn, LineColumn, ColumnCount };
  enum Role { LineRole = Qt::UserRole + 1, ColumnRole, FileRole };

  explicit StagesModel(QObject* parent = nullptr);

  // Replaces the stages with those of `schemaJson`. Returns false, empties the model
  // and sets errorString() when the text is not a schema.
  bool setSchemaJson(const std::string& schemaJson);
  void clear();
  // Empties the model and says why there are no stages (e.g. the compile failed).
  void setUnavailable(const QString& why);
  QString errorString() const { return m_error; }
  const QVector<Stage>& stages() const { return m_stages; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  QVector<Stage> m_stages;
  QString m_error;
};

// Human wording of a schema stage kind ("table_hit" -> "table hit").
QString stageKindLabel(const QString& kind);

}  // namespace p4wb::visualizer
