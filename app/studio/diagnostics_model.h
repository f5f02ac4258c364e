// Table model of the last compile's diagnostics: message (with a severity icon) and
// its gcc-style place "file:line:col". Filled from one CompileResult at a time.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "compiler/driver/driver.h"

namespace p4wb::app {

class DiagnosticsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { MessageColumn, LocationColumn, ColumnCount };
  enum Role { FileRole = Qt::UserRole + 1, LineRole, ColumnRole, SeverityRole };

  explicit DiagnosticsModel(QObject* parent = nullptr);

  // Diagnostics of a finished compile (possibly none: a clean program).
  void setDiagnostics(std::vector<compiler::Diagnostic> diagnostics);
  // Back to "nothing compiled yet".
  void clear();
  bool hasResult() const { return m_hasResult; }
  const std::vector<compiler::Diagnostic>& diagnostics() const { return m_diagnostics; }
  int errorCount() const;
  int warningCount() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::vector<compiler::Diagnostic> m_diagnostics;
  bool m_hasResult = false;
};

// "basic_fwd.p4:83:9" — the file's base name, then whatever of line/col is known.
QString diagnosticLocation(const compiler::Diagnostic& d);

}  // namespace p4wb::app
