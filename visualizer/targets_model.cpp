#include "visualizer/targets_model.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace p4wb::visualizer {

TargetsModel::TargetsModel(QObject* parent) : QAbstractItemModel(parent) {}

void TargetsModel::setTargets(const std::vector<runtime::NetnsInfo>& targets) {
  m_targets = targets;
  rebuild();
}

void TargetsModel::setLabs(const QHash<QString, QStringList>& labNamespaces) {
  m_labs = labNamespaces;
  rebuild();
}

void TargetsModel::setOwnProgram(quint32 progId, const QString& name) {
  if (progId == m_ownProgId && name == m_ownName) return;
  m_ownProgId = progId;
  m_ownName = name;
  rebuild();
}

QString TargetsModel::labOf(const QString& netns) const {
  for (auto it = m_labs.begin(); it != m_labs.end(); ++it)
    if (it.value().contains(netns)) return it.key();
  return {};
}

int TargetsModel::addNode(Node node) {
  const int at = static_cast<int>(m_nodes.size());
  if (node.parent < 0) {
    node.row = static_cast<int>(m_top.size());
    m_top.push_back(at);
  } else {
    node.row = static_cast<int>(m_nodes[static_cast<size_t>(node.parent)].children.size());
    m_nodes[static_cast<size_t>(node.parent)].children.push_back(at);
  }
  m_nodes.push_back(std::move(node));
  return at;
}

void TargetsModel::rebuild() {
  // Listings are small (a few namespaces, tens of interfaces): a reset is cheaper to
  // get right than a diff, and the dock restores expansion and selection by name.
  beginResetModel();
  m_nodes.clear();
  m_top.clear();
  for (const runtime::NetnsInfo& ns : m_targets) {
    Node n;
    n.kind = Kind::Netns;
    n.netns = QString::fromStdString(ns.name);
    n.name = n.netns.isEmpty() ? tr("(this namespace)") : n.netns;
    const QString lab = labOf(n.netns);
    n.details = ns.error.empty()
                    ? tr("%n interface(s)", nullptr, static_cast<int>(ns.interfaces.size()))
                    : QString::fromStdString(ns.error);
    if (!lab.isEmpty()) n.details += tr(" · lab %1").arg(lab);
    n.tip = n.details;
    const int at = addNode(n);
    for (const runtime::InterfaceInfo& i : ns.interfaces) addInterface(at, i);
  }
  endResetModel();
}

void TargetsModel::addInterface(int nsNode, const runtime::InterfaceInfo& info) {
  Node n;
  n.kind = Kind::Interface;
  n.parent = nsNode;
  n.netns = m_nodes[static_cast<size_t>(nsNode)].netns;
  n.ifname = QString::fromStdString(info.name);
  n.name = n.ifname;
  n.up = info.up;
  QStringList addresses;
  for (const std::string& a : info.addresses) addresses << QString::fromStdString(a);
  n.details = (info.up ? (info.running ? tr("up") : tr("up, no carrier")) : tr("down"));
  if (!addresses.isEmpty()) n.details += QStringLiteral(" · ") + addresses.join(QStringLiteral(", "));
  n.tip = tr("ifindex %1\n%2").arg(info.index).arg(n.details);
  const int at = addNode(n);
  if (info.xdp.progId != 0)
    addProgram(at, QStringLiteral("xdp"), info.xdp.progId,
               QString::fromLatin1(runtime::xdpModeName(info.xdp.mode).data()));
  if (info.tcIngressProgId != 0) addProgram(at, QStringLiteral("tc-ingress"), info.tcIngressProgId, {});
  if (info.tcEgressProgId != 0) addProgram(at, QStringLiteral("tc-egress"), info.tcEgressProgId, {});
}

void TargetsModel::addProgram(int ifNode, const QString& hook, quint32 progId, const QString& mode) {
  const Node& parent = m_nodes[static_cast<size_t>(ifNode)];
  Node n;
  n.kind = Kind::Program;
  n.parent = ifNode;
  n.netns = parent.netns;
  n.ifname = parent.ifname;
  n.hook = hook;
  n.progId = progId;
  n.name = mode.isEmpty() ? hook : QStringLiteral("%1 (%2)").arg(hook, mode);
  n.details = tr("program id %1").arg(progId);
  if (progId == m_ownProgId && !m_ownName.isEmpty())
    n.details += tr(" · %1, loaded by this studio").arg(m_ownName);
  n.tip = n.details;
  addNode(n);
}

const TargetsModel::Node* TargetsModel::node(const QModelIndex& index) const {
  if (!index.isValid() || index.internalId() >= m_nodes.size()) return nullptr;
  return &m_nodes[static_cast<size_t>(index.internalId())];
}

QModelIndex TargetsModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= 2) return {};
  const std::vector<int>* rows = &m_top;
  if (parent.isValid()) {
    const Node* p = node(parent);
    if (!p || parent.column() != 0) return {};
    rows = &p->children;
  }
  if (row >= static_cast<int>(rows->size())) return {};
  return createIndex(row, column, static_cast<quintptr>((*rows)[static_cast<size_t>(row)]));
}

QModelIndex TargetsModel::parent(const QModelIndex& child) const {
  const Node* n = node(child);
  if (!n || n->parent < 0) return {};
  const Node& p = m_nodes[static_cast<size_t>(n->parent)];
  return createIndex(p.row, 0, static_cast<quintptr>(n->parent));
}

int TargetsModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(m_top.size());
  if (parent.column() != 0) return 0;
  const Node* n = node(parent);
  return n ? static_cast<int>(n->children.size()) : 0;
}

int TargetsModel::columnCount(const QModelIndex&) const { return 2; }

QVariant TargetsModel::data(const QModelIndex& index, int role) const {
  const Node* n = node(index);
  if (!n) return {};
  switch (role) {
    case Qt::DisplayRole: return index.column() == 0 ? n->name : n->details;
    case Qt::ToolTipRole: return n->tip;
    case Qt::DecorationRole: {
      if (index.column() != 0) return {};
      QStyle* s = QApplication::style();
      if (n->kind == Kind::Netns) return s->standardIcon(QStyle::SP_DirIcon);
      if (n->kind == Kind::Interface)
        return s->standardIcon(n->up ? QStyle::SP_DriveNetIcon : QStyle::SP_DialogNoButton);
      return s->standardIcon(QStyle::SP_MediaPlay);
    }
    case KindRole: return static_cast<int>(n->kind);
    case NetnsRole: return n->netns;
    case IfnameRole: return n->ifname;
    case HookRole: return n->hook;
    case ProgIdRole: return n->progId;
    case LabRole: return n->kind == Kind::Netns ? labOf(n->netns) : QString();
    default: return {};
  }
}

QVariant TargetsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == 0 ? tr("Target") : tr("Details");
}

QModelIndex TargetsModel::netnsIndex(const QString& netns) const {
  for (int row = 0; row < static_cast<int>(m_top.size()); ++row)
    if (m_nodes[static_cast<size_t>(m_top[static_cast<size_t>(row)])].netns == netns)
      return index(row, 0);
  return {};
}

QStringList TargetsModel::interfaces(const QString& netns) const {
  QStringList out;
  const QModelIndex ns = netnsIndex(netns);
  for (int row = 0; row < rowCount(ns); ++row) out << index(row, 0, ns).data(IfnameRole).toString();
  return out;
}

}  // namespace p4wb::visualizer
