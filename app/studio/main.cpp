// p4wb-studio [FILE.p4] [--compile] [--line N]: the desktop workbench. Parses the command line
// and hands over to the Workbench.
#include <QApplication>
#include <QCommandLineParser>

#include "app/studio/main_window.h"
#include "app/studio/workbench.h"

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
  parser.process(app);

  p4wb::app::Workbench workbench;
  const QStringList files = parser.positionalArguments();
  const bool opened = !files.isEmpty() && workbench.openFile(files.first());
  workbench.mainWindow()->show();
  if (opened && parser.isSet(lineOption)) workbench.showLine(parser.value(lineOption).toInt());
  if (opened && parser.isSet(compileOption)) workbench.compile();
  return QApplication::exec();
}
