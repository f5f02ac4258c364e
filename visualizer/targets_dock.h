// Targets dock: the TargetsModel tree (namespaces -> interfaces -> attached programs)
// with the actions that act on it: refresh, attach the compiled program to the selected
// interface, detach the selected program, create and remove a lab. The dock only asks
// (signals); the app does the work on a worker and hands back a fresh listing.
#pragma once

#include <QDockWidget>
#include <QHash>
#include <QSet>
#include <vector>

#include "runtime/targets.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace p4wb::visualizer {

class TargetsModel;

class TargetsDock : public QDockWidget {
  Q_OBJECT

 public:
  explicit TargetsDock(QWidget* parent = nullptr);

  TargetsModel* model() const { return m_model; }
  QTreeView* view() const { return m_view; }
  // A fresh listing from the worker; keeps what was expanded and selected.
  void setTargets(const std::vector<runtime::NetnsInfo>& targets,
                  const QHash<QString, QStringList>& labs, const QString& error);
  void setOwnProgram(quint32 progId, const QString& name);
  // The outcome of the last action, in plain words.
  void setStatus(const QString& text, bool good);
  QString statusText() const;
  // Without privileges the tree still lists what it can, but the actions are off.
  void setActionsEnabled(bool on, const QString& why = {});
  // Selects the node of netns (and ifname when given); false when it is not listed.
  bool select(const QString& netns, const QString& ifname = {});

 signals:
  void refreshRequested();
  void attachRequested(const QString& netns, const QString& ifname);
  void detachRequested(const QString& netns, const QString& ifname, const QString& hook,
                       quint32 progId);
  void labUpRequested(const QString& name, int pairs);
  void labDownRequested(const QString& name);

 private:
  void updateButtons();
  void attachSelected();
  void detachSelected();
  void createLab();
  void removeSelectedLab();
  QString keyOf(const QModelIndex& index) const;
  void rememberView();
  void restoreView();

  TargetsModel* m_model;
  QTreeView* m_view;
  QPushButton* m_refresh;
  QPushButton* m_attach;
  QPushButton* m_detach;
  QLineEdit* m_labName;
  QSpinBox* m_labPairs;
  QPushButton* m_labUp;
  QPushButton* m_labDown;
  QLabel* m_status;
  QSet<QString> m_expanded;
  QString m_selected;
  bool m_actionsEnabled = true;
};

}  // namespace p4wb::visualizer
