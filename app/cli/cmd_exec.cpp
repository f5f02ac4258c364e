// `p4wb exec NAME [FILE]`: runtime_CLI / nikss-ctl table commands from a file or stdin,
// checked as a whole before the first write; `p4wb stf PROG.p4 TEST.stf`: an STF test
// run through BPF_PROG_TEST_RUN.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/program_store.h"
#include "runtime/stf.h"
#include "runtime/table_script.h"

#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct ExecArgs {
  std::string program, file;
  bool json = false, checkOnly = false;
};

// "line 7: why" from the runtime becomes "FILE:7: why", as compilers say it.
[[noreturn]] void failAtLine(const runtime::Error& e, const std::string& file) {
  std::string msg = e.message;
  if (msg.rfind("line ", 0) == 0) {
    std::size_t colon = msg.find(':');
    if (colon != std::string::npos) msg = file + ":" + msg.substr(5, colon - 5) + msg.substr(colon);
  }
  runtime::Error out = e;
  out.message = msg;
  fail(out);
}

std::string entryLine(const runtime::Entry& e) {
  std::string s;
  for (const auto& k : e.keys) s += k + " ";
  s += "=> " + e.action;
  for (const auto& p : e.params) s += " " + p;
  if (e.priority) s += "  (priority " + std::to_string(*e.priority) + ")";  // P4 semantics
  return s;
}

void runExec(const ExecArgs& a) {
  const std::string label = a.file.empty() || a.file == "-" ? "<stdin>" : a.file;
  std::string text = label == "<stdin>" ? std::string(std::istreambuf_iterator<char>(std::cin), {})
                                        : readTextFile(a.file);
  runtime::ProgramStore store;
  auto prog = orFail(store.open(a.program));
  auto parsed = runtime::parseTableScript(text);
  if (!parsed) failAtLine(parsed.error(), label);
  const auto t0 = std::chrono::steady_clock::now();
  if (auto s = runtime::checkTableScript(prog, *parsed); !s) failAtLine(s.error(), label);
  const auto t1 = std::chrono::steady_clock::now();
  runtime::ScriptOutcome outcome;
  nlohmann::json dumps = nlohmann::json::array();
  if (!a.checkOnly) {
    // The check passed, so a failure here is a race or the kernel; runTableScript has then
    // undone what it wrote.
    if (auto s = runtime::runTableScript(prog, *parsed, &outcome); !s) {
      if (outcome.rolledBack)
        std::cerr << "p4wb: the " << outcome.applied << " command(s) before it were undone\n";
      failAtLine(s.error(), label);
    }
    for (const auto& [line, entries] : outcome.dumps) {
      std::string table;
      for (const auto& c : *parsed)
        if (c.line == line) table = c.table;
      if (a.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& e : entries) {
          nlohmann::json j = {{"key", e.keys}, {"action", e.action}, {"params", e.params}};
          if (e.priority) j["priority"] = *e.priority;
          arr.push_back(j);
        }
        dumps.push_back({{"line", line}, {"table", table}, {"entries", arr}});
      } else {
        std::cout << table << ": " << entries.size() << " entries\n";
        for (const auto& e : entries) std::cout << "  " << entryLine(e) << "\n";
      }
    }
  }
  const std::size_t written = outcome.applied;
  const auto t2 = std::chrono::steady_clock::now();
  const double checkS = std::chrono::duration<double>(t1 - t0).count();
  const double writeS = std::chrono::duration<double>(t2 - t1).count();
  if (a.json) {
    printJson({{"commands", parsed->size()}, {"applied", written}, {"checked_only", a.checkOnly},
               {"check_seconds", checkS}, {"apply_seconds", writeS}, {"dumps", dumps}});
  } else if (a.checkOnly) {
    std::cout << label << ": " << parsed->size() << " command(s) OK, nothing written\n";
  } else {
    std::cout << "applied " << written << " command(s) from " << label << "\n";
  }
}

struct StfArgs {
  std::string program, script;
  bool json = false, verbose = false;
  ProgramSourceArgs source;
};

void runStfCommand(const StfArgs& a, Context& ctx) {
  requirePrivileges("stf");
  auto spec = objectFromPath(a.program, a.source);
  auto prog = orFail(runtime::LoadedProgram::load(spec), "load " + a.program);
  auto report = orFail(runtime::runStf(prog, readTextFile(a.script)), a.script);
  const std::size_t failed = report.failures.size();
  const std::size_t passed = report.passedChecks;
  if (a.json) {
    printJson({{"passed", passed}, {"failed", failed}, {"packets", report.packets},
               {"ok", report.passed}, {"failures", report.failures}, {"log", report.log}});
  } else {
    if (a.verbose)
      for (const auto& l : report.log) std::cout << l << "\n";
    for (const auto& f : report.failures) std::cout << a.script << ": " << f << "\n";
    std::cout << passed << " passed, " << failed << " failed\n";
  }
  if (!report.passed) ctx.exitCode = kFailed;
}

}  // namespace

void addExecCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ExecArgs>();
  auto* c = app.add_subcommand(
      "exec", "Run runtime_CLI or nikss-ctl table commands from FILE (or stdin); the whole "
              "file is checked first and nothing is written if a line is bad");
  c->add_option("NAME", a->program, "Program name given at load")->required();
  c->add_option("FILE", a->file, "Command file ('-' or none: stdin)");
  c->add_flag("--check", a->checkOnly, "Only check the commands, write nothing");
  c->add_flag("--json", a->json, "JSON output");
  c->callback([a] { runExec(*a); });

  auto s = std::make_shared<StfArgs>();
  auto* stf = app.add_subcommand("stf", "Run an STF test (tables, packets in, expected packets out, "
                                        "counters) through BPF_PROG_TEST_RUN; last line 'N passed, M failed'");
  stf->add_option("PROGRAM", s->program, "P4 source or compiled object")
      ->required()->check(CLI::ExistingFile);
  stf->add_option("TEST", s->script, "STF file")->required()->check(CLI::ExistingFile);
  stf->add_flag("-v,--verbose", s->verbose, "Print one line per packet run");
  stf->add_flag("--json", s->json, "JSON output");
  addProgramSourceOptions(stf, s->source);
  stf->callback([s, &ctx] { runStfCommand(*s, ctx); });
}

}  // namespace p4wb::app::cli
