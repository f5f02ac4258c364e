// The state shared by every lowering file: the LLVM module being built, its IRBuilder,
// the DIBuilder (compile unit, P4 source file with embedded text, the program's
// subprogram) and helpers for BPF helper calls. Every instruction emitted through
// builder() carries the DILocation last set with setLocation().
#pragma once

#include <llvm/IR/DIBuilder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

namespace p4wb::compiler {

// BPF helper ids from include/uapi/linux/bpf.h (stable kernel ABI).
enum class BpfHelper : std::uint64_t {
  MapLookupElem = 1,
  MapUpdateElem = 2,
  MapDeleteElem = 3,
  Loop = 181,  // bpf_loop
  GetPrandomU32 = 7,
  SkbStoreBytes = 9,
  SkbVlanPop = 19,
  Redirect = 23,
  PerfEventOutput = 25,
  SkbLoadBytes = 26,
  SkbChangeHead = 43,
  XdpAdjustHead = 44,
  SkbAdjustRoom = 50,
  XdpLoadBytes = 189,
  XdpStoreBytes = 190,
};

struct LowerSource {
  std::string path;  // the P4 file as the user named it
  std::string text;  // its contents, embedded in the debug info for BTF line info
};

class LowerContext {
 public:
  LowerContext(llvm::LLVMContext& context, const LowerSource& source);
  ~LowerContext();

  llvm::LLVMContext& context() { return m_context; }
  llvm::Module& module() { return *m_module; }
  std::unique_ptr<llvm::Module> takeModule();
  llvm::IRBuilder<>& builder() { return m_builder; }
  llvm::DIBuilder& di() { return *m_di; }
  llvm::DIFile* diFile() const { return m_file; }
  llvm::DICompileUnit* diUnit() const { return m_unit; }

  // Debug types used everywhere (BTF names follow the kernel's C spelling).
  llvm::DIType* diInt();
  llvm::DIType* diU8();
  llvm::DIType* diU32();
  llvm::DIType* diU64();
  llvm::DIType* diByteArray(std::uint64_t bytes);

  // Creates `name` in `section` returning i32 and taking one pointer (the context),
  // with a DISubprogram whose parameter is a pointer to `ctxType`.
  llvm::Function* createProgramFunction(const std::string& name, const std::string& section,
                                        llvm::DIType* ctxType, unsigned line);
  llvm::Function* function() const { return m_function; }
  llvm::DISubprogram* subprogram() const { return m_subprogram; }

  // Sets the location attached to the instructions emitted next (line 0: artificial).
  // `scope` defaults to the program's subprogram; pass a DILexicalBlockFile for code
  // that comes from another file (an include).
  void setLocation(unsigned line, unsigned column, llvm::DIScope* scope = nullptr);

  // Emits `call inttoptr(id)(args...)` the way the BPF backend expects helper calls.
  llvm::CallInst* callHelper(BpfHelper id, llvm::Type* result, llvm::ArrayRef<llvm::Value*> args);
  // `v` (i64) through an empty asm: the same value, but LLVM can no longer reason about
  // it (fold a product back into a wide mul, drop a check it proves redundant, move a
  // bounds check away from the register the verifier must see bounded).
  llvm::Value* opaque(llvm::Value* v);
  // An internal `long name(u64 index, void *ctx)` for bpf_loop, with the BTF (named
  // arguments) the kernel requires. The caller saves the builder: it is left in the new
  // function's entry block, located at `line`.
  llvm::Function* createLoopCallback(const std::string& name, unsigned line);

  // An alloca in the entry block (so mem2reg/SROA can promote it).
  llvm::AllocaInst* entryAlloca(llvm::Type* type, const std::string& name);
  // A named struct type. A type of that name left in the LLVMContext by an earlier
  // lowering (lowerProgram() may lower twice) gives its name up, so the IR reads the same.
  llvm::StructType* namedStruct(llvm::ArrayRef<llvm::Type*> fields, const std::string& name);
  // One `u32 0` per function, set in the entry block, for every lookup keyed by 0 (stage
  // counters, default slots): map helpers never write their key, so sharing it saves stack.
  llvm::AllocaInst* zeroKey();

  // Marks a global as used so the optimiser keeps it (maps, license, schema).
  void keep(llvm::GlobalValue* global);

  // The "license" section; GPL so GPL-only helpers are allowed.
  void defineLicense(const std::string& license);

  // Finishes the debug info; call once after all code and types are emitted.
  void finalize();

 private:
  llvm::LLVMContext& m_context;
  std::unordered_map<llvm::Function*, llvm::AllocaInst*> m_zeroKeys;
  std::unique_ptr<llvm::Module> m_module;
  llvm::IRBuilder<> m_builder;
  std::unique_ptr<llvm::DIBuilder> m_di;
  llvm::DIFile* m_file = nullptr;
  llvm::DICompileUnit* m_unit = nullptr;
  llvm::Function* m_function = nullptr;
  llvm::DISubprogram* m_subprogram = nullptr;
  llvm::DIType* m_int = nullptr;
  llvm::DIType* m_u8 = nullptr;
  llvm::DIType* m_u32 = nullptr;
  llvm::DIType* m_u64 = nullptr;
  std::vector<llvm::Constant*> m_used;
  std::set<llvm::StructType*> m_structs;  // the named structs this lowering created
};

}  // namespace p4wb::compiler
