#include "app/studio/diagnostics_model.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QStyle>
#include <algorithm>

namespace p4wb::app {
namespace {

using Severity = compiler::Diagnostic::Severity;

QIcon severityIcon(Severity s) {
  QStyle* style = QApplication::style();
  switch (s) {
    case Severity::Error:
      return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Severity::Warning:
      return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Severity::Note:
      return style->standardIcon(QStyle::SP_MessageBoxInformation);
  }
  return {};
}

QString severityWord(Severity s) {
  switch (s) {
    case Severity::Error:
      return QObject::tr("error");
    case Severity::Warning:
      return QObject::tr("warning");
    case Severity::Note:
      return QObject::tr("note");
  }
  return {};
}

}  // namespace

QString diagnosticLocation(const compiler::Diagnostic& d) {
  QString where = QFileInfo(QString::fromStdString(d.file)).fileName();
  if (d.line > 0) {
    where += QLatin1Char(':') + QString::number(d.line);
    if (d.column > 0) where += QLatin1Char(':') + QString::number(d.column);
  }
  return where;
}

DiagnosticsModel::DiagnosticsModel(QObject* parent) : QAbstractTableModel(parent) {}

void DiagnosticsModel::setDiagnostics(std::vector<compiler::Diagnostic> diagnostics) {
  beginResetModel();
  m_diagnostics = std::move(diagnostics);
  m_hasResult = true;
  endResetModel();
}

void DiagnosticsModel::clear() {
  beginResetModel();
  m_diagnostics.clear();
  m_hasResult = false;
  endResetModel();
}

int DiagnosticsModel::errorCount() const {
  return static_cast<int>(
      std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                    [](const auto& d) { return d.severity == Severity::Error; }));
}

int DiagnosticsModel::warningCount() const {
  return static_cast<int>(
      std::count_if(m_diagnostics.begin(), m_diagnostics.end(),
                    [](const auto& d) { return d.severity == Severity::Warning; }));
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const compiler::Diagnostic& d = m_diagnostics.at(static_cast<size_t>(index.row()));
  switch (role) {
    case Qt::DisplayRole:
      if (index.column() == MessageColumn) return QString::fromStdString(d.message);
      return diagnosticLocation(d);
    case Qt::DecorationRole:
      if (index.column() == MessageColumn) return severityIcon(d.severity);
      return {};
    case Qt::ToolTipRole:
      return QString::fromStdString(d.render());
    case FileRole:
      return QString::fromStdString(d.file);
    case LineRole:
      return d.line;
    case ColumnRole:
      return d.column;
    case SeverityRole:
      return severityWord(d.severity);
  }
  return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == MessageColumn ? tr("Message") : tr("Location");
}

}  // namespace p4wb::app
