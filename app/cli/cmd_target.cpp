// Placeholder until the runtime API lands (filled in by the walking skeleton).
#include "app/cli/cli.h"
namespace p4wb::app::cli {
void addTargetCommands(CLI::App&, Context&) {}
}  // namespace p4wb::app::cli
