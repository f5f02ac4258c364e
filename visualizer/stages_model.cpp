#include "visualizer/stages_model.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <nlohmann/json.hpp>

namespace p4wb::visualizer {
namespace {

QString str(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return QString::fromStdString(it->get<std::string>());
}

int integer(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return 0;
  return it->get<int>();
}

// Parses one element of "stages"; returns false when it is not an object with an id.
bool parseStage(const nlohmann::json& j, Stage* out) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_number_integer()) return false;
  out->id = j["id"].get<int>();
  out->kind = str(j, "kind");
  out->name = str(j, "name");
  auto loc = j.find("loc");
  if (loc != j.end() && loc->is_object()) {
    out->file = str(*loc, "file");
    out->line = integer(*loc, "line");
    out->column = integer(*loc, "col");
  }
  return true;
}

QColor kindColor(const QString& kind) {
  if (kind.startsWith(QLatin1String("parser"))) return QColor(0x2f, 0x6f, 0xb3);
  if (kind.startsWith(QLatin1String("table"))) return QColor(0x7a, 0x3e, 0xa8);
  if (kind == QLatin1String("action")) return QColor(0x2e, 0x8b, 0x57);
  if (kind == QLatin1String("verdict")) return QColor(0xb3, 0x5a, 0x1f);
  return QColor(0x55, 0x55, 0x55);
}

}  // namespace

QString stageKindLabel(const QString& kind) {
  QString label = kind;
  label.replace(QLatin1Char('_'), QLatin1Char(' '));
  return label;
}

StagesModel::StagesModel(QObject* parent) : QAbstractTableModel(parent) {}

void StagesModel::clear() { setUnavailable({}); }

void StagesModel::setUnavailable(const QString& why) {
  beginResetModel();
  m_stages.clear();
  m_error = why;
  endResetModel();
}

bool StagesModel::setSchemaJson(const std::string& schemaJson) {
  QVector<Stage> stages;
  QString error;
  const nlohmann::json root =
      nlohmann::json::parse(schemaJson, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    error = tr("the program schema is not valid JSON");
  } else if (auto it = root.find("stages"); it != root.end() && it->is_array()) {
    for (const nlohmann::json& j : *it) {
      Stage stage;
      if (parseStage(j, &stage)) stages.push_back(stage);
    }
  }
  // A schema without "stages" (stage counters off) is valid and simply has none.

  beginResetModel();
  m_stages = std::move(stages);
  m_error = error;
  endResetModel();
  return error.isEmpty();
}

int StagesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_stages.size());
}

int StagesModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant StagesModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const Stage& s = m_stages.at(index.row());
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case IdColumn:
          return s.id;
        case KindColumn:
          return stageKindLabel(s.kind);
        case NameColumn:
          return s.name;
        case LineColumn:
          return s.line > 0 ? QVariant(s.line) : QVariant();
      }
      return {};
    case Qt::ToolTipRole:
      if (s.line <= 0) return s.name;
      return QStringLiteral("%1\n%2:%3:%4")
          .arg(s.name, QFileInfo(s.file).fileName())
          .arg(s.line)
          .arg(s.column);
    case Qt::ForegroundRole:
      if (index.column() == KindColumn) return QBrush(kindColor(s.kind));
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == IdColumn || index.column() == LineColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case LineRole:
      return s.line;
    case ColumnRole:
      return s.column;
    case FileRole:
      return s.file;
  }
  return {};
}

QVariant StagesModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case IdColumn:
      return tr("Id");
    case KindColumn:
      return tr("Kind");
    case NameColumn:
      return tr("Name");
    case LineColumn:
      return tr("Line");
  }
  return {};
}

}  // namespace p4wb::visualizer
