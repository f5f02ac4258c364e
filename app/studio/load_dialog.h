// Run > Load: asks where to load the compiled program (namespace, interface, hook) and
// under which name. Namespaces and interfaces come from RuntimeService::listTargets,
// filled in when they arrive; the dialog itself makes no syscalls.
#pragma once

#include <QDialog>

#include "app/studio/runtime_service.h"
#include "runtime/target.h"

class QComboBox;
class QLineEdit;
class QLabel;
class QDialogButtonBox;

namespace p4wb::app {

class LoadDialog : public QDialog {
  Q_OBJECT

 public:
  LoadDialog(const QString& defaultName, QWidget* parent = nullptr);
  void setTargets(const NetnsInterfaces& targets);
  // Picks this namespace and interface once they are listed (Targets dock > Attach).
  void preselect(const QString& netns, const QString& ifname);
  runtime::Target target() const;
  QString name() const;

 private:
  void fillInterfaces();
  void revalidate();

  NetnsInterfaces m_targets;
  QString m_wantNetns, m_wantIfname;
  bool m_hasWish = false;
  QComboBox* m_netns;
  QComboBox* m_ifname;
  QComboBox* m_hook;
  QLineEdit* m_name;
  QLabel* m_problem;
  QDialogButtonBox* m_buttons;
};

// "basic_fwd.p4" -> "basic_fwd"; anything outside [A-Za-z0-9_-] becomes '_'.
QString programNameFor(const QString& fileName);

}  // namespace p4wb::app
