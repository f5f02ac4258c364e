// p4wb-studio [FILE.p4] [--compile] [--line N] [--load NETNS:IFNAME[:HOOK]] [--as NAME]
// [--table-script FILE] [--packet SPEC] [--show DOCK] [--theme light|dark]: the desktop
// workbench. Parses the
// command line and hands over to the Workbench; the --load family scripts a demo (used by
// scripts/screenshots.sh).
#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFile>
#include <QTimer>

#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/workbench.h"
#include "visualizer/packet_lab_dock.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("p4wb"));
  QApplication::setApplicationName(QStringLiteral("p4wb-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("P4 Workbench Studio"));
  QApplication::setApplicationVersion(QStringLiteral(P4WB_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Edit, compile and inspect P4 programs for eBPF."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("P4 program to open."),
                               QStringLiteral("[FILE.p4]"));
  const QCommandLineOption compileOption(QStringLiteral("compile"),
                                         QStringLiteral("Compile once at startup."));
  parser.addOption(compileOption);
  const QCommandLineOption lineOption(
      QStringLiteral("line"), QStringLiteral("Put the cursor on line N."), QStringLiteral("N"));
  parser.addOption(lineOption);
  const QCommandLineOption loadOption(
      QStringLiteral("load"),
      QStringLiteral("After compiling, load onto NETNS:IFNAME[:HOOK] (NETNS may be empty)."),
      QStringLiteral("target"));
  const QCommandLineOption nameOption(QStringLiteral("as"),
                                      QStringLiteral("Program name for --load."),
                                      QStringLiteral("name"), QStringLiteral("studio"));
  const QCommandLineOption scriptOption(QStringLiteral("table-script"),
                                        QStringLiteral("runtime_CLI lines to apply after --load."),
                                        QStringLiteral("file"));
  const QCommandLineOption packetOption(
      QStringLiteral("packet"), QStringLiteral("Packet lab template words to run after --load."),
      QStringLiteral("spec"));
  const QCommandLineOption showOption(QStringLiteral("show"),
                                      QStringLiteral("Raise the dock with this object name."),
                                      QStringLiteral("dock"));
  const QCommandLineOption themeOption(QStringLiteral("theme"),
                                       QStringLiteral("light or dark (saved like View > Theme)."),
                                       QStringLiteral("theme"));
  parser.addOptions({loadOption, nameOption, scriptOption, packetOption, showOption, themeOption});
  parser.process(app);

  p4wb::app::Workbench workbench;
  if (parser.isSet(themeOption)) {
    const bool dark = parser.value(themeOption) == QStringLiteral("dark");
    (dark ? workbench.mainWindow()->actions().themeDark
          : workbench.mainWindow()->actions().themeLight)->trigger();
  }
  const QStringList files = parser.positionalArguments();
  bool opened = false;
  for (const QString& file : files) opened = workbench.openFile(file) || opened;
  // Without files on the command line, reopen what was open at the last exit.
  if (files.isEmpty()) workbench.restoreSession();
  workbench.mainWindow()->show();
  if (opened && parser.isSet(lineOption)) workbench.showLine(parser.value(lineOption).toInt());
  if (opened && parser.isSet(compileOption)) workbench.compile();
  p4wb::app::MainWindow* window = workbench.mainWindow();
  for (const QString& dock : parser.values(showOption))
    if (auto* d = window->findChild<QDockWidget*>(dock)) {
      d->show();
      d->raise();
    }
  if (opened && parser.isSet(loadOption)) {
    const QStringList parts = parser.value(loadOption).split(QLatin1Char(':'));
    p4wb::runtime::Target target;
    target.netns = parts.value(0).toStdString();
    target.ifname = parts.value(1).toStdString();
    if (auto hook = p4wb::runtime::parseHook(parts.value(2, QStringLiteral("xdp")).toStdString(),
                                             &target.mode))
      target.hook = *hook;
    QObject::connect(&workbench, &p4wb::app::Workbench::compileFinished, &workbench,
                     [&](bool ok) {
                       if (ok && !workbench.runtimeService()->hasProgram())
                         workbench.loadTo(target, parser.value(nameOption));
                     });
    QObject::connect(&workbench, &p4wb::app::Workbench::loadFinished, &workbench, [&](bool ok) {
      if (!ok) return;
      if (parser.isSet(scriptOption)) {
        QFile file(parser.value(scriptOption));
        if (file.open(QIODevice::ReadOnly))
          workbench.runtimeService()->runScript(QString::fromUtf8(file.readAll()));
      }
      if (parser.isSet(packetOption)) {
        auto* lab = window->packetLabDock();
        for (const QString& word : parser.value(packetOption).split(QLatin1Char(' '))) {
          const int eq = word.indexOf(QLatin1Char('='));
          if (eq > 0) lab->setTemplateField(word.left(eq), word.mid(eq + 1));
        }
        lab->buildFromTemplate();
        QTimer::singleShot(800, lab, &p4wb::visualizer::PacketLabDock::run);
      }
    });
    if (!parser.isSet(compileOption)) workbench.compile();
  }
  return QApplication::exec();
}
