// `p4wb reload NAME NEW.p4|NEW.o`: hot reload of a named program; entries of unchanged
// tables move to the new maps and the attachment is swapped atomically.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/program_store.h"

#include <chrono>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct ReloadArgs {
  std::string name, program;
  bool json = false, strict = false;
  ProgramSourceArgs source;
};

void runReload(const ReloadArgs& a, Context& ctx) {
  requirePrivileges("reload");
  runtime::ProgramStore store;
  auto rec = orFail(store.record(a.name));
  ProgramSourceArgs source = a.source;
  source.tcProgram = rec.target.hook != runtime::Hook::Xdp;  // compile for the hook in use
  auto spec = objectFromPath(a.program, source);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = orFailLoad(store.reload(a.name, spec), a.name, "reload " + a.name);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (a.json) {
    printJson({{"name", a.name}, {"old_prog_id", r.oldProgId}, {"new_prog_id", r.newProgId},
               {"entries_moved", r.entriesMoved}, {"defaults_moved", r.defaultsMoved},
               {"not_moved", r.notMoved}, {"seconds", secs}});
  } else {
    std::cout << "reloaded " << a.name << ": prog id " << r.oldProgId << " -> " << r.newProgId << ", "
              << r.entriesMoved << " entr" << (r.entriesMoved == 1 ? "y" : "ies") << " and "
              << r.defaultsMoved << " default action(s) moved\n";
    for (const auto& n : r.notMoved) std::cout << "not moved: " << n << "\n";
  }
  if (a.strict && !r.notMoved.empty()) ctx.exitCode = kFailed;
}

}  // namespace

void addReloadCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ReloadArgs>();
  auto* c = app.add_subcommand(
      "reload", "Replace a loaded program by a new version without a gap: entries of tables "
                "whose layout is unchanged are moved, the attachment is swapped atomically");
  c->add_option("NAME", a->name, "Program name given at load")->required();
  c->add_option("PROGRAM", a->program, "New P4 source or compiled object")
      ->required()->check(CLI::ExistingFile);
  c->add_flag("--strict", a->strict, "Exit 1 when any entry could not be moved");
  c->add_flag("--json", a->json, "JSON output");
  addProgramSourceOptions(c, a->source);
  c->callback([a, &ctx] { runReload(*a, ctx); });
}

}  // namespace p4wb::app::cli
