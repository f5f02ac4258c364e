// The studio's composition root: owns the services (document, compile service), the
// models and the main window, and connects them. Everything the user can do goes
// through a QAction of the main window into a slot here.
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

#include "app/studio/document.h"
#include "app/studio/symbol_index.h"
#include "compiler/driver/driver.h"
#include "runtime/target.h"

namespace p4wb::visualizer {
class StagesModel;
class CountersModel;
struct TableWrite;
}
namespace p4wb::runtime {
struct TraceResult;
}
namespace p4wb::editor {
class P4Editor;
}

namespace p4wb::app {

class CompileService;
class LiveChecker;
class DiagnosticsModel;
class MainWindow;
class OutlineModel;
class RuntimeService;
struct RuntimeSnapshot;
struct TargetsListing;

class Workbench : public QObject {
  Q_OBJECT

 public:
  explicit Workbench(QObject* parent = nullptr);
  ~Workbench() override;

  MainWindow* mainWindow() const { return m_window.get(); }
  DiagnosticsModel* diagnosticsModel() const { return m_diagnostics; }
  visualizer::StagesModel* stagesModel() const { return m_stages; }
  visualizer::CountersModel* countersModel() const { return m_counters; }
  RuntimeService* runtimeService() const { return m_runtime; }
  const compiler::CompileResult& lastResult() const { return m_lastResult; }
  // The document of the current editor tab.
  const Document& document() const;
  OutlineModel* outlineModel() const { return m_outline; }
  const SymbolIndex& symbolIndex() const { return m_symbols; }
  bool isCompiling() const;

  // Opens `path` in a tab (or shows its tab when open already); on failure reports in
  // the status bar and returns false.
  bool openFile(const QString& path);
  // Shows a place the compiler named: a file (opened when needed) or a built-in include.
  bool openLocation(const QString& file, int line, int column);
  // #include "name" (next to the current file, then -I-less built-ins) or <name>.
  bool openInclude(const QString& name, bool system);
  // File > Close Tab for tab `index` (asks to save when modified); false if cancelled.
  bool closeTab(int index);
  // Reopens the files open at the last exit (QSettings session/files); false if none.
  bool restoreSession();
  void saveSession() const;
  // Puts the editor's caret on 1-based `line` (clamped to the buffer).
  void showLine(int line);
  // Most recently opened or saved files, newest first (at most 8, from QSettings).
  static QStringList recentFiles();
  // Compiles the editor's current (possibly unsaved) text.
  void compile();
  // Run > Load: compiles first when the text changed, then asks for the target.
  void load();
  // Loads the last compile result without asking (tests, scripts).
  void loadTo(const runtime::Target& target, const QString& name);
  void unload();

 signals:
  void compileFinished(bool ok);
  void loadFinished(bool ok);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void connectActions();
  void wireEditor(editor::P4Editor* editor);
  Document& doc();
  bool maybeSaveAll();
  void applyTheme(bool dark);
  void open();
  bool save();
  bool saveAs();
  bool maybeSave(editor::P4Editor* editor = nullptr);
  void goToLine();
  void rememberRecentFile(const QString& path);
  void fillRecentFilesMenu();
  void about();
  void updateTitle();
  void onTextEdited();
  void setCompileWhileTyping(bool on);
  void onCompileStarted();
  void onCompileFinished(const compiler::CompileResult& result, qint64 elapsedMs);
  void onCompileCancelled();
  void showResult(const compiler::CompileResult& result);
  void jumpTo(const QString& file, int line, int column);
  void showSource(const QString& file, int line, int column);
  void highlightListings(int line0);
  std::vector<compiler::SourceMapEntry> forCurrentFile(
      const std::vector<compiler::SourceMapEntry>& map) const;
  bool isCurrentFile(const QString& file) const;
  // Whether a diagnostic's or source map's file names the file shown in `ed`.
  bool isFileOf(editor::P4Editor* ed, const QString& file) const;
  void onChecked(editor::P4Editor* ed, const compiler::CompileResult& result);
  void connectRuntime();
  void showLoadDialog();
  void onLoadFinished(bool ok, const QString& message, const QString& log, const QString& section);
  void onProgramChanged(bool loaded);
  void onSnapshot(std::shared_ptr<RuntimeSnapshot> snapshot);
  void onTableWrite(const visualizer::TableWrite& write);
  void setRuntimeUnavailable(const QString& why);
  void connectTargets();
  void connectPacketLab();
  void onTargetsDescribed(const TargetsListing& listing);
  void attachFrom(const QString& netns, const QString& ifname);

  SymbolIndex m_symbols;                 // names of the last compile (editor's CodeIntel)
  CompileService* m_compiler;
  LiveChecker* m_checker = nullptr;      // front-end checks of every tab while typing
  QHash<editor::P4Editor*, std::vector<compiler::Diagnostic>> m_checkedDiagnostics;  // last check or compile per tab
  DiagnosticsModel* m_diagnostics;
  visualizer::StagesModel* m_stages;
  visualizer::CountersModel* m_counters;
  RuntimeService* m_runtime;
  OutlineModel* m_outline;
  compiler::CompileResult m_lastResult;  // last successful compile (object, maps)
  QString m_lastCompiledText;            // editor text of m_lastResult
  QString m_compilingText;               // editor text of the compile running
  bool m_loadAfterCompile = false;
  std::unique_ptr<MainWindow> m_window;  // destroyed before the models it shows
  QTimer m_typingTimer;                  // debounces compile-while-typing
  QTimer m_targetsTimer;                 // re-lists targets while their dock is shown
  QString m_attachNetns, m_attachIfname;  // Targets > Attach: preselected in the Load dialog
  bool m_attachWish = false;
};

}  // namespace p4wb::app
