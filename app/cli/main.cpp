// p4wb: the scriptable front end of P4 Workbench. Every subcommand lives in its own
// file; this only builds the command tree and maps outcomes to exit statuses.
#include "app/cli/cli.h"

#include <iostream>

int main(int argc, char** argv) {
  using namespace p4wb::app::cli;
  CLI::App app{"p4wb: compile P4_16 to eBPF, load it, edit tables, watch stages."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "p4wb 0.1.0");
  Context ctx;
  addCompileCommands(app, ctx);
  addTargetCommands(app, ctx);
  addTableCommands(app, ctx);
  addCountersCommands(app, ctx);
  addRunCommands(app, ctx);
  addExecCommands(app, ctx);
  addReloadCommands(app, ctx);
  addLabCommands(app, ctx);
  addPacketCommands(app, ctx);
  addExternCommands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "p4wb: " << e.what() << "\n(run with --help for usage)\n";
    return kUsage;
  } catch (const Failure& e) {
    std::cerr << "p4wb: " << e.what() << "\n";
    return kFailed;
  } catch (const std::exception& e) {
    std::cerr << "p4wb: internal error: " << e.what() << "\n";
    return kFailed;
  }
  return ctx.exitCode;
}
