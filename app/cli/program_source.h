// Turning what the user names on the command line (a .p4 file, a .o file) into an
// ObjectSpec the runtime can load: .p4 files are compiled first, diagnostics printed.
#pragma once

#include "runtime/object_spec.h"

#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

namespace p4wb::app::cli {

struct ProgramSourceArgs {
  std::vector<std::string> includeDirs;
  std::vector<std::string> defines;
  bool noStageCounters = false;
  std::string stageCounters = "edges";  // --stage-counters=edges|all
  // Also compile the tc classifier (set by commands that attach to a tc hook).
  bool tcProgram = false;
};

// Adds -I/-D/--no-stage-counters/--stage-counters for commands that accept a .p4 file.
void addProgramSourceOptions(CLI::App* cmd, ProgramSourceArgs& args);

// Compiles (for .p4) or reads (for anything else, taken as an ELF object). Throws
// Failure with the compiler's diagnostics already printed on stderr.
runtime::ObjectSpec objectFromPath(const std::string& path, const ProgramSourceArgs& args);

// Splits "NAME=VALUE" (VALUE defaults to "1") for -D options.
std::vector<std::pair<std::string, std::string>> splitDefines(const std::vector<std::string>& d);

// Throws Failure carrying the runtime error's sentence; prints the detail (such as a
// verifier log) on stderr first.
[[noreturn]] void fail(const runtime::Error& error, const std::string& context = {});

// Like orFail for a load: a verifier log in the error's detail is kept in
// <state dir>/.logs/NAME.verifier.log and the one-line error points to it (printed on
// stderr too when printLog); other details are printed as fail() does.
template <typename T>
T orFailLoad(runtime::Result<T> r, const std::string& name, const std::string& context, bool printLog = false);
[[noreturn]] void failLoad(const runtime::Error& error, const std::string& name, const std::string& context,
                           bool printLog);

// Throws Failure "COMMAND needs ...: <what is missing>" unless the process may load,
// attach and enter namespaces (in practice: root), so users see why before a cryptic
// EPERM from deep inside.
void requirePrivileges(const std::string& command);

template <typename T>
T orFail(runtime::Result<T> r, const std::string& context = {}) {
  if (!r.ok()) fail(r.error(), context);
  return std::move(r.value());
}
inline void orFail(const runtime::Status& s, const std::string& context = {}) {
  if (!s.ok()) fail(s.error(), context);
}
template <typename T>
T orFailLoad(runtime::Result<T> r, const std::string& name, const std::string& context, bool printLog) {
  if (!r.ok()) failLoad(r.error(), name, context, printLog);
  return std::move(r.value());
}

}  // namespace p4wb::app::cli
