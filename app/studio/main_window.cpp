#include "app/studio/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QPalette>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/studio/diagnostics_dock.h"
#include "app/studio/editor_tabs.h"
#include "app/studio/outline_dock.h"
#include "app/studio/listing_dock.h"
#include "editor/find_bar.h"
#include "editor/p4_editor.h"
#include "app/studio/verifier_log_dock.h"
#include "visualizer/counters_dock.h"
#include "visualizer/packet_lab_dock.h"
#include "visualizer/pipeline_view.h"
#include "visualizer/stages_dock.h"
#include "visualizer/tables_dock.h"
#include "visualizer/targets_dock.h"

namespace p4wb::app {
namespace {

QAction* makeAction(QObject* parent, const QString& text, const QKeySequence& shortcut,
                    const QString& tip = {}) {
  auto* action = new QAction(text, parent);
  action->setShortcut(shortcut);
  if (!tip.isEmpty()) action->setStatusTip(tip);
  QString toolTip = QString(text).remove(QLatin1Char('&'));
  if (!shortcut.isEmpty())
    toolTip += QStringLiteral(" (%1)").arg(shortcut.toString(QKeySequence::NativeText));
  action->setToolTip(toolTip);
  return action;
}

}  // namespace

MainWindow::MainWindow(DiagnosticsModel* diagnostics, visualizer::StagesModel* stages,
                       visualizer::CountersModel* counters, OutlineModel* outline,
                       QWidget* parent)
    : QMainWindow(parent),
      m_tabs(new EditorTabs),
      m_findBar(new editor::FindBar(m_tabs->currentEditor())) {
  setObjectName(QStringLiteral("MainWindow"));
  auto* central = new QWidget;
  auto* column = new QVBoxLayout(central);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(0);
  column->addWidget(m_tabs, 1);
  column->addWidget(m_findBar);
  setCentralWidget(central);
  setDockNestingEnabled(true);
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

  createActions();
  createDocks(diagnostics, stages, counters, outline);
  for (int i = 0; i < m_tabs->count(); ++i) adoptEditor(m_tabs->editorAt(i));
  connect(m_tabs, &EditorTabs::editorCreated, this, &MainWindow::adoptEditor);
  connect(m_tabs, &EditorTabs::currentEditorChanged, this, [this](editor::P4Editor* ed) {
    if (!ed) return;
    m_findBar->setEditor(ed);
    int line = 0;
    int index = 0;
    ed->getCursorPosition(&line, &index);
    m_cursorLabel->setText(tr("Ln %1, Col %2").arg(line + 1).arg(index + 1));
  });
  createMenus();
  createToolBar();
  createStatusBar();
  // A comfortable default that still fits small screens; saved geometry wins later.
  QSize size(1440, 900);
  if (const QScreen* screen = QGuiApplication::primaryScreen())
    size = size.boundedTo(screen->availableSize());
  resize(size);
  resetLayout();
}

void MainWindow::createActions() {
  QStyle* s = style();
  Actions& a = m_actions;
  a.newFile = makeAction(this, tr("&New"), QKeySequence::New, tr("A new untitled P4 file"));
  a.open = makeAction(this, tr("&Open..."), QKeySequence::Open, tr("Open a P4 file"));
  a.closeTab = makeAction(this, tr("&Close Tab"), QKeySequence(tr("Ctrl+W")));
  a.open->setIcon(s->standardIcon(QStyle::SP_DialogOpenButton));
  a.save = makeAction(this, tr("&Save"), QKeySequence::Save, tr("Save the P4 file"));
  a.save->setIcon(s->standardIcon(QStyle::SP_DialogSaveButton));
  a.saveAs = makeAction(this, tr("Save &As..."), QKeySequence(tr("Ctrl+Shift+S")));
  a.quit = makeAction(this, tr("&Quit"), QKeySequence(tr("Ctrl+Q")));
  a.quit->setMenuRole(QAction::QuitRole);

  a.undo = makeAction(this, tr("&Undo"), QKeySequence::Undo);
  a.redo = makeAction(this, tr("&Redo"), QKeySequence(tr("Ctrl+Shift+Z")));
  a.find = makeAction(this, tr("&Find..."), QKeySequence::Find);
  a.findNext = makeAction(this, tr("Find &Next"), QKeySequence(Qt::Key_F3));
  a.findPrevious = makeAction(this, tr("Find Pre&vious"), QKeySequence(Qt::SHIFT | Qt::Key_F3));
  connect(a.find, &QAction::triggered, m_findBar, &editor::FindBar::activate);
  connect(a.findNext, &QAction::triggered, m_findBar, &editor::FindBar::findNext);
  connect(a.findPrevious, &QAction::triggered, m_findBar, &editor::FindBar::findPrevious);
  a.goToLine = makeAction(this, tr("&Go to Line..."), QKeySequence(tr("Ctrl+L")));
  connect(a.undo, &QAction::triggered, this, [this] { editor()->undo(); });
  connect(a.redo, &QAction::triggered, this, [this] { editor()->redo(); });
  a.goToDefinition = makeAction(this, tr("Go to &Definition"), QKeySequence(Qt::Key_F2),
                                tr("Jump to the declaration (or #include file) under the caret; "
                                   "Ctrl+click does the same"));
  a.complete = makeAction(this, tr("Co&mplete"), QKeySequence(tr("Ctrl+Space")),
                          tr("Names in scope, or members after '.'"));
  connect(a.goToDefinition, &QAction::triggered, this, [this] { editor()->goToDefinition(); });
  connect(a.complete, &QAction::triggered, this, [this] { editor()->autoCompleteFromAPIs(); });

  a.compile = makeAction(this, tr("&Compile"), QKeySequence(tr("Ctrl+B")),
                         tr("Compile the editor's text to LLVM IR and eBPF"));
  a.compile->setObjectName(QStringLiteral("actionCompile"));
  a.compile->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
  a.cancelCompile = makeAction(this, tr("C&ancel Compile"), QKeySequence(tr("Ctrl+Shift+B")));
  a.cancelCompile->setIcon(s->standardIcon(QStyle::SP_MediaStop));
  a.cancelCompile->setEnabled(false);
  a.compileWhileTyping =
      makeAction(this, tr("Compile &While Typing"), QKeySequence(tr("Ctrl+Alt+B")),
                 tr("Recompile shortly after each edit"));
  a.compileWhileTyping->setCheckable(true);
  a.stageCounters =
      makeAction(this, tr("&Stage Counters"), QKeySequence(tr("Ctrl+Alt+S")),
                 tr("Count packets per pipeline stage (p4wb --no-stage-counters turns them off)"));
  a.stageCounters->setCheckable(true);
  a.stageCounters->setChecked(true);
  a.nextDiagnostic = makeAction(this, tr("&Next Diagnostic"), QKeySequence(Qt::Key_F8));
  a.previousDiagnostic =
      makeAction(this, tr("&Previous Diagnostic"), QKeySequence(Qt::SHIFT | Qt::Key_F8));
  a.zoomIn = makeAction(this, tr("Zoom &In"), QKeySequence::ZoomIn);
  a.zoomOut = makeAction(this, tr("Zoom &Out"), QKeySequence::ZoomOut);
  a.zoomReset = makeAction(this, tr("Reset &Zoom"), QKeySequence(tr("Ctrl+0")));
  connect(a.zoomIn, &QAction::triggered, this, [this] { editor()->zoomIn(); });
  connect(a.zoomOut, &QAction::triggered, this, [this] { editor()->zoomOut(); });
  connect(a.zoomReset, &QAction::triggered, this, [this] { editor()->zoomTo(0); });
  a.themeLight = makeAction(this, tr("&Light Theme"), {});
  a.themeDark = makeAction(this, tr("&Dark Theme"), {});
  auto* themes = new QActionGroup(this);
  for (QAction* theme : {a.themeLight, a.themeDark}) {
    theme->setCheckable(true);
    themes->addAction(theme);
  }
  a.themeLight->setChecked(true);
  connect(a.themeDark, &QAction::toggled, this, &MainWindow::applyTheme);
  a.resetLayout = makeAction(this, tr("&Reset Layout"), QKeySequence(tr("Ctrl+Alt+0")));
  connect(a.resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
  a.load = makeAction(this, tr("&Load..."), QKeySequence(Qt::Key_F5),
                      tr("Load the compiled program into the kernel and attach it"));
  a.load->setIcon(s->standardIcon(QStyle::SP_ArrowUp));
  a.unload = makeAction(this, tr("&Unload"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                        tr("Detach and unload the program this studio loaded"));
  a.unload->setIcon(s->standardIcon(QStyle::SP_ArrowDown));
  a.unload->setEnabled(false);
  a.packetLab = makeAction(this, tr("&Packet Lab"), QKeySequence(tr("Ctrl+Shift+P")),
                           tr("Compose packets and run them through the program"));
  a.targets = makeAction(this, tr("&Targets"), QKeySequence(tr("Ctrl+Shift+T")),
                         tr("Namespaces, interfaces and attached programs; labs"));
  a.runPacket = makeAction(this, tr("&Run Packet"), QKeySequence(tr("Ctrl+R")),
                           tr("Run the packet lab's frame through the program"));
  a.about = makeAction(this, tr("&About P4 Workbench"), QKeySequence(Qt::Key_F1));
  a.about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createDocks(DiagnosticsModel* diagnostics, visualizer::StagesModel* stages,
                             visualizer::CountersModel* counters, OutlineModel* outline) {
  m_outlineDock = new OutlineDock(outline, this);
  m_tablesDock = new visualizer::TablesDock(this);
  m_countersDock = new visualizer::CountersDock(counters, this);
  m_packetLabDock = new visualizer::PacketLabDock(this);
  m_verifierLogDock = new VerifierLogDock(this);
  m_targetsDock = new visualizer::TargetsDock(this);
  connect(m_actions.targets, &QAction::triggered, this, [this] {
    m_targetsDock->show();
    m_targetsDock->raise();
  });
  m_pipelineView = new visualizer::PipelineView;
  m_pipelineDock = new QDockWidget(tr("Pipeline"), this);
  m_pipelineDock->setObjectName(QStringLiteral("PipelineDock"));
  m_pipelineDock->setWidget(m_pipelineView);
  connect(m_actions.packetLab, &QAction::triggered, this, [this] {
    m_packetLabDock->show();
    m_packetLabDock->raise();
    m_packetLabDock->widget()->setFocus();
  });
  m_diagnosticsDock = new DiagnosticsDock(diagnostics, this);
  m_irDock =
      new ListingDock(tr("LLVM IR"), QStringLiteral("IrDock"), ListingDock::Flavor::LlvmIr, this);
  m_asmDock =
      new ListingDock(tr("eBPF"), QStringLiteral("EbpfDock"), ListingDock::Flavor::BpfAsm, this);
  m_stagesDock = new visualizer::StagesDock(stages, this);
  connect(m_actions.nextDiagnostic, &QAction::triggered, m_diagnosticsDock,
          &DiagnosticsDock::selectNext);
  connect(m_actions.previousDiagnostic, &QAction::triggered, m_diagnosticsDock,
          &DiagnosticsDock::selectPrevious);
}

void MainWindow::resetLayout() {
  // Code in the middle, what it compiled to on the right (IR above eBPF), the
  // pipeline on the left, problems at the bottom: the reading order of a compile.
  for (QDockWidget* dock : allDocks()) {
    dock->setFloating(false);
    dock->show();
  }
  addDockWidget(Qt::LeftDockWidgetArea, m_stagesDock);
  addDockWidget(Qt::RightDockWidgetArea, m_irDock);
  splitDockWidget(m_irDock, m_asmDock, Qt::Vertical);
  addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
  tabifyDockWidget(m_stagesDock, m_countersDock);
  tabifyDockWidget(m_stagesDock, m_pipelineDock);
  tabifyDockWidget(m_stagesDock, m_targetsDock);
  tabifyDockWidget(m_stagesDock, m_outlineDock);
  tabifyDockWidget(m_diagnosticsDock, m_tablesDock);
  tabifyDockWidget(m_diagnosticsDock, m_verifierLogDock);
  tabifyDockWidget(m_asmDock, m_packetLabDock);
  m_pipelineDock->raise();
  m_diagnosticsDock->raise();
  m_asmDock->raise();
  const int w = width();
  resizeDocks({m_stagesDock, m_irDock}, {w * 21 / 100, w * 36 / 100}, Qt::Horizontal);
  resizeDocks({m_irDock, m_asmDock}, {1, 1}, Qt::Vertical);
  resizeDocks({m_diagnosticsDock}, {height() * 18 / 100}, Qt::Vertical);
}

void MainWindow::createMenus() {
  const Actions& a = m_actions;
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addActions({a.newFile, a.open});
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  file->addActions({a.save, a.saveAs, a.closeTab});
  file->addSeparator();
  file->addAction(a.quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addActions({a.undo, a.redo});
  edit->addSeparator();
  edit->addActions({a.find, a.findNext, a.findPrevious});
  edit->addSeparator();
  edit->addActions({a.goToLine, a.goToDefinition, a.complete});

  QMenu* build = menuBar()->addMenu(tr("&Build"));
  build->addActions({a.compile, a.cancelCompile});
  build->addSeparator();
  build->addActions({a.compileWhileTyping, a.stageCounters});
  build->addSeparator();
  build->addActions({a.nextDiagnostic, a.previousDiagnostic});

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->addActions({a.load, a.unload});
  run->addSeparator();
  run->addActions({a.packetLab, a.runPacket});
  run->addSeparator();
  run->addAction(a.targets);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  int n = 1;
  for (QDockWidget* dock : allDocks()) {
    QAction* toggle = dock->toggleViewAction();
    if (n <= 9) toggle->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(n)));
    ++n;
    view->addAction(toggle);
  }
  view->addSeparator();
  view->addActions({a.zoomIn, a.zoomOut, a.zoomReset});
  view->addSeparator();
  QMenu* theme = view->addMenu(tr("&Theme"));
  theme->addActions({a.themeLight, a.themeDark});
  view->addSeparator();
  view->addAction(a.resetLayout);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(a.about);
}

void MainWindow::createToolBar() {
  QToolBar* bar = addToolBar(tr("Main"));
  bar->setObjectName(QStringLiteral("MainToolBar"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addActions({m_actions.open, m_actions.save});
  bar->addSeparator();
  bar->addActions({m_actions.compile, m_actions.cancelCompile});
  bar->addSeparator();
  bar->addActions({m_actions.load, m_actions.unload});
}

void MainWindow::createStatusBar() {
  m_busy = new QProgressBar;
  m_busy->setRange(0, 0);  // indeterminate: the driver reports no progress steps
  m_busy->setMaximumWidth(120);
  m_busy->setMaximumHeight(14);
  m_busy->setTextVisible(false);
  m_busy->hide();
  m_compileLabel = new QLabel(tr("Not compiled yet"));
  m_cursorLabel = new QLabel;
  m_cursorLabel->setMinimumWidth(110);
  statusBar()->addPermanentWidget(m_busy);
  m_runtimeLabel = new QLabel;
  statusBar()->addPermanentWidget(m_runtimeLabel);
  statusBar()->addPermanentWidget(m_compileLabel);
  statusBar()->addPermanentWidget(m_cursorLabel);
  m_cursorLabel->setText(tr("Ln 1, Col 1"));
}

editor::P4Editor* MainWindow::editor() const { return m_tabs->currentEditor(); }

void MainWindow::adoptEditor(editor::P4Editor* ed) {
  ed->setDarkTheme(m_dark);
  connect(ed, &QsciScintilla::cursorPositionChanged, this, [this, ed](int line, int index) {
    if (ed == editor() && m_cursorLabel)
      m_cursorLabel->setText(tr("Ln %1, Col %2").arg(line + 1).arg(index + 1));
  });
}

void MainWindow::applyTheme(bool dark) {
  // Fusion follows the palette fully on every platform, so both themes look the same
  // everywhere; the editors get matching colours.
  m_dark = dark;
  QApplication::setStyle(QStringLiteral("Fusion"));
  QPalette p;
  if (dark) {
    const QColor window(0x2d, 0x2d, 0x30), base(0x1e, 0x1e, 0x1e), text(0xd4, 0xd4, 0xd4);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x4e, 0x9c, 0xd6));
    p.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6d, 0x6d, 0x6d));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6d, 0x6d, 0x6d));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6d, 0x6d, 0x6d));
  } else {
    p = QApplication::style()->standardPalette();
  }
  QApplication::setPalette(p);
  for (int i = 0; i < m_tabs->count(); ++i) m_tabs->editorAt(i)->setDarkTheme(dark);
  m_irDock->setDark(dark);
  m_asmDock->setDark(dark);
  if (m_actions.themeDark->isChecked() != dark) (dark ? m_actions.themeDark : m_actions.themeLight)->setChecked(true);
}

