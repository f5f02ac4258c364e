// TargetsModel: where programs can run, as a tree: network namespaces -> interfaces ->
// attached programs (XDP, tc ingress, tc egress), built from runtime::listTargets()
// results that the app reads on a worker. The model only shows what it is handed; it
// never makes a syscall. Every node answers NetnsRole/IfnameRole so views can act on it.
#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <vector>

#include "runtime/targets.h"

namespace p4wb::visualizer {

class TargetsModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum class Kind { Netns, Interface, Program };
  enum Role {
    KindRole = Qt::UserRole + 1,  // int(Kind)
    NetnsRole,   // "" = the studio's own namespace
    IfnameRole,  // interface and program nodes
    HookRole,    // program nodes: "xdp", "tc-ingress", "tc-egress"
    ProgIdRole,  // program nodes: kernel program id
    LabRole,     // namespace nodes: the lab this namespace belongs to, or ""
  };

  explicit TargetsModel(QObject* parent = nullptr);

  // Replaces the tree with a fresh listing (views keep expansion by name, see the dock).
  void setTargets(const std::vector<runtime::NetnsInfo>& targets);
  // Lab name -> the namespaces it created (shown as "lab" and removable).
  void setLabs(const QHash<QString, QStringList>& labNamespaces);
  // Marks the program this studio loaded, so its row says so.
  void setOwnProgram(quint32 progId, const QString& name);

  // The namespace node with this name ("" = current), or an invalid index.
  QModelIndex netnsIndex(const QString& netns) const;
  // Interface names of a namespace, in kernel index order.
  QStringList interfaces(const QString& netns) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Node {
    Kind kind = Kind::Netns;
    int parent = -1;  // node index, -1 for top level
    int row = 0;
    std::vector<int> children;
    QString netns, ifname, hook, name, details, tip;
    quint32 progId = 0;
    bool up = false;
  };
  int addNode(Node node);
  void rebuild();
  void addInterface(int nsNode, const runtime::InterfaceInfo& info);
  void addProgram(int ifNode, const QString& hook, quint32 progId, const QString& mode);
  const Node* node(const QModelIndex& index) const;
  QString labOf(const QString& netns) const;

  std::vector<runtime::NetnsInfo> m_targets;
  QHash<QString, QStringList> m_labs;
  quint32 m_ownProgId = 0;
  QString m_ownName;
  std::vector<Node> m_nodes;
  std::vector<int> m_top;
};

}  // namespace p4wb::visualizer
