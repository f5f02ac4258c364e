// The compiler's single entry point: P4_16 source in, diagnostics and an eBPF ELF
// object (with BTF, line info and the embedded program schema) out. Qt-free and
// libbpf-free; safe to call from any thread (each call owns its LLVMContext).
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace p4wb::compiler {

struct Diagnostic {
  enum class Severity { Error, Warning, Note };
  Severity severity = Severity::Error;
  std::string file;  // as the user named it (or the include path that found it)
  unsigned line = 0;  // 1-based; 0 when not tied to a place
  unsigned column = 0;  // 1-based
  // Just past the underlined source range on `line` (e.g. both operands of a bad binary
  // expression); 0 when the diagnostic has no range.
  unsigned endColumn = 0;
  std::string message;
  // gcc style: "file:line:col: error: message" (no trailing newline).
  std::string render() const;
};

// One line of a listing (eBPF instruction or IR line) and the P4 place it came from.
struct SourceMapEntry {
  unsigned listingLine = 0;  // 0-based line in asmText / irText
  std::uint32_t insnOffset = 0;  // eBPF only: instruction index in its ELF section
  std::string section;  // eBPF only: ELF section ("xdp")
  std::string file;  // P4 file as named in diagnostics
  unsigned line = 0;  // 1-based P4 line
  unsigned column = 0;
};

// One named declaration of the program (for the GUI: outline, go-to-definition, hover,
// completion). Filled on every compile, also frontEndOnly and after errors, as far as
// the program parsed.
struct SymbolInfo {
  std::string name;
  // parser, state, control, table, action, function (P4 function or extern function),
  // extern (extern object type), extern_method (methods and constructors), header
  // (also header_union), struct, field, enum, typedef (also `type`), const (also enum
  // members, container = the enum), variable, parameter, instance, package, value_set,
  // match_kind (a member), error (a member).
  std::string kind;
  std::string container;  // enclosing declaration's name (enum, control, ...); or empty
  std::string typeText;  // printed type: "bit<32>", "ipv4_t", a signature for callables
  std::string file;  // as in diagnostics
  unsigned line = 0, column = 0;  // 1-based place of the declared name
  // Just past the declaration's last token (exclusive; same file as `line`).
  unsigned endLine = 0, endColumn = 0;
  bool inMainFile = false;  // false for declarations of included files (core.p4, xdp.p4)
};

// One resolved use of a symbol's name (not its declaration).
struct SymbolReference {
  std::string file;
  unsigned line = 0, column = 0, length = 0;  // the name as written, 1-based column
  int symbol = -1;  // index into CompileResult::symbols
};

// Members of a named type, for completion after '.': fields of headers/structs/unions
// (headers also list isValid/setValid/setInvalid), methods of externs, members of
// enums, error and match_kind. Each member with its printed type (a signature for
// methods).
using TypeMemberList = std::vector<std::pair<std::string, std::string>>;
using TypeMembers = std::vector<std::pair<std::string, TypeMemberList>>;

struct CompileOptions {
  std::string inputPath;  // shown in diagnostics; read from disk unless inputText is set
  std::optional<std::string> inputText;  // editor buffer contents, if not saved
  std::vector<std::string> includeDirs;  // -I, searched before the built-in includes
  std::vector<std::pair<std::string, std::string>> defines;  // -D NAME[=VALUE]
  bool stageCounters = true;  // --no-stage-counters turns them off
  // --stage-counters=all: one add per stage where a packet enters it (the way before
  // edge counting; for comparisons). Default (edges): a few edge counters, each stage's
  // count a formula over them in the schema.
  bool stageCountersPerStage = false;
  // Also emit a tc classifier (`p4wb_tc`, section "tc") for the tc-ingress/tc-egress
  // hooks, next to the XDP program. Off by default: the runtime loads every program of
  // an object, so each extra one costs load time and verifier work.
  bool tcProgram = false;
  int optLevel = 2;  // LLVM optimisation level 0..3
#ifdef NDEBUG
  bool verifyIR = false;  // run LLVM's IR verifier on the lowered module (~1 % of a compile)
#else
  bool verifyIR = true;  // debug builds check every lowered module
#endif
  bool frontEndOnly = false;  // `p4wb check`: stop after semantic checks
  bool wantIR = true;  // fill CompileResult::irText
  bool wantAsm = true;  // fill CompileResult::asmText
  // Front-end views into CompileResult::dumpText (in this order), even when checks fail.
  bool dumpTokens = false;  // preprocessed tokens with their original places
  bool dumpAst = false;  // the syntax tree (with sema annotations)
  bool dumpTypes = false;  // the type of every declaration of the input file
  // `p4wb check --arch NAME`: "xdp" or "ebpfFilter" makes it an error when `main` does
  // not instantiate that architecture's package; empty or "any": every architecture.
  std::string architecture;
  bool warningsAsErrors = false;  // -Werror
  std::vector<std::string> disabledWarnings;  // -Wno-NAME, NAME as in "[-WNAME]" suffixes
  const std::atomic<bool>* cancel = nullptr;  // set to true to abandon the run
};

struct CompileResult {
  bool ok = false;  // no errors and (unless frontEndOnly) an object was produced
  bool cancelled = false;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::uint8_t> object;  // ELF (bpfel), ready for bpf_object__open_mem
  std::string irText;  // textual LLVM IR of the final module
  std::string asmText;  // eBPF listing, P4 source line above each group of insns
  std::string schemaJson;  // same text as the object's .p4wb.schema section
  std::string architecture;  // "xdp", "ebpfFilter", or empty when unknown
  std::string dumpText;  // CompileOptions::dumpTokens/dumpAst/dumpTypes output
  // Front-end diagnostics clang style: each with its source line and a caret.
  std::string diagnosticsText;
  std::size_t diagnosticsTextCount = 0;  // how many of `diagnostics` diagnosticsText shows
  // Linked selection (GUI): P4 place of every eBPF instruction line of asmText and of
  // every IR instruction line of irText that has one.
  std::vector<SourceMapEntry> asmSourceMap;
  std::vector<SourceMapEntry> irSourceMap;
  // Wall time of each stage of this call in milliseconds (0 for a stage not run), for
  // the compile-time benchmark: front end (preprocess, parse, sema), lowering to LLVM
  // IR, LLVM optimisation, BPF code generation (ELF object), listing (disassembly).
  struct StageTimes {
    double frontEndMs = 0, lowerMs = 0, optimizeMs = 0, codegenMs = 0, listingMs = 0;
  } stageTimes;
  // Symbol index (see SymbolInfo): declarations in source order, every resolved name
  // use, and the members of each named type.
  std::vector<SymbolInfo> symbols;
  std::vector<SymbolReference> references;
  TypeMembers typeMembers;

  bool hasErrors() const;
};

CompileResult compile(const CompileOptions& options);

}  // namespace p4wb::compiler
