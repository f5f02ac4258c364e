// The "Diagnostics" dock: the last compile's errors and warnings. Activating one asks
// the app to jump to its place; next()/previous() walk the list from the keyboard.
#pragma once

#include <QDockWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace p4wb::app {

class DiagnosticsModel;

class DiagnosticsDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit DiagnosticsDock(DiagnosticsModel* model, QWidget* parent = nullptr);
  QTreeView* view() const { return m_view; }

  // Select and activate the next/previous diagnostic, wrapping around.
  void selectNext();
  void selectPrevious();

 signals:
  // `file` as the compiler reported it; 1-based line and column (0 if unknown).
  void diagnosticActivated(const QString& file, int line, int column);

 private:
  void activate(const QModelIndex& index);
  void step(int delta);
  void updateTitle();

  DiagnosticsModel* m_model;
  QTreeView* m_view;
  QLabel* m_placeholder;
  QStackedWidget* m_stack;
};

}  // namespace p4wb::app
