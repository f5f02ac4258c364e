#include "visualizer/pipeline_view.h"

#include <graphviz/gvc.h>

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QSet>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <functional>

#include "visualizer/stages_model.h"

namespace p4wb::visualizer {
namespace {

char* cs(const char* s) { return const_cast<char*>(s); }

struct Graph {
  GVC_t* gvc = gvContext();
  Agraph_t* g = agopen(cs("pipeline"), Agdirected, nullptr);
  ~Graph() {
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
  }
};

// The name without its parser or control ("prs.parse_ipv4" -> "parse_ipv4"); the rest
// of a path stays, so sub-parser states ("P.pair.start" -> "pair.start") and tables of
// nested controls ("C.first.t" -> "first.t") keep apart from their namesakes.
QString shortName(const std::string& name) {
  const QString s = QString::fromStdString(name);
  const int dot = s.indexOf(QLatin1Char('.'));
  return dot < 0 ? s : s.mid(dot + 1);
}

QPointF pt(const pointf& p, double height) { return {p.x, height - p.y}; }

QColor kindColor(const QString& kind) {
  if (kind.startsWith(QStringLiteral("parser"))) return QColor(0xe3, 0xf2, 0xfd);
  if (kind == QStringLiteral("table")) return QColor(0xe8, 0xf5, 0xe9);
  if (kind == QStringLiteral("action")) return QColor(0xf3, 0xe5, 0xf5);
  if (kind == QStringLiteral("verdict")) return QColor(0xec, 0xef, 0xf1);
  return QColor(0xff, 0xf8, 0xe1);
}

using EdgeFn = std::function<void(const QString& from, const QString& to, const QString& label, bool dashed)>;

QHash<QString, QString> nodesOfKind(const runtime::ProgramSchema& schema, const char* kind) {
  QHash<QString, QString> nodes;  // stage name -> graph node
  for (const runtime::StageInfo& s : schema.stages)
    if (s.kind == kind) nodes.insert(QString::fromStdString(s.name), QStringLiteral("s%1").arg(s.id));
  return nodes;
}

// Parser edges: the schema's transitions (accept leads to the first control, reject to
// the reject node); schemas without them get dashed "may go to" edges from the start.
// A sub-parser (states "<parser>.<instance>.<state>") is entered by a "<instance>.apply()"
// transition from its caller; its accept returns there (dashed "return"). The per-error
// reject stages "<parser>.reject.<Error>" lead to the common reject; a select without a
// match goes through "reject.NoMatch" when the program has it.
void parserEdges(const runtime::ProgramSchema& schema, const QStringList& parserStates,
                 const QString& firstControl, const QString& rejectNode, const QString& reject,
                 const QHash<QString, QString>& rejectByError, const EdgeFn& edge) {
  const QHash<QString, QString> stateByName = nodesOfKind(schema, "parser_state");
  for (auto it = rejectByError.begin(); it != rejectByError.end(); ++it)
    edge(it.value(), rejectNode, {}, false);
  if (schema.transitions.empty()) {
    for (int i = 1; i < parserStates.size(); ++i) edge(parserStates[0], parserStates[i], {}, true);
    for (const QString& p : parserStates)
      edge(p, firstControl, p == parserStates.last() ? QStringLiteral("accept") : QString(), true);
    if (!parserStates.isEmpty()) edge(parserStates[0], reject, QStringLiteral("reject"), true);
    return;
  }
  // Sub-parser prefix ("P.pair.") -> the states that apply it.
  QHash<QString, QStringList> callers;
  for (const runtime::TransitionInfo& t : schema.transitions) {
    const QString to = QString::fromStdString(t.to);
    if (to.endsWith(QStringLiteral(".start")) && QString::fromStdString(t.label).endsWith(QStringLiteral(".apply()")))
      callers[to.chopped(5)] << QString::fromStdString(t.from);
  }
  auto callersOf = [&](const QString& state) {
    QString prefix;  // the longest sub-parser prefix of the state
    for (auto it = callers.begin(); it != callers.end(); ++it)
      if (state.startsWith(it.key()) && it.key().size() > prefix.size()) prefix = it.key();
    return prefix.isEmpty() ? QStringList() : callers.value(prefix);
  };
  for (const runtime::TransitionInfo& t : schema.transitions) {
    const QString from = QString::fromStdString(t.from);
    const QString to = QString::fromStdString(t.to);
    QString label = QString::fromStdString(t.label);
    if (to == QStringLiteral("accept")) {
      const QStringList back = callersOf(from);
      if (!back.isEmpty()) {
        for (const QString& c : back)
          edge(stateByName.value(from), stateByName.value(c),
               label.isEmpty() ? QStringLiteral("return") : label + QStringLiteral(" → return"), true);
        continue;
      }
    }
    const bool end = to == QStringLiteral("accept") || to == QStringLiteral("reject");
    QString target = to == QStringLiteral("accept")   ? firstControl
                     : to == QStringLiteral("reject") ? rejectNode
                                                      : stateByName.value(to);
    if (to == QStringLiteral("reject") && label == QStringLiteral("no match") &&
        rejectByError.contains(QStringLiteral("NoMatch")))
      target = rejectByError.value(QStringLiteral("NoMatch"));
    if (end) label = label.isEmpty() ? to : label + QStringLiteral(" → ") + to;
    edge(stateByName.value(from), target, label, false);
  }
}

// The innermost control whose name prefixes `name` ("C.first.t" -> "C.first"), or "".
QString ownerControl(const QHash<QString, QString>& controlByName, const QString& name) {
  QString owner;
  for (auto it = controlByName.begin(); it != controlByName.end(); ++it)
    if (name.startsWith(it.key() + QLatin1Char('.')) && it.key().size() > owner.size()) owner = it.key();
  return owner;
}

// Control flow: control -> first table -> next table, labelled with the branch
// conditions; an apply entering a nested control instance from outside goes through
// that instance's node. Returns the table nodes it reached (others hang off their
// control) and, in `entered`, the nested control nodes it went through.
QSet<QString> controlFlowEdges(const runtime::ProgramSchema& schema,
                               const std::function<bool(const QString&)>& hasNode, const EdgeFn& edge,
                               QSet<QString>* entered) {
  const QHash<QString, QString> controlByName = nodesOfKind(schema, "control");
  QSet<QString> applied;
  for (const runtime::TransitionInfo& f : schema.controlFlow) {
    const QString toName = QString::fromStdString(f.to);
    const QString to = QStringLiteral("t_") + toName;
    const QString from = QString::fromStdString(f.from);
    const QString fromNode = controlByName.value(from, QStringLiteral("t_") + from);
    if (!hasNode(to) || !hasNode(fromNode)) continue;
    const QString nested = ownerControl(controlByName, toName);
    if (nested.contains(QLatin1Char('.')) && from != nested && !from.startsWith(nested + QLatin1Char('.'))) {
      edge(fromNode, controlByName.value(nested), QString::fromStdString(f.label), false);
      edge(controlByName.value(nested), to, {}, false);
      entered->insert(controlByName.value(nested));
    } else {
      edge(fromNode, to, QString::fromStdString(f.label), false);
    }
    applied.insert(to);
  }
  return applied;
}

}  // namespace

PipelineView::PipelineView(QWidget* parent) : QGraphicsView(parent), m_scene(new QGraphicsScene(this)) {
  setObjectName(QStringLiteral("PipelineView"));
  setScene(m_scene);
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setUnavailable(tr("Compile (Ctrl+B) to see the pipeline."));
}

void PipelineView::setUnavailable(const QString& why) {
  m_scene->clear();
  m_nodes.clear();
  m_edgeCount = 0;
  auto* text = m_scene->addSimpleText(why);
  text->setBrush(palette().placeholderText());
  m_scene->setSceneRect(text->boundingRect().adjusted(-10, -10, 10, 10));
}

bool PipelineView::setSchemaJson(const std::string& json, QString* error) {
  auto schema = runtime::parseSchema(json);
  if (!schema) {
    if (error) *error = QString::fromStdString(schema.error().message);
    setUnavailable(tr("No pipeline: %1").arg(QString::fromStdString(schema.error().message)));
    return false;
  }
  layout(*schema);
  return true;
}

void PipelineView::layout(const runtime::ProgramSchema& schema) {
  m_scene->clear();
  m_nodes.clear();
  m_edges.clear();
  m_inDegree.clear();
  m_outDegree.clear();
  m_edgeCount = 0;
  Graph graph;
  Agraph_t* g = graph.g;
  agattr(g, AGRAPH, cs("rankdir"), cs("TB"));
  agattr(g, AGRAPH, cs("nodesep"), cs("0.15"));
  agattr(g, AGRAPH, cs("ranksep"), cs("0.35"));
  agattr(g, AGNODE, cs("shape"), cs("box"));
  agattr(g, AGNODE, cs("fixedsize"), cs("true"));
  agattr(g, AGNODE, cs("width"), cs("1"));
  agattr(g, AGNODE, cs("height"), cs("0.5"));
  agattr(g, AGNODE, cs("label"), cs(""));
  agattr(g, AGEDGE, cs("label"), cs(""));
  agattr(g, AGEDGE, cs("style"), cs("solid"));
  agattr(g, AGEDGE, cs("fontsize"), cs("9"));
  const QFontMetricsF fm(font());
  const QFontMetricsF titleMetrics(QFont(font().family(), font().pointSize(), QFont::DemiBold));  // as drawn
  QHash<QString, QString> kinds;  // node name -> kind
  auto addNode = [&](const QString& name, const QString& title, const QString& kind,
                     std::uint32_t stage, int line, const QString& stageName) {
    if (!m_nodes.contains(name)) {
      Agnode_t* n = agnode(g, cs(name.toUtf8().constData()), 1);
      const double w = std::max(titleMetrics.horizontalAdvance(title), fm.horizontalAdvance(QStringLiteral("9,999 · 999/s"))) + 18;
      agsafeset(n, cs("width"), cs(QByteArray::number(w / 72.0).constData()), cs(""));
      agsafeset(n, cs("height"), cs(QByteArray::number((fm.height() * 2 + 10) / 72.0).constData()), cs(""));
      Node node;
      node.title = title;
      node.stageName = stageName;
      node.line = line;
      m_nodes.insert(name, node);
      kinds.insert(name, kind);
    }
    m_nodes[name].stageIds.push_back(stage);
  };
  QStringList parserStates, controls, actions, verdicts;
  QString reject, deparser;
  QHash<QString, QString> rejectByError;  // error name -> its reject stage's node
  for (const runtime::StageInfo& s : schema.stages) {
    const QString name = QStringLiteral("s%1").arg(s.id);
    const QString kind = QString::fromStdString(s.kind);
    const int line = static_cast<int>(s.loc.line);
    if (kind == QStringLiteral("table_hit") || kind == QStringLiteral("table_miss")) {
      addNode(QStringLiteral("t_") + QString::fromStdString(s.name), shortName(s.name),
              QStringLiteral("table"), s.id, line, QString::fromStdString(s.name));
      continue;
    }
    addNode(name, kind == QStringLiteral("verdict") ? QString::fromStdString(s.name) : shortName(s.name),
            kind, s.id, line, QString::fromStdString(s.name));
    if (kind == QStringLiteral("parser_state")) parserStates << name;
    else if (kind == QStringLiteral("parser_reject")) {
      const QString full = QString::fromStdString(s.name);
      const int at = full.indexOf(QStringLiteral(".reject."));
      if (at >= 0) rejectByError.insert(full.mid(at + 8), name);  // "<parser>.reject.<Error>"
      else reject = name;
    }
    else if (kind == QStringLiteral("control")) controls << name;
    else if (kind == QStringLiteral("action")) actions << name;
    else if (kind == QStringLiteral("deparser")) deparser = name;
    else if (kind == QStringLiteral("verdict")) verdicts << name;
  }
  auto edge = [&](const QString& from, const QString& to, const QString& label, bool dashed) {
    if (from.isEmpty() || to.isEmpty()) return;
    Agnode_t* tail = agnode(g, cs(from.toUtf8().constData()), 0);
    Agnode_t* head = agnode(g, cs(to.toUtf8().constData()), 0);
    if (!tail || !head) return;
    // Edges are keyed by label, so two select cases to one state stay two edges.
    const QByteArray key = label.toUtf8();
    if (agedge(g, tail, head, cs(key.constData()), 0)) return;  // drawn already
    Agedge_t* e = agedge(g, tail, head, cs(key.constData()), 1);
    if (!label.isEmpty()) agsafeset(e, cs("label"), cs(key.constData()), cs(""));
    if (dashed) agsafeset(e, cs("style"), cs("dashed"), cs(""));
    ++m_edgeCount;
  };
  const QString firstControl = controls.value(0, deparser);
  QString dropVerdict;
  for (const QString& v : verdicts)
    if (m_nodes[v].title.contains(QStringLiteral("DROP"))) dropVerdict = v;
  parserEdges(schema, parserStates, firstControl, reject.isEmpty() ? dropVerdict : reject, reject,
              rejectByError, edge);
  // Top-level controls in order; nested control instances ("C.first") hang off their
  // caller, entered by the control flow (or, without tables, by a dashed edge).
  const QHash<QString, QString> controlByName = nodesOfKind(schema, "control");
  QStringList topControls;
  for (const QString& c : controls)
    if (!m_nodes[c].stageName.contains(QLatin1Char('.'))) topControls << c;
  for (int i = 1; i < topControls.size(); ++i) edge(topControls[i - 1], topControls[i], "", false);
  // Tables under the control whose name prefixes theirs; their actions after them.
  const QHash<QString, QString> actionByName = nodesOfKind(schema, "action");
  QSet<QString> entered;
  const QSet<QString> applied =
      controlFlowEdges(schema, [this](const QString& n) { return m_nodes.contains(n); }, edge, &entered);
  for (const QString& c : controls) {
    const QString name = m_nodes[c].stageName;
    if (name.contains(QLatin1Char('.')) && !entered.contains(c))
      edge(controlByName.value(ownerControl(controlByName, name), firstControl), c, {}, true);
  }
  QSet<QString> reached;
  for (const runtime::TableSchema& t : schema.tables) {
    const QString node = QStringLiteral("t_") + QString::fromStdString(t.name);
    if (!m_nodes.contains(node)) continue;
    const QString owner =
        controlByName.value(ownerControl(controlByName, QString::fromStdString(t.name)), firstControl);
    if (!applied.contains(node)) edge(owner, node, {}, false);
    for (const runtime::ActionSchema& a : t.actions) {
      const QString target = actionByName.value(QString::fromStdString(a.name));
      const bool isDefault = t.defaultAction && t.defaultAction->action == a.name;
      edge(node, target, isDefault ? QStringLiteral("hit/miss") : QStringLiteral("hit"), false);
      reached.insert(target);
    }
  }
  for (const QString& a : actions) {
    if (!reached.contains(a)) edge(firstControl, a, {}, false);
    edge(a, deparser.isEmpty() ? QString() : deparser, {}, false);
  }
  // A control that runs no action still goes on to the deparser.
  if (actions.isEmpty() && !topControls.isEmpty()) edge(topControls.last(), deparser, {}, false);
  for (const QString& v : verdicts) edge(deparser.isEmpty() ? firstControl : deparser, v, {}, false);
  if (!reject.isEmpty()) {
    for (const QString& v : verdicts)
      if (m_nodes[v].title.contains(QStringLiteral("DROP")) || m_nodes[v].title == QStringLiteral("reject"))
        edge(reject, v, {}, true);
  }

  if (gvLayout(graph.gvc, g, "dot") != 0) {
    setUnavailable(tr("Graphviz could not lay out the pipeline."));
    return;
  }
  const double height = GD_bb(g).UR.y;
  const QColor line = palette().text().color();
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    const QString name = QString::fromUtf8(agnameof(n));
    Node& node = m_nodes[name];
    const QPointF c = pt(ND_coord(n), height);
    const double w = ND_width(n) * 72, h = ND_height(n) * 72;
    const QRectF r(c.x() - w / 2, c.y() - h / 2, w, h);
    QPainterPath path;
    const QString kind = kinds.value(name);
    if (kind == QStringLiteral("verdict") || kind.startsWith(QStringLiteral("parser")))
      path.addRoundedRect(r, h / 2, h / 2);
    else
      path.addRoundedRect(r, 4, 4);
    node.shape = m_scene->addPath(path, QPen(line.lighter(160), 1), kindColor(kind));
    node.shape->setData(0, name);
    node.shape->setData(1, kindColor(kind));
    node.shape->setToolTip(tr("%1 — line %2 (click to show)").arg(node.title).arg(node.line));
    auto* title = m_scene->addSimpleText(node.title);
    title->setFont(QFont(font().family(), font().pointSize(), QFont::DemiBold));
    title->setPos(c.x() - title->boundingRect().width() / 2, r.top() + 4);
    title->setParentItem(node.shape);
    node.counts = m_scene->addSimpleText(QString());
    node.counts->setParentItem(node.shape);
    node.counts->setPos(r.left() + 8, r.top() + 6 + fm.height());
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      const splines* spl = ED_spl(e);
      if (!spl || spl->size == 0) continue;
      const bezier& bz = spl->list[0];
      QPainterPath ep(pt(bz.list[0], height));
      for (size_t i = 1; i + 2 < bz.size; i += 3)
        ep.cubicTo(pt(bz.list[i], height), pt(bz.list[i + 1], height), pt(bz.list[i + 2], height));
      QPen pen(line.lighter(140), 1.2);
      const char* style = agget(e, cs("style"));
      if (style && std::string(style) == "dashed") pen.setStyle(Qt::DashLine);
      Edge edgeItem;
      edgeItem.from = name;
      edgeItem.to = QString::fromUtf8(agnameof(aghead(e)));
      edgeItem.style = pen.style();
      edgeItem.path = m_scene->addPath(ep, pen);
      edgeItem.path->setZValue(-1);
      if (bz.eflag) {  // arrow head from the spline's end to the node border
        const QPointF tip = pt(bz.ep, height), from = ep.currentPosition();
        const QLineF dir(tip, from);
        const double a = std::atan2(dir.dy(), dir.dx());
        QPainterPath head(from);
        head.lineTo(tip);
        head.lineTo(tip + QPointF(std::cos(a + 0.4) * 8, std::sin(a + 0.4) * 8));
        head.lineTo(tip + QPointF(std::cos(a - 0.4) * 8, std::sin(a - 0.4) * 8));
        head.lineTo(tip);
        edgeItem.head = m_scene->addPath(head, QPen(line.lighter(140), 1.2), line.lighter(140));
        edgeItem.head->setZValue(-1);
      }
      textlabel_t* label = ED_label(e);
      if (label && label->text && *label->text) {
        edgeItem.label = QString::fromUtf8(label->text);
        edgeItem.textCenter = pt(label->pos, height);
      } else {
        edgeItem.textCenter = pt(bz.list[bz.size / 2], height) + QPointF(0, -6);
      }
      edgeItem.text = m_scene->addSimpleText(edgeItem.label);
      edgeItem.text->setFont(QFont(font().family(), std::max(7, font().pointSize() - 2)));
      edgeItem.text->setBrush(palette().placeholderText());
      edgeItem.text->setPos(edgeItem.textCenter - edgeItem.text->boundingRect().center());
      ++m_outDegree[edgeItem.from];
      ++m_inDegree[edgeItem.to];
      m_edges.push_back(edgeItem);
    }
  }
  m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
  restyle();
  m_userZoomed = false;
  QResizeEvent fit(size(), size());
  resizeEvent(&fit);
}

