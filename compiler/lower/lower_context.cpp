// LowerContext: module, builders and debug-info plumbing for the lowering files.
#include "compiler/lower/lower_context.h"

#include <llvm/IR/InlineAsm.h>

#include <llvm/IR/Constants.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

namespace p4wb::compiler {

LowerContext::LowerContext(llvm::LLVMContext& context, const LowerSource& source)
    : m_context(context),
      m_module(std::make_unique<llvm::Module>(source.path, context)),
      m_builder(context) {
  m_module->setSourceFileName(source.path);
  // bpfel's layout from the start (codegen sets the TargetMachine's, the same string):
  // sizes measured while lowering (scratch-map offsets) must be the ones codegen uses.
  m_module->setDataLayout("e-m:e-p:64:64-i64:64-i128:128-n32:64-S128");
  // DWARF 5 is what lets a DIFile carry the source text (BTF line info reads it).
  m_module->addModuleFlag(llvm::Module::Warning, "Dwarf Version", 5);
  m_module->addModuleFlag(llvm::Module::Warning, "Debug Info Version",
                          llvm::DEBUG_METADATA_VERSION);
  m_di = std::make_unique<llvm::DIBuilder>(*m_module);
  // The file name stays as the user wrote it (BTF line info and listings show it).
  m_file = m_di->createFile(source.path, "", std::nullopt, llvm::StringRef(source.text));
  m_unit = m_di->createCompileUnit(llvm::dwarf::DW_LANG_C11, m_file, "p4wb", true, "", 0);
}

LowerContext::~LowerContext() = default;

std::unique_ptr<llvm::Module> LowerContext::takeModule() { return std::move(m_module); }

llvm::DIType* LowerContext::diInt() {
  if (!m_int) m_int = m_di->createBasicType("int", 32, llvm::dwarf::DW_ATE_signed);
  return m_int;
}

llvm::DIType* LowerContext::diU8() {
  if (!m_u8) m_u8 = m_di->createBasicType("unsigned char", 8, llvm::dwarf::DW_ATE_unsigned_char);
  return m_u8;
}

llvm::DIType* LowerContext::diU32() {
  if (!m_u32) m_u32 = m_di->createBasicType("unsigned int", 32, llvm::dwarf::DW_ATE_unsigned);
  return m_u32;
}

llvm::DIType* LowerContext::diU64() {
  if (!m_u64) m_u64 = m_di->createBasicType("unsigned long long", 64, llvm::dwarf::DW_ATE_unsigned);
  return m_u64;
}

llvm::DIType* LowerContext::diByteArray(std::uint64_t bytes) {
  llvm::Metadata* range = m_di->getOrCreateSubrange(0, static_cast<std::int64_t>(bytes));
  return m_di->createArrayType(bytes * 8, 8, diU8(), m_di->getOrCreateArray({range}));
}

llvm::Function* LowerContext::createProgramFunction(const std::string& name,
                                                    const std::string& section,
                                                    llvm::DIType* ctxType, unsigned line) {
  llvm::Type* i32 = m_builder.getInt32Ty();
  llvm::FunctionType* type = llvm::FunctionType::get(i32, {m_builder.getPtrTy()}, false);
  m_function = llvm::Function::Create(type, llvm::GlobalValue::ExternalLinkage, name, *m_module);
  m_function->setSection(section);
  m_function->setDSOLocal(true);
  m_function->addFnAttr(llvm::Attribute::NoUnwind);
  m_function->getArg(0)->setName("ctx");
  llvm::DIType* ctxPtr = m_di->createPointerType(ctxType, 64);
  llvm::DISubroutineType* diType =
      m_di->createSubroutineType(m_di->getOrCreateTypeArray({diInt(), ctxPtr}));
  m_subprogram = m_di->createFunction(
      m_file, name, llvm::StringRef(), m_file, line, diType, line, llvm::DINode::FlagPrototyped,
      llvm::DISubprogram::SPFlagDefinition | llvm::DISubprogram::SPFlagOptimized);
  m_function->setSubprogram(m_subprogram);
  llvm::DILocalVariable* arg =
      m_di->createParameterVariable(m_subprogram, "ctx", 1, m_file, line, ctxPtr, true);
  llvm::BasicBlock* entry = llvm::BasicBlock::Create(m_context, "entry", m_function);
  m_builder.SetInsertPoint(entry);
  setLocation(line, 1);
  m_di->insertDbgValueIntrinsic(m_function->getArg(0), arg, m_di->createExpression(),
                                m_builder.getCurrentDebugLocation().get(), entry);
  keep(m_function);
  return m_function;
}

void LowerContext::setLocation(unsigned line, unsigned column, llvm::DIScope* scope) {
  if (!m_subprogram) return;
  m_builder.SetCurrentDebugLocation(
      llvm::DILocation::get(m_context, line, column, scope ? scope : m_subprogram));
}

llvm::CallInst* LowerContext::callHelper(BpfHelper id, llvm::Type* result,
                                         llvm::ArrayRef<llvm::Value*> args) {
  std::vector<llvm::Type*> params;
  for (llvm::Value* arg : args) params.push_back(arg->getType());
  llvm::FunctionType* type = llvm::FunctionType::get(result, params, false);
  llvm::Constant* callee = llvm::ConstantExpr::getIntToPtr(
      m_builder.getInt64(static_cast<std::uint64_t>(id)), m_builder.getPtrTy());
  return m_builder.CreateCall(type, callee, args);
}

llvm::AllocaInst* LowerContext::zeroKey() {
  llvm::AllocaInst*& key = m_zeroKeys[m_function];
  if (key) return key;
  key = entryAlloca(llvm::Type::getInt32Ty(m_context), "zero_key");
  llvm::IRBuilder<> b(key->getParent(), std::next(key->getIterator()));
  b.SetCurrentDebugLocation(m_builder.getCurrentDebugLocation());
  b.CreateStore(b.getInt32(0), key);
  return key;
}

llvm::StructType* LowerContext::namedStruct(llvm::ArrayRef<llvm::Type*> fields, const std::string& name) {
  if (llvm::StructType* old = llvm::StructType::getTypeByName(m_context, name); old && !m_structs.count(old))
    old->setName("");
  llvm::StructType* t = llvm::StructType::create(m_context, fields, name);
  m_structs.insert(t);
  return t;
}

llvm::AllocaInst* LowerContext::entryAlloca(llvm::Type* type, const std::string& name) {
  llvm::BasicBlock& entry = m_function->getEntryBlock();
  llvm::IRBuilder<> b(&entry, entry.getFirstInsertionPt());
  return b.CreateAlloca(type, nullptr, name);
}

llvm::Value* LowerContext::opaque(llvm::Value* v) {
  llvm::Type* i64 = llvm::Type::getInt64Ty(m_context);
  auto* asmBarrier =
      llvm::InlineAsm::get(llvm::FunctionType::get(i64, {i64}, false), "", "=r,0", false);
  return m_builder.CreateCall(asmBarrier, {v});
}

llvm::Function* LowerContext::createLoopCallback(const std::string& name, unsigned line) {
  llvm::Type* i64 = llvm::Type::getInt64Ty(m_context);
  auto* type = llvm::FunctionType::get(i64, {i64, llvm::PointerType::get(m_context, 0)}, false);
  llvm::Function* f =
      llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, name, *m_module);
  f->addFnAttr(llvm::Attribute::NoUnwind);
  llvm::DIBuilder& di = *m_di;
  llvm::DIType* ctxPtr = di.createPointerType(diU8(), 64);
  llvm::DISubprogram* sp = di.createFunction(
      m_file, f->getName(), llvm::StringRef(), m_file, line,
      di.createSubroutineType(di.getOrCreateTypeArray({diU64(), diU64(), ctxPtr})), line,
      llvm::DINode::FlagPrototyped,
      llvm::DISubprogram::SPFlagDefinition | llvm::DISubprogram::SPFlagOptimized |
          llvm::DISubprogram::SPFlagLocalToUnit);
  f->setSubprogram(sp);
  di.createParameterVariable(sp, "index", 1, m_file, line, diU64(), true);
  di.createParameterVariable(sp, "ctx", 2, m_file, line, ctxPtr, true);
  m_builder.SetInsertPoint(llvm::BasicBlock::Create(m_context, "entry", f));
  m_builder.SetCurrentDebugLocation(llvm::DILocation::get(m_context, line, 1, sp));
  return f;
}

