// p4wb_externs.p4: Register (BPF ARRAY, u32 index -> packed T), FlowTable (BPF LRU_HASH,
// packed K -> packed V) and p4wb_hash (32-bit FNV-1a over the packed bytes of its data).
// "Packed" is the table-key layout of docs/schema.md: the leaf fields of a type in
// declaration order, each in ceil(bits/8) bytes, network byte order, no padding, so the
// control plane (runtime/externs.h) and hand-written C read the same bytes.
#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/extern_pack.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

constexpr std::uint64_t kBpfAny = 0;  // BPF_ANY: insert or replace
constexpr unsigned kMaxPackedBytes = 64;

std::string mapNameOf(const std::string& p4Name) {
  std::string map;
  for (char c : p4Name) map += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return map;
}

// Display hint for a packed field: addresses by name and width, else dec/hex.
std::string hintFor(const PackedField& f) {
  std::string n;
  for (char c : f.name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool addr = n.find("addr") != std::string::npos || n.find("ip") != std::string::npos ||
              n == "src" || n == "dst";
  if (f.bits == 32 && addr) return "ipv4";
  if (f.bits == 48 && (n.find("mac") != std::string::npos || addr)) return "mac";
  return f.bits <= 64 ? "dec" : "hex";
}

FieldLayout schemaField(const PackedField& p) {
  FieldLayout f;
  f.name = p.name;
  f.bits = p.bits;
  f.offset = p.offset;
  f.bytes = p.bytes;
  f.networkOrder = true;
  f.format = hintFor(p);
  return f;
}

// BTF for a packed layout: a struct with one u8 / u8[n] member per field, so bpftool
// prints the field names.
llvm::DIType* packedBtf(LowerContext& ctx, const std::string& name,
                        const std::vector<PackedField>& fields, unsigned size, unsigned line) {
  std::vector<BtfMember> members;
  for (const PackedField& f : fields) {
    std::string member = mapNameOf(f.name);
    members.push_back({member, f.bytes == 1 ? ctx.diU8() : ctx.diByteArray(f.bytes), f.offset});
  }
  return createBtfStruct(ctx, name, size, members, line);
}

}  // namespace

bool Lowerer::declareStatefulExtern(const ast::InstantiationDecl* inst,
                                    const ast::ExternDecl* ext) {
  bool isRegister = ext->name == "Register";
  if (!isRegister && ext->name != "FlowTable") return false;
  if (m_stateful.count(instanceKey(inst))) return true;  // already made for the other program
  const auto* et = inst->type && inst->type->kind == sema::TypeKind::Extern
                       ? static_cast<const sema::ExternType*>(inst->type)
                       : nullptr;
  if (!et || et->typeArgs.size() != 2) {
    unsupported(inst->loc, ext->name + " '" + inst->name + "' without its type arguments");
    return true;
  }
  const ast::Expr* sizeArg = inst->args.empty() ? nullptr : inst->args[0].value.get();
  std::uint64_t size = sizeArg && sizeArg->constValue ? sizeArg->constValue->asU64() : 0;
  if (size == 0 || size > (1u << 24)) {
    unsupported(inst->loc, ext->name + " '" + inst->name + "' needs a constant size 1..2^24");
    return true;
  }
  StatefulExtern s;
  s.isRegister = isRegister;
  s.keyType = et->typeArgs[isRegister ? 1 : 0];
  s.valueType = et->typeArgs[isRegister ? 0 : 1];
  if (isRegister) {
    if (!s.keyType || s.keyType->kind != sema::TypeKind::Bits || s.keyType->bitWidth() > 32) {
      unsupported(inst->loc, "a Register index type other than bit<N>, N <= 32");
      return true;
    }
    s.keySize = 4;
  } else if (!packType(s.keyType, "", {}, false, s.key, s.keySize) ||
             s.keySize > kMaxPackedBytes) {
    unsupported(inst->loc, "FlowTable key type " + s.keyType->toString() +
                               " (bit<N>/int<N>/bool/enum fields, at most 64 bytes)");
    return true;
  }
  if (!packType(s.valueType, "", {}, false, s.value, s.valueSize) ||
      s.valueSize > kMaxPackedBytes) {
    unsupported(inst->loc, ext->name + " value type " + s.valueType->toString() +
                               " (bit<N>/int<N>/bool/enum fields, at most 64 bytes)");
    return true;
  }
  ExternLayout layout;
  layout.kind = isRegister ? "register" : "flow_table";
  layout.name = instanceLocalName(inst->name);
  layout.map = mapNameOf(layout.name);
  layout.mapType = isRegister ? "array" : "lru_hash";
  layout.maxEntries = static_cast<std::uint32_t>(size);
  layout.keySize = s.keySize;
  layout.valueSize = s.valueSize;
  layout.keyType = s.keyType->toString();
  layout.valueType = s.valueType->toString();
  if (isRegister) {
    FieldLayout index;
    index.name = "index";
    index.bits = 32;
    index.bytes = 4;
    index.networkOrder = false;
    index.format = "dec";
    layout.keyFields.push_back(index);
  }
  for (const PackedField& f : s.key) layout.keyFields.push_back(schemaField(f));
  for (const PackedField& f : s.value) layout.valueFields.push_back(schemaField(f));
  unsigned line = inst->loc.line;
  llvm::DIType* key =
      isRegister ? m_ctx.diU32() : packedBtf(m_ctx, layout.map + "_key", s.key, s.keySize, line);
  llvm::DIType* value = packedBtf(m_ctx, layout.map + "_value", s.value, s.valueSize, line);
  MapDefinition def{layout.map, isRegister ? BpfMapType::Array : BpfMapType::LruHash,
                    key,        value,
                    layout.maxEntries, 0,
                    line};
  s.map = defineMap(m_ctx, def);
  m_stateful[instanceKey(inst)] = std::move(s);
  m_layout.externs.push_back(std::move(layout));
  return true;
}

