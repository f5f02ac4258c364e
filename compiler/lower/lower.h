// The lowering stage's entry point: a checked front-end result (AST + types + the
// architecture binding) in, an LLVM module for the BPF target plus the program layout
// (maps, tables, stages; the schema's content) out. Constructs the back end cannot
// lower yet become error diagnostics at their location, never a crash.
#pragma once

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <string>
#include <vector>

#include "compiler/lower/program_layout.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

struct FrontEndResult;

struct LowerOptions {
  std::string inputPath;  // the main P4 file as the user named it
  bool stageCounters = true;
  // Edges: count a few control-flow edges and derive the stages (stage_profile.h);
  // Stages: one add per stage where a packet enters it.
  StagePlacement stagePlacement = StagePlacement::Edges;
  // Also emit `p4wb_tc` (section "tc") for the tc-ingress/tc-egress hooks.
  bool tcProgram = false;
};

struct LowerError {
  SourceLocation loc;
  std::string message;
};

struct LowerResult {
  std::unique_ptr<llvm::Module> module;  // null when errors were reported
  ProgramLayout layout;
  std::vector<LowerError> errors;
};

// Lowers an xdp or ebpfFilter program. `frontEnd` must have no errors and a valid ProgramInfo.
LowerResult lowerProgram(llvm::LLVMContext& context, const FrontEndResult& frontEnd,
                         const LowerOptions& options);

// ELF section and function name of the generated XDP program.
inline constexpr const char* kXdpSection = "xdp";
inline constexpr const char* kXdpFunction = "p4wb_xdp";
inline constexpr const char* kTcSection = "tc";
// Debug-info name of a buffer that has no name (an unsaved editor buffer).
inline constexpr const char* kUnnamedSource = "untitled.p4";
inline constexpr const char* kTcFunction = "p4wb_tc";

}  // namespace p4wb::compiler
