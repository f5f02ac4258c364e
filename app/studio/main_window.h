// The studio's main window: lays out the editor, the docks, menus, toolbar and status
// bar, and owns the actions. It makes no decisions about files or compiling; the
// Workbench connects the actions to the services.
#pragma once

#include <QMainWindow>

class QLabel;
class QProgressBar;

namespace p4wb::editor {
class FindBar;
class P4Editor;
}  // namespace p4wb::editor
namespace p4wb::visualizer {
class StagesDock;
class StagesModel;
class TablesDock;
class CountersDock;
class CountersModel;
class PacketLabDock;
class PipelineView;
class TargetsDock;
}  // namespace p4wb::visualizer

namespace p4wb::app {

class DiagnosticsDock;
class DiagnosticsModel;
class EditorTabs;
class OutlineDock;
class OutlineModel;
class ListingDock;
class VerifierLogDock;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  struct Actions {
    QAction* newFile = nullptr;     // Ctrl+N: a new untitled tab
    QAction* open = nullptr;
    QAction* closeTab = nullptr;    // Ctrl+W
    QAction* save = nullptr;
    QAction* saveAs = nullptr;
    QAction* quit = nullptr;
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* find = nullptr;
    QAction* findNext = nullptr;
    QAction* findPrevious = nullptr;
    QAction* goToLine = nullptr;
    QAction* goToDefinition = nullptr;  // F2 (also Ctrl+click); on #include: open it
    QAction* complete = nullptr;        // Ctrl+Space
    QAction* themeLight = nullptr;      // checkable, exclusive with themeDark
    QAction* themeDark = nullptr;
    QAction* compile = nullptr;
    QAction* cancelCompile = nullptr;
    QAction* compileWhileTyping = nullptr;  // checkable
    QAction* stageCounters = nullptr;       // checkable: compile with per-stage counters
    QAction* nextDiagnostic = nullptr;
    QAction* previousDiagnostic = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* zoomReset = nullptr;
    QAction* resetLayout = nullptr;
    QAction* load = nullptr;        // F5
    QAction* unload = nullptr;      // Shift+F5
    QAction* packetLab = nullptr;   // Ctrl+Shift+P
    QAction* targets = nullptr;     // Ctrl+Shift+T: show the Targets dock
    QAction* runPacket = nullptr;   // Ctrl+R: run the packet lab's frame
    QAction* about = nullptr;
  };

  MainWindow(DiagnosticsModel* diagnostics, visualizer::StagesModel* stages,
             visualizer::CountersModel* counters, OutlineModel* outline,
             QWidget* parent = nullptr);

  // The editor of the current tab (never null).
  editor::P4Editor* editor() const;
  EditorTabs* editorTabs() const { return m_tabs; }
  OutlineDock* outlineDock() const { return m_outlineDock; }
  // Light or dark palette for the whole window and every editor (View > Theme).
  void applyTheme(bool dark);
  bool isDarkTheme() const { return m_dark; }
  editor::FindBar* findBar() const { return m_findBar; }
  DiagnosticsDock* diagnosticsDock() const { return m_diagnosticsDock; }
  ListingDock* irDock() const { return m_irDock; }
  ListingDock* asmDock() const { return m_asmDock; }
  visualizer::StagesDock* stagesDock() const { return m_stagesDock; }
  visualizer::TablesDock* tablesDock() const { return m_tablesDock; }
  visualizer::CountersDock* countersDock() const { return m_countersDock; }
  visualizer::PacketLabDock* packetLabDock() const { return m_packetLabDock; }
  VerifierLogDock* verifierLogDock() const { return m_verifierLogDock; }
  visualizer::PipelineView* pipelineView() const { return m_pipelineView; }
  visualizer::TargetsDock* targetsDock() const { return m_targetsDock; }
  QDockWidget* pipelineDock() const { return m_pipelineDock; }
  // Status bar: what is loaded where ("" = nothing).
  void setRuntimeSummary(const QString& text);
  const Actions& actions() const { return m_actions; }
  // File > Open Recent; the Workbench fills it each time it is about to show.
  QMenu* recentFilesMenu() const { return m_recentMenu; }

  // Status bar: a busy indicator while compiling, and the last compile's outcome.
  void setCompiling(bool running);
  void setCompileSummary(const QString& text, bool good, const QString& details = {});
  QString compileSummary() const;
  void showMessage(const QString& text, int timeoutMs = 5000);

  // Puts the docks where they start on a fresh install.
  void resetLayout();
  void restoreWindowState();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createMenus();
  void createToolBar();
  void createDocks(DiagnosticsModel* diagnostics, visualizer::StagesModel* stages,
                   visualizer::CountersModel* counters, OutlineModel* outline);
  void adoptEditor(editor::P4Editor* editor);
  QList<QDockWidget*> allDocks() const;
  void createStatusBar();
  void saveWindowState();

  EditorTabs* m_tabs;
  editor::FindBar* m_findBar;
  OutlineDock* m_outlineDock = nullptr;
  bool m_dark = false;
  DiagnosticsDock* m_diagnosticsDock = nullptr;
  ListingDock* m_irDock = nullptr;
  ListingDock* m_asmDock = nullptr;
  visualizer::StagesDock* m_stagesDock = nullptr;
  visualizer::TablesDock* m_tablesDock = nullptr;
  visualizer::CountersDock* m_countersDock = nullptr;
  visualizer::PacketLabDock* m_packetLabDock = nullptr;
  VerifierLogDock* m_verifierLogDock = nullptr;
  visualizer::PipelineView* m_pipelineView = nullptr;
  visualizer::TargetsDock* m_targetsDock = nullptr;
  QDockWidget* m_pipelineDock = nullptr;
  QLabel* m_runtimeLabel = nullptr;
  Actions m_actions;
  QMenu* m_recentMenu = nullptr;
  QLabel* m_compileLabel = nullptr;
  QLabel* m_cursorLabel = nullptr;
  QProgressBar* m_busy = nullptr;
};

}  // namespace p4wb::app