namespace {

// A stack buffer for a packed key or value, aligned like a map value.
llvm::AllocaInst* packedSlot(LowerContext& ctx, unsigned size, const char* name) {
  llvm::AllocaInst* slot =
      ctx.entryAlloca(llvm::ArrayType::get(ctx.builder().getInt8Ty(), size), name);
  slot->setAlignment(llvm::Align(8));
  return slot;
}

// Runs `found(ptr)` only when the lookup result ptr is not null; returns its value merged
// with `missing` for the null case (null when either is null).
llvm::Value* ifFound(Lowerer& l, llvm::Value* ptr, llvm::Value* missing,
                            const std::function<llvm::Value*(llvm::Value*)>& found) {
  llvm::IRBuilder<>& b = l.m_ctx.builder();
  llvm::BasicBlock* from = b.GetInsertBlock();
  llvm::BasicBlock* hit = l.newBlock("extern.found");
  llvm::BasicBlock* done = l.newBlock("extern.done");
  b.CreateCondBr(b.CreateIsNull(ptr), done, hit);
  b.SetInsertPoint(hit);
  llvm::Value* v = found(ptr);
  llvm::BasicBlock* hitEnd = b.GetInsertBlock();
  b.CreateBr(done);
  b.SetInsertPoint(done);
  if (!v || !missing) return nullptr;
  llvm::PHINode* phi = b.CreatePHI(v->getType(), 2);
  phi->addIncoming(missing, from);
  phi->addIncoming(v, hitEnd);
  return phi;
}

}  // namespace

