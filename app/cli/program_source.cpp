#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "compiler/driver/driver.h"
#include "runtime/privileges.h"
#include "runtime/program_store.h"

#include <sys/stat.h>

#include <filesystem>
#include <iostream>

namespace p4wb::app::cli {

void addProgramSourceOptions(CLI::App* cmd, ProgramSourceArgs& args) {
  cmd->add_option("-I,--include-dir", args.includeDirs, "Search DIR for #include (for .p4)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one DIR per -I, so FILE after it is not swallowed
  cmd->add_option("-D,--define", args.defines, "Define a preprocessor macro (for .p4)")
      ->type_name("NAME[=VALUE]")
      ->allow_extra_args(false);
  cmd->add_flag("--no-stage-counters", args.noStageCounters,
                "Compile without per-stage packet counters (for .p4)");
  addStageCountersOption(cmd, args.stageCounters);
}

void addStageCountersOption(CLI::App* cmd, std::string& mode) {
  cmd->add_option("--stage-counters", mode,
                  "edges (default): count a few control-flow edges, derive every stage's count; "
                  "all: one add per stage where a packet enters it")
      ->check(CLI::IsMember({"edges", "all"}))
      ->type_name("MODE");
}

std::vector<std::pair<std::string, std::string>> splitDefines(const std::vector<std::string>& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : d) {
    auto eq = s.find('=');
    if (eq == std::string::npos) out.emplace_back(s, "1");
    else out.emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  return out;
}

void fail(const runtime::Error& error, const std::string& context) {
  if (!error.detail.empty()) {
    std::cerr << error.detail;
    if (error.detail.back() != '\n') std::cerr << "\n";
  }
  std::string line = context.empty() ? error.render() : context + ": " + error.render();
  // A bare EPERM says nothing about why; name the capabilities this process lacks.
  if (error.errnum == EPERM || error.errnum == EACCES)
    if (auto p = runtime::currentPrivileges(); p && !p->missingSummary().empty()) line += "; " + p->missingSummary();
  throw Failure(line);
}

void failLoad(const runtime::Error& error, const std::string& name, const std::string& context, bool printLog) {
  if (error.detail.empty() || error.message.rfind("the verifier rejected", 0) != 0) fail(error, context);
  const std::string dir = runtime::StorePaths::defaults().stateRoot + "/.logs";
  const std::string path = dir + "/" + name + ".verifier.log";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  std::string where = "; verifier log in " + path;
  try {
    writeFile(path, error.detail);
  } catch (const Failure&) {
    where = "; the verifier log could not be kept (" + path + ")";
    printLog = true;
  }
  if (printLog) std::cerr << error.detail << (error.detail.back() == '\n' ? "" : "\n");
  throw Failure((context.empty() ? "" : context + ": ") + error.render() + where);
}

void requirePrivileges(const std::string& command) {
  auto p = runtime::currentPrivileges();
  if (!p) return;  // cannot tell: let the kernel decide
  std::string missing = p->missingSummary();
  if (!missing.empty()) throw Failure(command + " needs root: " + missing);
}

runtime::ObjectSpec objectFromPath(const std::string& path, const ProgramSourceArgs& args) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".p4") == 0) {
    compiler::CompileOptions o;
    o.inputPath = path;
    o.includeDirs = args.includeDirs;
    o.defines = splitDefines(args.defines);
    o.stageCounters = !args.noStageCounters;
    o.stageCountersPerStage = args.stageCounters == "all";
    o.tcProgram = args.tcProgram;
    o.wantIR = o.wantAsm = false;
    auto r = compiler::compile(o);
    for (const auto& d : r.diagnostics) std::cerr << d.render() << "\n";
    if (!r.ok) throw Failure("compilation of '" + path + "' failed");
    return orFail(runtime::ObjectSpec::fromBytes(std::move(r.object), r.schemaJson), path);
  }
  return orFail(runtime::ObjectSpec::fromFile(path), path);
}

}  // namespace p4wb::app::cli
