// `p4wb check` and `p4wb compile`: the compiler driver from the command line.
#include "app/cli/cli.h"
#include "compiler/driver/driver.h"

#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

using compiler::CompileOptions;
using compiler::CompileResult;
using compiler::Diagnostic;

struct CompileArgs {
  std::string file;
  std::vector<std::string> includeDirs;
  std::vector<std::string> defines;
  std::string output, emitLlvm, emitAsm, emitSchema;
  bool noStageCounters = false;
  std::string stageCounters = "edges";
  int optLevel = 2;
  bool json = false;
  bool dumpTokens = false, dumpAst = false, dumpTypes = false;  // `check` only
  std::vector<std::string> warningFlags;  // `check` only: -Werror, -Wno-NAME
  std::string arch;  // `check` only: --arch NAME
};

void addFrontEndOptions(CLI::App* cmd, CompileArgs& a) {
  cmd->add_option("FILE", a.file, "P4_16 source file")->required()->check(CLI::ExistingFile);
  cmd->add_option("-I,--include-dir", a.includeDirs,
                  "Search DIR for #include (before the bundled architecture files)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one DIR per -I, so FILE after it is not swallowed
  cmd->add_option("-D,--define", a.defines, "Define a preprocessor macro NAME[=VALUE]")
      ->type_name("NAME[=VALUE]")
      ->allow_extra_args(false);
  cmd->add_flag("--json", a.json, "Print diagnostics as JSON on stdout");
}

CompileOptions toOptions(const CompileArgs& a) {
  CompileOptions o;
  o.inputPath = a.file;
  o.includeDirs = a.includeDirs;
  for (const auto& d : a.defines) {
    auto eq = d.find('=');
    if (eq == std::string::npos) o.defines.emplace_back(d, "1");
    else o.defines.emplace_back(d.substr(0, eq), d.substr(eq + 1));
  }
  o.dumpTokens = a.dumpTokens;
  o.dumpAst = a.dumpAst;
  o.dumpTypes = a.dumpTypes;
  o.architecture = a.arch;
  for (const auto& w : a.warningFlags) {
    if (w == "error") o.warningsAsErrors = true;
    else if (w.rfind("no-", 0) == 0) o.disabledWarnings.push_back(w.substr(3));
  }
  o.stageCounters = !a.noStageCounters;
  o.stageCountersPerStage = a.stageCounters == "all";
  o.optLevel = a.optLevel;
  return o;
}

const char* severityName(Diagnostic::Severity s) {
  switch (s) {
    case Diagnostic::Severity::Error: return "error";
    case Diagnostic::Severity::Warning: return "warning";
    case Diagnostic::Severity::Note: return "note";
  }
  return "error";
}

// Prints diagnostics; returns the exit status the command should have.
int report(const CompileResult& r, bool json) {
  if (json) {
    nlohmann::json diags = nlohmann::json::array();
    for (const auto& d : r.diagnostics)
      diags.push_back({{"severity", severityName(d.severity)}, {"file", d.file},
                       {"line", d.line}, {"column", d.column}, {"message", d.message}});
    printJson({{"ok", r.ok}, {"architecture", r.architecture}, {"diagnostics", diags}});
  } else {
    // Front-end diagnostics clang style (source line and caret), the rest one a line.
    std::cerr << r.diagnosticsText;
    for (std::size_t i = r.diagnosticsTextCount; i < r.diagnostics.size(); ++i)
      std::cerr << r.diagnostics[i].render() << "\n";
  }
  return r.ok ? kOk : kFailed;
}

void runCheck(const CompileArgs& a, Context& ctx) {
  auto options = toOptions(a);
  options.frontEndOnly = true;
  options.wantIR = options.wantAsm = false;
  CompileResult r = compiler::compile(options);
  std::cout << r.dumpText;
  ctx.exitCode = report(r, a.json);
}

void runCompile(const CompileArgs& a, Context& ctx) {
  auto options = toOptions(a);
  options.wantIR = !a.emitLlvm.empty();
  options.wantAsm = !a.emitAsm.empty();
  CompileResult r = compiler::compile(options);
  ctx.exitCode = report(r, a.json);
  // The optimised IR helps most when the BPF back end then refuses it.
  if (!a.emitLlvm.empty() && !r.irText.empty()) writeFile(a.emitLlvm, r.irText);
  if (!r.ok) return;
  writeFile(a.output, r.object.data(), r.object.size());
  if (!a.emitAsm.empty()) writeFile(a.emitAsm, r.asmText);
  if (!a.emitSchema.empty()) writeFile(a.emitSchema, r.schemaJson);
}

}  // namespace

void addCompileCommands(CLI::App& app, Context& ctx) {
  auto check = std::make_shared<CompileArgs>();
  auto* c = app.add_subcommand("check", "Parse and type-check a P4 program; print diagnostics");
  addFrontEndOptions(c, *check);
  c->add_flag("--dump-tokens", check->dumpTokens, "Print the preprocessed tokens on stdout");
  c->add_flag("--dump-ast", check->dumpAst, "Print the syntax tree on stdout");
  c->add_flag("--dump-types", check->dumpTypes, "Print each declaration's type on stdout");
  c->add_option("-W", check->warningFlags,
                "-Werror: warnings are errors; -Wno-NAME: drop warning NAME ([-WNAME])")
      ->type_name("error|no-NAME")
      ->allow_extra_args(false);
  c->add_option("--arch", check->arch,
                "Require `main` to instantiate this architecture's package (xdp, ebpfFilter; "
                "default: any architecture)")
      ->type_name("NAME");
  c->callback([check, &ctx] { runCheck(*check, ctx); });

  auto comp = std::make_shared<CompileArgs>();
  auto* k = app.add_subcommand("compile", "Compile a P4 program to an eBPF object file");
  addFrontEndOptions(k, *comp);
  k->add_option("-o,--output", comp->output, "Write the ELF object here")->required();
  k->add_option("--emit-llvm", comp->emitLlvm, "Also write the LLVM IR (text)")->type_name("FILE");
  k->add_option("--emit-asm", comp->emitAsm, "Also write the eBPF listing with P4 lines")
      ->type_name("FILE");
  k->add_option("--emit-schema", comp->emitSchema, "Also write the program schema (JSON)")
      ->type_name("FILE");
  k->add_flag("--no-stage-counters", comp->noStageCounters,
              "Leave out the per-stage packet counters");
  addStageCountersOption(k, comp->stageCounters);
  k->add_option("-O", comp->optLevel, "LLVM optimisation level")->check(CLI::Range(0, 3));
  k->callback([comp, &ctx] { runCompile(*comp, ctx); });
}

}  // namespace p4wb::app::cli
