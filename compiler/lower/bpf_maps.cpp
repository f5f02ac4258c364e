// BTF-defined map globals (see bpf_maps.h).
#include "compiler/lower/bpf_maps.h"

#include <llvm/IR/Constants.h>

namespace p4wb::compiler {

namespace {

llvm::DINodeArray memberArray(LowerContext& ctx, llvm::DIScope* scope,
                              const std::vector<BtfMember>& members, unsigned line) {
  std::vector<llvm::Metadata*> elements;
  for (const BtfMember& m : members) {
    elements.push_back(ctx.di().createMemberType(scope, m.name, ctx.diFile(), line,
                                                 m.type->getSizeInBits(), 8, m.offset * 8,
                                                 llvm::DINode::FlagZero, m.type));
  }
  return ctx.di().getOrCreateArray(elements);
}

// `__uint(name, value)` is `int (*name)[value]`: libbpf reads the number from the
// array's element count.
llvm::DIType* uintMemberType(LowerContext& ctx, std::uint32_t value) {
  llvm::Metadata* range = ctx.di().getOrCreateSubrange(0, static_cast<std::int64_t>(value));
  llvm::DIType* array = ctx.di().createArrayType(std::uint64_t{value} * 32, 32, ctx.diInt(),
                                                 ctx.di().getOrCreateArray({range}));
  return ctx.di().createPointerType(array, 64);
}

}  // namespace

llvm::DICompositeType* createBtfStruct(LowerContext& ctx, const std::string& name,
                                       std::uint64_t size, const std::vector<BtfMember>& members,
                                       unsigned line) {
  llvm::DICompositeType* type =
      ctx.di().createStructType(ctx.diUnit(), name, ctx.diFile(), line, size * 8, 8,
                                llvm::DINode::FlagZero, nullptr, llvm::DINodeArray());
  ctx.di().replaceArrays(type, memberArray(ctx, type, members, line));
  return type;
}

llvm::DICompositeType* createBtfUnion(LowerContext& ctx, const std::string& name,
                                      std::uint64_t size, const std::vector<BtfMember>& members,
                                      unsigned line) {
  llvm::DICompositeType* type =
      ctx.di().createUnionType(ctx.diUnit(), name, ctx.diFile(), line, size * 8, 8,
                               llvm::DINode::FlagZero, llvm::DINodeArray());
  ctx.di().replaceArrays(type, memberArray(ctx, type, members, line));
  return type;
}

llvm::GlobalVariable* declareMap(LowerContext& ctx, const std::string& name, bool withFlags) {
  // One pointer per member of the definition struct, like clang's layout.
  llvm::Type* ptr = ctx.builder().getPtrTy();
  std::vector<llvm::Type*> fields(withFlags ? 5 : 4, ptr);
  llvm::StructType* type = llvm::StructType::get(ctx.context(), fields);
  auto* global =
      new llvm::GlobalVariable(ctx.module(), type, false, llvm::GlobalValue::ExternalLinkage,
                               llvm::Constant::getNullValue(type), name);
  global->setSection(".maps");
  global->setAlignment(llvm::Align(8));
  global->setDSOLocal(true);
  ctx.keep(global);
  return global;
}

void describeMap(LowerContext& ctx, llvm::GlobalVariable* global, const MapDefinition& def) {
  llvm::DIBuilder& di = ctx.di();
  std::vector<BtfMember> members = {
      {"type", uintMemberType(ctx, static_cast<std::uint32_t>(def.type)), 0},
      {"key", di.createPointerType(def.key, 64), 8},
      {"value", di.createPointerType(def.value, 64), 16},
      {"max_entries", uintMemberType(ctx, def.maxEntries), 24},
  };
  if (def.flags != 0) members.push_back({"map_flags", uintMemberType(ctx, def.flags), 32});
  llvm::DICompositeType* defType = createBtfStruct(ctx, "", members.size() * 8, members, def.line);
  global->addDebugInfo(di.createGlobalVariableExpression(ctx.diUnit(), def.name, "", ctx.diFile(),
                                                         def.line, defType, false));
}

llvm::GlobalVariable* defineMap(LowerContext& ctx, const MapDefinition& def) {
  llvm::GlobalVariable* global = declareMap(ctx, def.name, def.flags != 0);
  describeMap(ctx, global, def);
  return global;
}

llvm::Value* emitMapLookup(LowerContext& ctx, llvm::GlobalVariable* map, llvm::Value* keyPtr) {
  llvm::CallInst* call =
      ctx.callHelper(BpfHelper::MapLookupElem, ctx.builder().getPtrTy(), {map, keyPtr});
  // The kernel keeps map values 8-byte aligned; saying so lets LLVM use wide loads.
  call->addRetAttr(llvm::Attribute::getWithAlignment(ctx.context(), llvm::Align(8)));
  return call;
}

}  // namespace p4wb::compiler
