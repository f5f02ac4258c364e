// runFrontEnd: the front end's stages in order, each with its own entry point:
//   1. load the input into the SourceManager
//   2. preprocess (lexes every file; includes, macros, conditionals)
//   3. parse the token stream into an ast::Program
//   4. sema: names, types, constants, tables, parser transitions, architecture
#include "compiler/sema/frontend.h"

#include "compiler/driver/driver.h"
#include "compiler/parse/parser.h"
#include "compiler/preprocess/preprocessor.h"
#include "compiler/sema/sema.h"

namespace p4wb::compiler {

std::vector<Diagnostic> FrontEndResult::diagnostics() const {
  if (!diags) return {};
  return toDriverDiagnostics(*diags);
}

namespace {

bool isCancelled(const FrontEndOptions& o) { return o.cancel && o.cancel->load(); }

}  // namespace

FrontEndResult runFrontEnd(const FrontEndOptions& options) {
  FrontEndResult r;
  r.sources = std::make_unique<SourceManager>();
  r.diags = std::make_unique<DiagnosticEngine>(*r.sources);
  r.types = std::make_unique<sema::TypeContext>();
  r.diags->setWarningPolicy(options.werror, options.disabledWarnings);

  FileId mainFile = 0;
  if (options.inputText) {
    mainFile = r.sources->addBuffer(options.inputPath, *options.inputText);
  } else {
    mainFile = r.sources->addFile(options.inputPath);
    if (mainFile == 0) {
      r.diags->error(DiagKind::CannotOpenFile, {}, options.inputPath);
      return r;
    }
  }

  PreprocessOptions ppo;
  ppo.mainFile = mainFile;
  r.mainFile = mainFile;
  ppo.includeDirs = options.includeDirs;
  ppo.defines = options.defines;
  ppo.cancel = options.cancel;
  PreprocessResult pp = preprocess(*r.sources, *r.diags, ppo);
  if (pp.cancelled || isCancelled(options)) {
    r.cancelled = true;
    return r;
  }

  if (options.dumpTokens) r.tokenDump = dumpTokens(pp.tokens, *r.sources);

  ParseOptions po;
  po.tokens = &pp.tokens;
  po.diags = r.diags.get();
  po.cancel = options.cancel;
  ParseResult parsed = parseProgram(po);
  r.program = std::move(parsed.program);
  if (parsed.cancelled || isCancelled(options)) {
    r.cancelled = true;
    return r;
  }
  if (options.parseOnly) return r;

  sema::SemaOptions so;
  so.program = r.program.get();
  so.types = r.types.get();
  so.diags = r.diags.get();
  so.requireMain = options.requireMain;
  sema::SemaResult sr = sema::runSema(so);
  r.programInfo = sr.programInfo;
  return r;
}

}  // namespace p4wb::compiler