QStringList PipelineView::orphanNodes() const {
  QStringList orphans;
  for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
    if (!m_inDegree.value(it.key()) && !m_outDegree.value(it.key())) orphans << it->stageName;
  orphans.sort();
  return orphans;
}

void PipelineView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  if (m_userZoomed || m_nodes.isEmpty()) return;
  // Fit, but keep text readable: below 0.8 the user scrolls instead.
  fitInView(sceneRect(), Qt::KeepAspectRatio);
  if (transform().m11() > 1.0) resetTransform();
  if (transform().m11() < 0.8) setTransform(QTransform::fromScale(0.8, 0.8));
}

void PipelineView::setCounts(const QHash<quint32, quint64>& counts,
                             const QHash<quint32, double>& rates) {
  m_counts = counts;
  m_rates = rates;
  restyle();
}

void PipelineView::highlightStages(const std::vector<std::uint32_t>& ids) {
  m_highlight = ids;
  restyle();
}

double PipelineView::rateOf(const Node& n) const {
  double rate = 0;
  for (std::uint32_t id : n.stageIds) rate += m_rates.value(id);
  return rate;
}

quint64 PipelineView::countOf(const Node& n) const {
  quint64 count = 0;
  for (std::uint32_t id : n.stageIds) count += m_counts.value(id);
  return count;
}

