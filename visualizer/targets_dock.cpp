#include "visualizer/targets_dock.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

#include "visualizer/targets_model.h"

namespace p4wb::visualizer {
namespace {

using Kind = TargetsModel::Kind;

Kind kindOf(const QModelIndex& index) {
  return static_cast<Kind>(index.data(TargetsModel::KindRole).toInt());
}

QPushButton* button(const QString& text, const QString& name, const QString& tip) {
  auto* b = new QPushButton(text);
  b->setObjectName(name);
  b->setToolTip(tip);
  return b;
}

}  // namespace

TargetsDock::TargetsDock(QWidget* parent)
    : QDockWidget(tr("Targets"), parent),
      m_model(new TargetsModel(this)),
      m_view(new QTreeView),
      m_refresh(button(tr("Refresh"), QStringLiteral("refresh"), tr("List namespaces again"))),
      m_attach(button(tr("Attach..."), QStringLiteral("attach"),
                      tr("Load the compiled program onto the selected interface"))),
      m_detach(button(tr("Detach"), QStringLiteral("detach"),
                      tr("Detach the selected program from its interface"))),
      m_labName(new QLineEdit),
      m_labPairs(new QSpinBox),
      m_labUp(button(tr("Create Lab"), QStringLiteral("labUp"),
                     tr("A namespace NAME with veth pairs to NAME-peer (10.0.N.1/24)"))),
      m_labDown(button(tr("Remove Lab"), QStringLiteral("labDown"),
                       tr("Delete the selected lab's namespaces"))),
      m_status(new QLabel) {
  setObjectName(QStringLiteral("TargetsDock"));
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(4, 4, 4, 4);
  auto* actions = new QHBoxLayout;
  actions->addWidget(m_refresh);
  actions->addWidget(m_attach);
  actions->addWidget(m_detach);
  actions->addStretch(1);
  column->addLayout(actions);
  m_view->setObjectName(QStringLiteral("targetsView"));
  m_view->setModel(m_model);
  m_view->setUniformRowHeights(true);
  m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  column->addWidget(m_view, 1);
  auto* lab = new QHBoxLayout;
  m_labName->setObjectName(QStringLiteral("labName"));
  m_labName->setPlaceholderText(tr("lab name"));
  m_labName->setValidator(new QRegularExpressionValidator(
      QRegularExpression(QStringLiteral("[A-Za-z0-9_-]{1,26}")), m_labName));
  m_labPairs->setObjectName(QStringLiteral("labPairs"));
  m_labPairs->setRange(1, 8);
  m_labPairs->setValue(1);
  m_labPairs->setSuffix(tr(" veth pair(s)"));
  lab->addWidget(m_labName, 1);
  lab->addWidget(m_labPairs);
  lab->addWidget(m_labUp);
  lab->addWidget(m_labDown);
  column->addLayout(lab);
  m_status->setObjectName(QStringLiteral("status"));
  m_status->setWordWrap(true);
  column->addWidget(m_status);
  setWidget(page);

  connect(m_refresh, &QPushButton::clicked, this, &TargetsDock::refreshRequested);
  connect(m_attach, &QPushButton::clicked, this, &TargetsDock::attachSelected);
  connect(m_detach, &QPushButton::clicked, this, &TargetsDock::detachSelected);
  connect(m_labUp, &QPushButton::clicked, this, &TargetsDock::createLab);
  connect(m_labName, &QLineEdit::returnPressed, this, &TargetsDock::createLab);
  connect(m_labName, &QLineEdit::textChanged, this, &TargetsDock::updateButtons);
  connect(m_labDown, &QPushButton::clicked, this, &TargetsDock::removeSelectedLab);
  connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &TargetsDock::updateButtons);
  connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
    if (kindOf(index) == Kind::Interface) attachSelected();
  });
  connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &TargetsDock::rememberView);
  connect(m_model, &QAbstractItemModel::modelReset, this, &TargetsDock::restoreView);
  updateButtons();
}

QString TargetsDock::keyOf(const QModelIndex& index) const {
  return index.data(TargetsModel::NetnsRole).toString() + QLatin1Char('\x1f') +
         index.data(TargetsModel::IfnameRole).toString() + QLatin1Char('\x1f') +
         index.data(TargetsModel::HookRole).toString();
}

void TargetsDock::rememberView() {
  m_expanded.clear();
  for (int r = 0; r < m_model->rowCount(); ++r) {
    const QModelIndex ns = m_model->index(r, 0);
    if (m_view->isExpanded(ns)) m_expanded.insert(keyOf(ns));
    for (int i = 0; i < m_model->rowCount(ns); ++i) {
      const QModelIndex itf = m_model->index(i, 0, ns);
      if (m_view->isExpanded(itf)) m_expanded.insert(keyOf(itf));
    }
  }
  const QModelIndex current = m_view->currentIndex();
  m_selected = current.isValid() ? keyOf(current.siblingAtColumn(0)) : QString();
}

