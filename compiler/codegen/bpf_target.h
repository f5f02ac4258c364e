// The BPF code generator: a bpfel TargetMachine, the O0..O3 optimisation pipeline and
// ELF object emission into memory. The object carries BTF and .BTF.ext line info when the
// module has debug info. Every function is safe to call from several threads at once as
// long as each call uses its own LLVMContext/Module.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
class TargetMachine;
}  // namespace llvm

namespace p4wb::compiler {

// Triple and data layout every lowered module must use.
inline constexpr const char* kBpfTriple = "bpfel";

// A bpfel TargetMachine for CPU v3 (alu32 + jmp32), or nullptr with `error` filled.
std::unique_ptr<llvm::TargetMachine> createBpfTargetMachine(std::string& error);

// Sets the module's triple and data layout from `tm`.
void configureModuleForBpf(llvm::Module& module, llvm::TargetMachine& tm);

// Optimises the module at `optLevel`: 2 runs a reduced copy of LLVM's O2 pipeline tuned
// for one big BPF function (same code within 1 %, a third less time), 1 and 3 the new
// pass manager's default pipelines; all include the BPF target's own IR passes. 0 runs
// only SROA and mem2reg, which the verifier needs.
void optimizeModule(llvm::Module& module, llvm::TargetMachine& tm, int optLevel);

// Verifies the module; returns an empty string when it is well formed.
std::string checkModule(const llvm::Module& module);

// Emits an ELF relocatable object; false with `error` filled on failure.
bool emitObject(llvm::Module& module, llvm::TargetMachine& tm, std::vector<std::uint8_t>& object,
                std::string& error);

}  // namespace p4wb::compiler
