// Pipeline view: the program as a graph (parser states -> control -> tables -> actions
// -> deparser -> verdicts) built from the schema's stages and tables, laid out by
// Graphviz (dot, libgvc) and drawn in a QGraphicsView. Nodes carry live packet counts
// and rates, tinted by traffic; a packet's path can be highlighted; clicking a node asks
// to show its P4 line; Ctrl+wheel zooms, dragging pans.
//
// Parser edges are the schema's "transitions" (select cases as labels; accept leads to
// the first control, reject to the reject stage); schemas without them get "may go to"
// (dashed) edges from the start state. A sub-parser's states are entered from the state
// that applies it and return there; the per-error reject stages lead to the reject
// stage. Nested control instances ("C.first") sit between their caller and their
// tables; a control that runs no action goes straight to the deparser. Tables connect
// to the actions the schema lists.
// Edges are tinted and thickened by the traffic of the stages at both ends.
#pragma once

#include <QGraphicsView>
#include <QHash>
#include <QStringList>
#include <vector>

#include "runtime/schema.h"

class QGraphicsSimpleTextItem;
class QGraphicsPathItem;
class QGraphicsScene;

namespace p4wb::visualizer {

class PipelineView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit PipelineView(QWidget* parent = nullptr);

  // Builds and lays out the graph; an empty schema (or bad JSON) shows `why`.
  bool setSchemaJson(const std::string& json, QString* error = nullptr);
  void setUnavailable(const QString& why);
  // Live counts per stage id (rates in packets/s).
  void setCounts(const QHash<quint32, quint64>& counts, const QHash<quint32, double>& rates);
  // Outlines the nodes of these stage ids (a packet's path); empty clears.
  void highlightStages(const std::vector<std::uint32_t>& ids);
  int nodeCount() const { return m_nodes.size(); }
  int edgeCount() const { return m_edgeCount; }
  // Labels of the edges leaving the node of stage `id` (for tests).
  QStringList edgeLabelsFrom(std::uint32_t id) const;
  // What those edges show now: the label and, where exact, the live count and rate.
  QStringList edgeTextsFrom(std::uint32_t id) const;
  // Stage names of the nodes no edge reaches or leaves (for tests: there should be none).
  QStringList orphanNodes() const;
  // Scene position of the node for stage `id` (for tests); null when absent.
  QPointF nodeCenter(std::uint32_t id) const;

 signals:
  void stageActivated(int line);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  struct Node {
    std::vector<std::uint32_t> stageIds;  // a table node holds its hit and miss stages
    QString title;
    QString stageName;
    int line = 0;
    QGraphicsPathItem* shape = nullptr;
    QGraphicsSimpleTextItem* counts = nullptr;
  };
  void layout(const runtime::ProgramSchema& schema);
  void restyle();

  struct Edge {
    QString from, to;  // graphviz node names
    QString label;
    QGraphicsPathItem* path = nullptr;
    QGraphicsPathItem* head = nullptr;  // arrow head (may be null)
    QGraphicsSimpleTextItem* text = nullptr;  // label and live counts
    QPointF textCenter;
    Qt::PenStyle style = Qt::SolidLine;
  };
  double rateOf(const Node& n) const;
  quint64 countOf(const Node& n) const;
  // Packets and rate over an edge: exact when its head has no other way in (or its tail
  // no other way out); else the smaller of the two ends, an upper bound (exact = false).
  struct Traffic {
    quint64 count = 0;
    double rate = 0;
    bool exact = false;
  };
  Traffic edgeTraffic(const Edge& e) const;
  QHash<QString, int> m_inDegree, m_outDegree;

  QGraphicsScene* m_scene;
  QHash<QString, Node> m_nodes;  // by graphviz node name
  std::vector<Edge> m_edges;
  QHash<quint32, quint64> m_counts;
  QHash<quint32, double> m_rates;
  std::vector<std::uint32_t> m_highlight;
  int m_edgeCount = 0;
  bool m_userZoomed = false;  // until the user zooms, the graph is fitted to the view
};

}  // namespace p4wb::visualizer