void TargetsDock::restoreView() {
  const bool first = m_expanded.isEmpty() && m_selected.isEmpty();
  for (int r = 0; r < m_model->rowCount(); ++r) {
    const QModelIndex ns = m_model->index(r, 0);
    // A fresh dock opens the namespaces; later refreshes keep what the user chose.
    if (first || m_expanded.contains(keyOf(ns))) m_view->expand(ns);
    if (keyOf(ns) == m_selected) m_view->setCurrentIndex(ns);
    for (int i = 0; i < m_model->rowCount(ns); ++i) {
      const QModelIndex itf = m_model->index(i, 0, ns);
      if (first || m_expanded.contains(keyOf(itf))) m_view->expand(itf);
      if (keyOf(itf) == m_selected) m_view->setCurrentIndex(itf);
      for (int p = 0; p < m_model->rowCount(itf); ++p)
        if (const QModelIndex prog = m_model->index(p, 0, itf); keyOf(prog) == m_selected)
          m_view->setCurrentIndex(prog);
    }
  }
  updateButtons();
}

void TargetsDock::setTargets(const std::vector<runtime::NetnsInfo>& targets,
                             const QHash<QString, QStringList>& labs, const QString& error) {
  m_model->setLabs(labs);
  m_model->setTargets(targets);
  if (!error.isEmpty()) setStatus(error, false);
}

void TargetsDock::setOwnProgram(quint32 progId, const QString& name) {
  m_model->setOwnProgram(progId, name);
}

void TargetsDock::setStatus(const QString& text, bool good) {
  m_status->setText(text);
  m_status->setStyleSheet(good ? QString() : QStringLiteral("color: #c62828;"));
}

QString TargetsDock::statusText() const { return m_status->text(); }

void TargetsDock::setActionsEnabled(bool on, const QString& why) {
  m_actionsEnabled = on;
  if (!why.isEmpty()) setStatus(why, on);
  updateButtons();
}

bool TargetsDock::select(const QString& netns, const QString& ifname) {
  const QModelIndex ns = m_model->netnsIndex(netns);
  if (!ns.isValid()) return false;
  QModelIndex target = ns;
  if (!ifname.isEmpty()) {
    target = {};
    for (int i = 0; i < m_model->rowCount(ns); ++i)
      if (m_model->index(i, 0, ns).data(TargetsModel::IfnameRole).toString() == ifname)
        target = m_model->index(i, 0, ns);
    if (!target.isValid()) return false;
  }
  m_view->expand(ns);
  m_view->setCurrentIndex(target);
  return true;
}

void TargetsDock::updateButtons() {
  const QModelIndex current = m_view->currentIndex();
  const Kind kind = current.isValid() ? kindOf(current) : Kind::Netns;
  m_attach->setEnabled(m_actionsEnabled && current.isValid() && kind == Kind::Interface);
  m_detach->setEnabled(m_actionsEnabled && current.isValid() && kind == Kind::Program);
  m_labUp->setEnabled(m_actionsEnabled && m_labName->hasAcceptableInput());
  const bool isLab = current.isValid() && kind == Kind::Netns &&
                     !current.siblingAtColumn(0).data(TargetsModel::LabRole).toString().isEmpty();
  m_labDown->setEnabled(m_actionsEnabled && isLab);
}

void TargetsDock::attachSelected() {
  const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
  if (!current.isValid() || kindOf(current) != Kind::Interface || !m_actionsEnabled) return;
  emit attachRequested(current.data(TargetsModel::NetnsRole).toString(),
                       current.data(TargetsModel::IfnameRole).toString());
}

void TargetsDock::detachSelected() {
  const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
  if (!current.isValid() || kindOf(current) != Kind::Program) return;
  emit detachRequested(current.data(TargetsModel::NetnsRole).toString(),
                       current.data(TargetsModel::IfnameRole).toString(),
                       current.data(TargetsModel::HookRole).toString(),
                       current.data(TargetsModel::ProgIdRole).toUInt());
}

void TargetsDock::createLab() {
  if (!m_labName->hasAcceptableInput() || !m_actionsEnabled) return;
  setStatus(tr("Creating lab %1...").arg(m_labName->text()), true);
  emit labUpRequested(m_labName->text(), m_labPairs->value());
}

void TargetsDock::removeSelectedLab() {
  const QString lab = m_view->currentIndex().siblingAtColumn(0).data(TargetsModel::LabRole).toString();
  if (lab.isEmpty()) return;
  setStatus(tr("Removing lab %1...").arg(lab), true);
  emit labDownRequested(lab);
}

}  // namespace p4wb::visualizer