void LowerContext::keep(llvm::GlobalValue* global) { m_used.push_back(global); }

void LowerContext::defineLicense(const std::string& license) {
  llvm::Constant* text = llvm::ConstantDataArray::getString(m_context, license, true);
  auto* global = new llvm::GlobalVariable(*m_module, text->getType(), false,
                                          llvm::GlobalValue::ExternalLinkage, text, "_license");
  global->setSection("license");
  global->setAlignment(llvm::Align(1));
  global->setDSOLocal(true);
  llvm::DIType* type = m_di->createArrayType(
      (license.size() + 1) * 8, 8,
      m_di->createBasicType("char", 8, llvm::dwarf::DW_ATE_signed_char),
      m_di->getOrCreateArray({m_di->getOrCreateSubrange(0, (int64_t)license.size() + 1)}));
  global->addDebugInfo(
      m_di->createGlobalVariableExpression(m_unit, "_license", "", m_file, 0, type, false));
  keep(global);
}

void LowerContext::finalize() {
  if (!m_used.empty()) {
    std::vector<llvm::GlobalValue*> values;
    for (llvm::Constant* c : m_used) values.push_back(llvm::cast<llvm::GlobalValue>(c));
    llvm::appendToCompilerUsed(*m_module, values);
    m_used.clear();
  }
  m_di->finalize();
}

}  // namespace p4wb::compiler