void MainWindow::setCompiling(bool running) {
  m_busy->setVisible(running);
  m_actions.cancelCompile->setEnabled(running);
  if (running) {
    m_compileLabel->setStyleSheet({});
    m_compileLabel->setText(tr("Compiling..."));
  }
}

QString MainWindow::compileSummary() const { return m_compileLabel->text(); }

void MainWindow::setCompileSummary(const QString& text, bool good, const QString& details) {
  m_compileLabel->setText(text);
  m_compileLabel->setToolTip(details);
  m_compileLabel->setStyleSheet(good ? QStringLiteral("color: #2e7d32;")
                                     : QStringLiteral("color: #c62828;"));
}

QList<QDockWidget*> MainWindow::allDocks() const {
  return {m_outlineDock, m_diagnosticsDock, m_irDock,      m_asmDock,         m_stagesDock,
          m_tablesDock,      m_countersDock, m_packetLabDock, m_verifierLogDock,
          m_pipelineDock,    m_targetsDock};
}

void MainWindow::setRuntimeSummary(const QString& text) { m_runtimeLabel->setText(text); }

void MainWindow::showMessage(const QString& text, int timeoutMs) {
  statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::restoreWindowState() {
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::saveWindowState() {
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveWindowState();
  QMainWindow::closeEvent(event);
}

}  // namespace p4wb::app
