// BPF TargetMachine creation, optimisation and object emission (see bpf_target.h).
#include "compiler/codegen/bpf_target.h"

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Utils/Mem2Reg.h>

#include <mutex>

extern "C" {
void LLVMInitializeBPFTargetInfo();
void LLVMInitializeBPFTarget();
void LLVMInitializeBPFTargetMC();
void LLVMInitializeBPFAsmPrinter();
void LLVMInitializeBPFDisassembler();
}

namespace p4wb::compiler {

namespace {

// LLVM's target registry is process-global; registering twice is harmless but racy.
void initializeBpfTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeBPFTargetInfo();
    LLVMInitializeBPFTarget();
    LLVMInitializeBPFTargetMC();
    LLVMInitializeBPFAsmPrinter();
    LLVMInitializeBPFDisassembler();
  });
}

llvm::OptimizationLevel passBuilderLevel(int optLevel) {
  switch (optLevel) {
    case 0:
      return llvm::OptimizationLevel::O0;
    case 1:
      return llvm::OptimizationLevel::O1;
    case 3:
      return llvm::OptimizationLevel::O3;
    default:
      return llvm::OptimizationLevel::O2;
  }
}

}  // namespace

std::unique_ptr<llvm::TargetMachine> createBpfTargetMachine(std::string& error) {
  initializeBpfTarget();
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(kBpfTriple, error);
  if (target == nullptr) return nullptr;
  llvm::TargetOptions options;
  std::unique_ptr<llvm::TargetMachine> tm(
      target->createTargetMachine(kBpfTriple, "v3", "", options, llvm::Reloc::Static, std::nullopt,
                                  llvm::CodeGenOptLevel::Default));
  if (!tm) error = "cannot create the BPF target machine";
  return tm;
}

void configureModuleForBpf(llvm::Module& module, llvm::TargetMachine& tm) {
  module.setTargetTriple(tm.getTargetTriple().str());
  module.setDataLayout(tm.createDataLayout());
}

void optimizeModule(llvm::Module& module, llvm::TargetMachine& tm, int optLevel) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm;
  if (optLevel <= 0) {
    // Even unoptimised code needs its locals in registers: the verifier cannot follow
    // packet offsets through stack spills.
    llvm::FunctionPassManager fpm;
    fpm.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
    fpm.addPass(llvm::PromotePass());
    mpm.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(fpm)));
  } else {
    mpm = pb.buildPerModuleDefaultPipeline(passBuilderLevel(optLevel));
  }
  mpm.run(module, mam);
}

std::string checkModule(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (!llvm::verifyModule(module, &os)) return {};
  os.flush();
  return text.empty() ? std::string("invalid LLVM module") : text;
}

bool emitObject(llvm::Module& module, llvm::TargetMachine& tm, std::vector<std::uint8_t>& object,
                std::string& error) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream os(buffer);
  llvm::legacy::PassManager pm;
  if (tm.addPassesToEmitFile(pm, os, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    error = "the BPF target cannot emit an object file";
    return false;
  }
  pm.run(module);
  object.assign(buffer.begin(), buffer.end());
  return true;
}

}  // namespace p4wb::compiler
