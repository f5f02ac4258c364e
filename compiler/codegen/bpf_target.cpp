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
#include <llvm/Transforms/IPO/GlobalDCE.h>
#include <llvm/Transforms/IPO/GlobalOpt.h>
#include <llvm/Transforms/IPO/SCCP.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/CorrelatedValuePropagation.h>
#include <llvm/Transforms/Scalar/DeadStoreElimination.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/GVN.h>
#include <llvm/Transforms/Scalar/JumpThreading.h>
#include <llvm/Transforms/Scalar/MemCpyOptimizer.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
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

llvm::SimplifyCFGPass simplifyCfg(bool switchRangeToICmp = false, bool sinkCommonInsts = false,
                                  bool speculateUnpredictables = false) {
  return llvm::SimplifyCFGPass(llvm::SimplifyCFGOptions()
                                   .convertSwitchRangeToICmp(switchRangeToICmp)
                                   .hoistCommonInsts(sinkCommonInsts)
                                   .sinkCommonInsts(sinkCommonInsts)
                                   .speculateUnpredictables(speculateUnpredictables));
}

// -O2: the passes of LLVM's O2 pipeline that change the code of our programs, in O2's
// order. A lowered program is one big function with no calls to inline, no loops (the
// parser is a DAG; loops are bpf_loop callbacks) and no vectors, so O2's inliner,
// loop, vectoriser and attribute passes only cost time, and of its 8 InstCombine and 12
// SimplifyCFG runs three and six are left (docs/performance.md, "Compiler speed", has
// the measurements: -30 % optimisation time, instruction counts within 1 % of O2).
// The BPF target's own passes come in through its pipeline callbacks, as in O2.
llvm::ModulePassManager buildBpfO2Pipeline(llvm::PassBuilder& pb) {
  const llvm::OptimizationLevel level = llvm::OptimizationLevel::O2;
  llvm::ModulePassManager mpm;
  pb.invokePipelineStartEPCallbacks(mpm, level);
  llvm::FunctionPassManager early;
  early.addPass(simplifyCfg());
  early.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
  early.addPass(llvm::EarlyCSEPass());
  mpm.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(early)));
  pb.invokePipelineEarlySimplificationEPCallbacks(mpm, level);
  mpm.addPass(llvm::IPSCCPPass());
  mpm.addPass(llvm::GlobalOptPass());

  llvm::FunctionPassManager fpm;
  fpm.addPass(llvm::PromotePass());
  fpm.addPass(llvm::InstCombinePass());
  pb.invokePeepholeEPCallbacks(fpm, level);
  fpm.addPass(simplifyCfg(true));
  // O2's function simplification pipeline, reduced.
  fpm.addPass(llvm::JumpThreadingPass());
  fpm.addPass(llvm::CorrelatedValuePropagationPass());
  fpm.addPass(simplifyCfg(true));
  fpm.addPass(llvm::InstCombinePass());
  pb.invokePeepholeEPCallbacks(fpm, level);
  fpm.addPass(llvm::GVNPass());
  fpm.addPass(llvm::JumpThreadingPass());
  fpm.addPass(llvm::CorrelatedValuePropagationPass());
  fpm.addPass(llvm::MemCpyOptPass());
  fpm.addPass(llvm::DSEPass());
  pb.invokeScalarOptimizerLateEPCallbacks(fpm, level);
  fpm.addPass(simplifyCfg(true, true));
  fpm.addPass(llvm::InstCombinePass());
  pb.invokePeepholeEPCallbacks(fpm, level);
  // O2's last SimplifyCFG.
  fpm.addPass(simplifyCfg(true, false, true));
  mpm.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(fpm)));
  mpm.addPass(llvm::GlobalDCEPass());
  return mpm;
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
  } else if (optLevel == 2) {
    mpm = buildBpfO2Pipeline(pb);
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