PipelineView::Traffic PipelineView::edgeTraffic(const Edge& e) const {
  const Node& from = m_nodes[e.from];
  const Node& to = m_nodes[e.to];
  if (m_inDegree.value(e.to) == 1) return {countOf(to), rateOf(to), true};
  if (m_outDegree.value(e.from) == 1) return {countOf(from), rateOf(from), true};
  return {std::min(countOf(from), countOf(to)), std::min(rateOf(from), rateOf(to)), false};
}

QStringList PipelineView::edgeLabelsFrom(std::uint32_t id) const {
  QStringList labels;
  for (const Edge& e : m_edges) {
    const Node& n = m_nodes[e.from];
    if (std::find(n.stageIds.begin(), n.stageIds.end(), id) != n.stageIds.end()) labels << e.label;
  }
  return labels;
}

QStringList PipelineView::edgeTextsFrom(std::uint32_t id) const {
  QStringList texts;
  for (const Edge& e : m_edges) {
    const Node& n = m_nodes[e.from];
    if (std::find(n.stageIds.begin(), n.stageIds.end(), id) != n.stageIds.end()) texts << e.text->text();
  }
  return texts;
}

void PipelineView::restyle() {
  double top = 0;
  for (double r : m_rates) top = std::max(top, r);
  const QColor hot(0xff, 0x8f, 0x00);
  const QColor lineColor = palette().text().color();
  for (const Edge& e : m_edges) {
    const Traffic traffic = edgeTraffic(e);
    const double f = top > 0 ? std::min(1.0, traffic.rate / top) : 0.0;
    const QColor color = f > 0 ? hot : lineColor.lighter(140);
    QPen pen(color, 1.2 + 2.5 * f);
    pen.setStyle(e.style);
    e.path->setPen(pen);
    if (e.head) {
      e.head->setPen(QPen(color, 1.2));
      e.head->setBrush(color);
    }
    QString text = e.label;
    if (!m_counts.isEmpty() && traffic.exact && traffic.count > 0)  // no guessed numbers
      text += (text.isEmpty() ? QString() : QStringLiteral("\n")) +
              QStringLiteral("%1 · %2/s").arg(traffic.count).arg(traffic.rate, 0, 'f', 0);
    e.text->setText(text);
    e.path->setToolTip(traffic.exact ? text : tr("%1 (at most %2 packets, %3/s)")
                                                  .arg(e.label)
                                                  .arg(traffic.count)
                                                  .arg(traffic.rate, 0, 'f', 0));
    e.text->setPos(e.textCenter - e.text->boundingRect().center());
  }
  for (Node& n : m_nodes) {
    if (!n.shape) continue;
    const quint64 count = countOf(n);
    const double rate = rateOf(n);
    bool onPath = false;
    for (std::uint32_t id : n.stageIds)
      onPath = onPath || std::find(m_highlight.begin(), m_highlight.end(), id) != m_highlight.end();
    const QColor base = n.shape->data(1).value<QColor>();
    const double f = top > 0 ? std::min(1.0, rate / top) : 0.0;
    QColor fill = base;
    if (f > 0)
      fill = QColor::fromRgbF(base.redF() + (hot.redF() - base.redF()) * f,
                              base.greenF() + (hot.greenF() - base.greenF()) * f,
                              base.blueF() + (hot.blueF() - base.blueF()) * f);
    n.shape->setBrush(fill);
    n.shape->setPen(onPath ? QPen(QColor(0xd8, 0x1b, 0x60), 3) : QPen(lineColor.lighter(160), 1));
    n.counts->setText(m_counts.isEmpty() ? QString()
                                         : QStringLiteral("%1 · %2/s").arg(count).arg(rate, 0, 'f', 0));
    n.counts->setBrush(QColor(0x37, 0x47, 0x4f));
  }
}

QPointF PipelineView::nodeCenter(std::uint32_t id) const {
  for (const Node& n : m_nodes)
    if (n.shape && std::find(n.stageIds.begin(), n.stageIds.end(), id) != n.stageIds.end())
      return n.shape->boundingRect().center();
  return {};
}

void PipelineView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) {
    QGraphicsView::wheelEvent(event);
    return;
  }
  m_userZoomed = true;
  const double factor = std::pow(1.0015, event->angleDelta().y());
  scale(factor, factor);
  event->accept();
}

void PipelineView::mousePressEvent(QMouseEvent* event) {
  for (QGraphicsItem* item = itemAt(event->pos()); item; item = item->parentItem()) {
    const QString name = item->data(0).toString();
    if (!name.isEmpty() && m_nodes.contains(name)) {
      if (m_nodes[name].line > 0) emit stageActivated(m_nodes[name].line);
      break;
    }
  }
  QGraphicsView::mousePressEvent(event);
}

}  // namespace p4wb::visualizer
