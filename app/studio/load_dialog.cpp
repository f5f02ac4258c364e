#include "app/studio/load_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace p4wb::app {

QString programNameFor(const QString& fileName) {
  QString base = QFileInfo(fileName).completeBaseName();
  base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
  return base.isEmpty() ? QStringLiteral("prog") : base.left(64);
}

LoadDialog::LoadDialog(const QString& defaultName, QWidget* parent)
    : QDialog(parent),
      m_netns(new QComboBox),
      m_ifname(new QComboBox),
      m_hook(new QComboBox),
      m_name(new QLineEdit(defaultName)),
      m_problem(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
  setWindowTitle(tr("Load Program"));
  auto* form = new QFormLayout(this);
  m_netns->setObjectName(QStringLiteral("netns"));
  m_ifname->setObjectName(QStringLiteral("ifname"));
  m_hook->setObjectName(QStringLiteral("hook"));
  m_name->setObjectName(QStringLiteral("name"));
  m_netns->addItem(tr("(this namespace)"), QString());
  m_ifname->addItem(tr("(none: load and pin only)"), QString());
  m_hook->addItems({QStringLiteral("xdp"), QStringLiteral("xdp-native"),
                    QStringLiteral("xdp-generic"), QStringLiteral("tc-ingress"),
                    QStringLiteral("tc-egress")});
  m_hook->setToolTip(tr("xdp lets the kernel pick native or generic mode"));
  form->addRow(tr("Network namespace"), m_netns);
  form->addRow(tr("Interface"), m_ifname);
  form->addRow(tr("Hook"), m_hook);
  form->addRow(tr("Name"), m_name);
  m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
  m_problem->setWordWrap(true);
  form->addRow(m_problem);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Load"));
  form->addRow(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_netns, &QComboBox::currentIndexChanged, this, &LoadDialog::fillInterfaces);
  connect(m_name, &QLineEdit::textChanged, this, &LoadDialog::revalidate);
  revalidate();
}

void LoadDialog::setTargets(const NetnsInterfaces& targets) {
  m_targets = targets;
  const QString current = m_netns->currentData().toString();
  m_netns->blockSignals(true);
  m_netns->clear();
  for (const QString& ns : targets.netns)
    m_netns->addItem(ns.isEmpty() ? tr("(this namespace)") : ns, ns);
  m_netns->setCurrentIndex(std::max(0, m_netns->findData(m_hasWish ? m_wantNetns : current)));
  m_netns->blockSignals(false);
  fillInterfaces();
  if (m_hasWish) {
    m_ifname->setCurrentIndex(std::max(0, m_ifname->findData(m_wantIfname)));
    m_hasWish = false;
  }
  if (!targets.error.isEmpty()) m_problem->setText(targets.error);
}

void LoadDialog::preselect(const QString& netns, const QString& ifname) {
  m_wantNetns = netns;
  m_wantIfname = ifname;
  m_hasWish = true;
  // Shown at once, even before the worker's listing arrives.
  if (m_netns->findData(netns) < 0) m_netns->addItem(netns.isEmpty() ? tr("(this namespace)") : netns, netns);
  m_netns->setCurrentIndex(m_netns->findData(netns));
  if (m_ifname->findData(ifname) < 0) m_ifname->addItem(ifname, ifname);
  m_ifname->setCurrentIndex(m_ifname->findData(ifname));
}

void LoadDialog::fillInterfaces() {
  const QString current = m_ifname->currentData().toString();
  m_ifname->clear();
  m_ifname->addItem(tr("(none: load and pin only)"), QString());
  for (const QString& i : m_targets.interfaces.value(m_netns->currentData().toString()))
    if (i != QStringLiteral("lo")) m_ifname->addItem(i, i);
  m_ifname->setCurrentIndex(std::max(0, m_ifname->findData(current)));
}

void LoadDialog::revalidate() {
  static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
  const bool ok = valid.match(m_name->text()).hasMatch();
  m_problem->setText(ok ? QString() : tr("Names are 1-64 letters, digits, '_' or '-'."));
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

runtime::Target LoadDialog::target() const {
  runtime::Target t;
  t.netns = m_netns->currentData().toString().toStdString();
  t.ifname = m_ifname->currentData().toString().toStdString();
  runtime::XdpMode mode = runtime::XdpMode::Auto;
  if (auto hook = runtime::parseHook(m_hook->currentText().toStdString(), &mode)) t.hook = *hook;
  t.mode = mode;
  return t;
}

QString LoadDialog::name() const { return m_name->text(); }

}  // namespace p4wb::app