llvm::Value* Lowerer::statefulMethod(const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const auto* path = ast::dynCast<ast::PathExpr>(call->receiver);
  auto it = path ? m_stateful.find(instanceKey(path->resolved)) : m_stateful.end();
  if (it == m_stateful.end() || !call->target) return nullptr;
  StatefulExtern& s = it->second;
  const std::string& method = call->target->name;
  auto arg = [&](std::size_t i) { return call->args[i].value.get(); };
  // The key: a u32 index for a Register, the packed K for a FlowTable.
  llvm::AllocaInst* key = nullptr;
  if (call->args.empty()) return nullptr;
  if (s.isRegister) {
    key = m_ctx.entryAlloca(b.getInt32Ty(), "register_index");
    b.CreateStore(b.CreateZExtOrTrunc(expr(arg(0), s.keyType), b.getInt32Ty()), key);
  } else {
    std::vector<llvm::Value*> leaves;
    if (!packedLeaves(*this, arg(0), s.keyType, leaves)) return b.getInt32(0);
    if (leaves.size() != s.key.size()) {
      unsupported(arg(0)->loc, "a key with " + std::to_string(leaves.size()) + " fields for " +
                                   s.keyType->toString() + " (" + std::to_string(s.key.size()) +
                                   " fields)");
      return b.getInt32(0);
    }
    key = packedSlot(m_ctx, s.keySize, "flow_key");
    storePacked(*this, s.key, leaves, key);
  }
  auto packValue = [&](const ast::Expr* e) -> llvm::AllocaInst* {
    std::vector<llvm::Value*> leaves;
    if (!packedLeaves(*this, e, s.valueType, leaves)) return nullptr;
    if (leaves.size() != s.value.size()) {
      unsupported(e->loc, "a value with " + std::to_string(leaves.size()) + " fields for " +
                              s.valueType->toString());
      return nullptr;
    }
    llvm::AllocaInst* slot = packedSlot(m_ctx, s.valueSize, "extern_value");
    storePacked(*this, s.value, leaves, slot);
    return slot;
  };
  if (method == "read" && s.isRegister) {
    llvm::Value* ptr = emitMapLookup(m_ctx, s.map, key);
    return ifFound(*this, ptr, zeroValue(s.valueType, call->loc),
                   [&](llvm::Value* p) { return loadPacked(*this, s.value, s.valueType, p); });
  }
  if (method == "write" && s.isRegister && call->args.size() == 2) {
    // Written in place: an ARRAY slot exists for every index below size; above it the
    // lookup fails and nothing is written.
    std::vector<llvm::Value*> leaves;
    if (!packedLeaves(*this, arg(1), s.valueType, leaves)) return b.getInt32(0);
    llvm::Value* ptr = emitMapLookup(m_ctx, s.map, key);
    ifFound(*this, ptr, nullptr, [&](llvm::Value* p) {
      storePacked(*this, s.value, leaves, p);
      return nullptr;
    });
    return b.getInt32(0);
  }
  if (method == "lookup" && !s.isRegister && call->args.size() == 2) {
    std::optional<LValue> out = lvalue(arg(1));
    llvm::Value* ptr = emitMapLookup(m_ctx, s.map, key);
    llvm::Value* value =
        ifFound(*this, ptr, zeroValue(s.valueType, call->loc),
                [&](llvm::Value* p) { return loadPacked(*this, s.value, s.valueType, p); });
    if (out) store(*out, value);
    return b.CreateIsNotNull(ptr);
  }
  if (method == "update" && !s.isRegister && call->args.size() == 2) {
    llvm::AllocaInst* value = packValue(arg(1));
    if (value)
      m_ctx.callHelper(BpfHelper::MapUpdateElem, b.getInt64Ty(),
                       {s.map, key, value, b.getInt64(kBpfAny)});
    return b.getInt32(0);
  }
  if (method == "remove" && !s.isRegister) {
    m_ctx.callHelper(BpfHelper::MapDeleteElem, b.getInt64Ty(), {s.map, key});
    return b.getInt32(0);
  }
  return nullptr;
}

llvm::Value* Lowerer::hashCall(const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::Type* result = call->type;
  if (!result || result->kind != sema::TypeKind::Bits || call->args.size() != 1) {
    unsupported(call->loc, "p4wb_hash without a bit<N> result type (write p4wb_hash<bit<32>, _>(data))");
    return b.getInt32(0);
  }
  std::vector<llvm::Value*> leaves;
  if (!packedLeaves(*this, call->args[0].value.get(), nullptr, leaves)) return zeroValue(result, call->loc);
  return b.CreateZExtOrTrunc(fnv1a(b, leaves), llvmType(result, call->loc));
}

}  // namespace p4wb::compiler
