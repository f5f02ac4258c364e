// compile(): front end -> lowering -> BPF optimisation and emission -> annotated listing.
// Each call owns its LLVMContext; LLVM's own diagnostics are collected instead of
// terminating the process.
#include "compiler/driver/driver.h"

#include <chrono>

#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/DiagnosticPrinter.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include "compiler/arch/arch.h"
#include "compiler/codegen/bpf_target.h"
#include "compiler/codegen/disassembler.h"
#include "compiler/codegen/ir_listing.h"
#include "compiler/lower/lower.h"
#include "compiler/sema/frontend.h"
#include "compiler/sema/symbol_index.h"

namespace p4wb::compiler {

std::string Diagnostic::render() const {
  const char* kind = severity == Severity::Error     ? "error"
                     : severity == Severity::Warning ? "warning"
                                                     : "note";
  std::string out;
  if (!file.empty()) {
    out += file;
    out += ':';
    if (line != 0) {
      out += std::to_string(line) + ':';
      if (column != 0) out += std::to_string(column) + ':';
    }
    out += ' ';
  }
  out += kind;
  out += ": ";
  out += message;
  return out;
}

bool CompileResult::hasErrors() const {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Diagnostic::Severity::Error) return true;
  return false;
}

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool cancelled(const CompileOptions& options) {
  return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

void addError(CompileResult& result, const std::string& file, const std::string& message,
              unsigned line = 0, unsigned column = 0) {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.column = column;
  d.message = message;
  result.diagnostics.push_back(std::move(d));
}

// LLVM reports backend problems (e.g. the BPF stack limit, 128-bit division) through
// the context; they become diagnostics at the P4 place the instruction came from.
void collectLlvmDiagnostic(const llvm::DiagnosticInfo* info, void* context) {
  if (info->getSeverity() != llvm::DS_Error) return;
  Diagnostic d;
  std::string text;
  if (const auto* u = llvm::dyn_cast<llvm::DiagnosticInfoUnsupported>(info)) {
    text = u->getMessage().str();
    if (u->isLocationAvailable()) {
      d.file = u->getLocation().getRelativePath().str();
      d.line = u->getLocation().getLine();
      d.column = u->getLocation().getColumn();
    }
  } else {
    llvm::raw_string_ostream os(text);
    llvm::DiagnosticPrinterRawOStream printer(os);
    info->print(printer);
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  d.message = "the BPF back end cannot generate this: " + text;
  auto* out = static_cast<std::vector<Diagnostic>*>(context);
  for (const Diagnostic& seen : *out) {
    if (seen.file != d.file || seen.line != d.line || seen.column != d.column) continue;
    // One problem per place: a 128-bit libcall also trips "only small returns".
    return;
  }
  out->push_back(std::move(d));
}

// Emits the object and the listing for an optimised module; false on failure.
bool emit(llvm::Module& module, llvm::TargetMachine& tm, const FrontEndResult& fe,
          const CompileOptions& options, CompileResult& result) {
  std::string error;
  Clock::time_point start = Clock::now();
  bool emitted = emitObject(module, tm, result.object, error);
  result.stageTimes.codegenMs = msSince(start);
  if (!emitted) {
    addError(result, options.inputPath, "code generation failed: " + error);
    return false;
  }
  if (!options.wantAsm) return true;
  start = Clock::now();
  const SourceManager& sources = *fe.sources;
  FileId mainFile = fe.programInfo.main ? fe.programInfo.main->loc.file : 0;
  SourceLineLookup lookup = [&sources, mainFile](const std::string& file,
                                                 unsigned line) -> std::optional<std::string> {
    if (file == kUnnamedSource && mainFile != 0 && sources.name(mainFile).empty())
      return std::string(sources.lineText(mainFile, line));
    for (FileId id = 1; id <= sources.fileCount(); ++id)
      if (sources.name(id) == file) return std::string(sources.lineText(id, line));
    return std::nullopt;
  };
  std::optional<Listing> listing = disassembleBpfObject(result.object, lookup, error);
  result.stageTimes.listingMs = msSince(start);
  if (!listing) {
    result.asmText = "; disassembly failed: " + error + "\n";
    return true;
  }
  result.asmText = std::move(listing->text);
  for (const InsnLocation& insn : listing->insns) {
    if (insn.line == 0) continue;
    result.asmSourceMap.push_back({insn.listingLine, static_cast<std::uint32_t>(insn.offset / 8),
                                   insn.section, insn.file, insn.line, insn.column});
  }
  return true;
}

// --arch NAME: the program must be written for that architecture.
void checkRequestedArchitecture(const FrontEndResult& fe, const CompileOptions& options,
                                CompileResult& result) {
  const std::string& want = options.architecture;
  if (want.empty() || want == "any" || fe.hasErrors()) return;
  std::string known;
  for (const arch::ArchModel& m : arch::allArchModels()) {
    if (m.packageName == want) {
      if (result.architecture == want) return;
      std::string found = result.architecture.empty() ? std::string("no known architecture")
                                                      : "'" + result.architecture + "'";
      addError(result, options.inputPath,
               "--arch " + want + ": `main` must instantiate package '" + want +
                   "' (from " + std::string(m.includeFile) + "); the program uses " + found);
      return;
    }
    known += (known.empty() ? "" : ", ") + std::string(m.packageName);
  }
  addError(result, options.inputPath,
           "--arch " + want + ": unknown architecture (known: " + known + ", any)");
}

void runBackEnd(const FrontEndResult& fe, const CompileOptions& options, CompileResult& result) {
  llvm::LLVMContext context;
  std::vector<Diagnostic> llvmErrors;
  context.setDiagnosticHandlerCallBack(collectLlvmDiagnostic, &llvmErrors);
  LowerOptions lowerOptions;
  lowerOptions.inputPath = options.inputPath;
  lowerOptions.stageCounters = options.stageCounters;
  lowerOptions.stagePlacement =
      options.stageCountersPerStage ? StagePlacement::Stages : StagePlacement::Edges;
  lowerOptions.tcProgram = options.tcProgram;
  Clock::time_point start = Clock::now();
  LowerResult lowered = lowerProgram(context, fe, lowerOptions);
  result.stageTimes.lowerMs = msSince(start);
  for (const LowerError& e : lowered.errors)
    addError(result, std::string(fe.sources->name(e.loc.file)), e.message, e.loc.line,
             e.loc.column);
  if (!lowered.module || !lowered.errors.empty()) return;
  std::string error;
  std::unique_ptr<llvm::TargetMachine> tm = createBpfTargetMachine(error);
  if (!tm) {
    addError(result, options.inputPath, "cannot create the BPF target: " + error);
    return;
  }
  configureModuleForBpf(*lowered.module, *tm);
  if (options.verifyIR) {
    if (std::string problem = checkModule(*lowered.module); !problem.empty()) {
      addError(result, options.inputPath, "internal compiler error: invalid LLVM IR: " + problem);
      return;
    }
  }
  if (cancelled(options)) {
    result.cancelled = true;
    return;
  }
  start = Clock::now();
  optimizeModule(*lowered.module, *tm, options.optLevel);
  result.stageTimes.optimizeMs = msSince(start);
  if (options.wantIR) {
    std::vector<IrLineLocation> locations;
    result.irText = printModuleWithLocations(*lowered.module, locations);
    for (const IrLineLocation& l : locations)
      result.irSourceMap.push_back({l.listingLine, 0, "", l.file, l.line, l.column});
  }
  result.schemaJson = buildSchemaJson(lowered.layout);
  bool emitted = emit(*lowered.module, *tm, fe, options, result);
  for (Diagnostic& e : llvmErrors) {
    if (e.file.empty()) e.file = options.inputPath;
    result.diagnostics.push_back(e);
  }
  if (!emitted || !llvmErrors.empty()) result.object.clear();
}

}  // namespace

CompileResult compile(const CompileOptions& options) {
  CompileResult result;
  FrontEndOptions fo;
  fo.inputPath = options.inputPath;
  fo.inputText = options.inputText;
  fo.includeDirs = options.includeDirs;
  fo.defines = options.defines;
  fo.cancel = options.cancel;
  fo.werror = options.warningsAsErrors;
  fo.disabledWarnings = options.disabledWarnings;
  fo.dumpTokens = options.dumpTokens;
  Clock::time_point start = Clock::now();
  FrontEndResult fe = runFrontEnd(fo);
  result.stageTimes.frontEndMs = msSince(start);
  result.diagnostics = fe.diagnostics();
  if (fe.diags) result.diagnosticsText = fe.diags->renderAll();
  result.diagnosticsTextCount = result.diagnostics.size();
  result.dumpText = fe.tokenDump;
  if (fe.program && options.dumpAst) result.dumpText += dumpAst(*fe.program, fe.sources.get());
  if (fe.program && options.dumpTypes)
    result.dumpText += dumpTypes(*fe.program, *fe.sources, fe.mainFile);
  result.architecture = std::string(arch::archName(fe.programInfo.arch));
  checkRequestedArchitecture(fe, options, result);
  if (fe.program && fe.sources) {
    SymbolIndex index = buildSymbolIndex(*fe.program, *fe.sources, fe.mainFile);
    result.symbols = std::move(index.symbols);
    result.references = std::move(index.references);
    result.typeMembers = std::move(index.typeMembers);
  }
  if (fe.cancelled || cancelled(options)) {
    result.cancelled = true;
    return result;
  }
  if (fe.hasErrors()) {
    if (!result.hasErrors()) addError(result, options.inputPath, "the front end failed");
    return result;
  }
  if (result.hasErrors()) return result;  // e.g. --arch mismatch
  if (!options.frontEndOnly) runBackEnd(fe, options, result);
  result.ok =
      !result.hasErrors() && !result.cancelled && (options.frontEndOnly || !result.object.empty());
  return result;
}

}  // namespace p4wb::compiler
