// Packed values for the stateful externs and p4wb_hash (see extern_pack.h).
#include "compiler/lower/extern_pack.h"

#include <algorithm>

namespace p4wb::compiler {

namespace {

constexpr std::uint32_t kFnvOffset = 0x811c9dc5u;
constexpr std::uint32_t kFnvPrime = 0x01000193u;

llvm::Value* extractPath(llvm::IRBuilder<>& b, llvm::Value* v, const std::vector<unsigned>& path) {
  return path.empty() ? v : b.CreateExtractValue(v, path);
}

}  // namespace

bool packType(const sema::Type* type, const std::string& name, std::vector<unsigned> path,
              bool allowHeaders, std::vector<PackedField>& out, unsigned& size) {
  if (!type) return false;
  if (type->kind == sema::TypeKind::Struct ||
      (allowHeaders && type->kind == sema::TypeKind::Header)) {
    const auto* st = static_cast<const sema::StructType*>(type);
    unsigned first = type->kind == sema::TypeKind::Header ? kHeaderFirstField : 0;
    for (std::size_t i = 0; i < st->fields.size(); ++i) {
      std::vector<unsigned> sub = path;
      sub.push_back(first + static_cast<unsigned>(i));
      std::string fieldName = name.empty() ? st->fields[i].name : name + "." + st->fields[i].name;
      std::size_t before = out.size();
      if (!packType(st->fields[i].type, fieldName, sub, allowHeaders, out, size)) return false;
      if (out.size() == before + 1 && Lowerer::isWireField(st, i)) out.back().wire = true;
    }
    return true;
  }
  unsigned bits = Lowerer::storageBits(type);
  bool leaf = type->kind == sema::TypeKind::Bits || type->kind == sema::TypeKind::Bool ||
              type->kind == sema::TypeKind::Enum;
  if (!leaf || bits == 0 || bits > 64) return false;
  PackedField f;
  f.name = name.empty() ? "value" : name;
  f.type = type;
  f.bits = bits;
  f.bytes = (bits + 7) / 8;
  f.offset = size;
  f.path = std::move(path);
  size += f.bytes;
  out.push_back(std::move(f));
  return true;
}

bool packedLeaves(Lowerer& l, const ast::Expr* e, const sema::Type* declared,
                  std::vector<llvm::Value*>& out) {
  llvm::IRBuilder<>& b = l.m_ctx.builder();
  const sema::StructType* declStruct = Lowerer::asStruct(declared);
  if (const auto* list = ast::dynCast<ast::ListExpr>(e)) {
    for (std::size_t i = 0; i < list->elements.size(); ++i) {
      const sema::Type* sub =
          declStruct && i < declStruct->fields.size() ? declStruct->fields[i].type : nullptr;
      if (!packedLeaves(l, list->elements[i].get(), sub, out)) return false;
    }
    return true;
  }
  if (const auto* init = ast::dynCast<ast::StructInitExpr>(e)) {
    const sema::StructType* st = declStruct ? declStruct : Lowerer::asStruct(e->type);
    if (!st) return false;
    for (const sema::Field& f : st->fields) {
      const ast::Argument* arg = nullptr;
      for (const ast::Argument& a : init->fields)
        if (a.name == f.name) arg = &a;
      if (!arg || !packedLeaves(l, arg->value.get(), f.type, out)) return false;
    }
    return true;
  }
  const sema::Type* type = e->type;
  if (!type || type->kind == sema::TypeKind::InfInt || type->kind == sema::TypeKind::Unknown)
    type = declared;
  std::vector<PackedField> fields;
  unsigned size = 0;
  if (!packType(type, "", {}, true, fields, size)) {
    l.unsupported(e->loc, "packing a value of type " + (type ? type->toString() : "?") +
                              " (give constants a width, e.g. 8w6; fields must be "
                              "bit<N>/int<N>/bool/enum, N <= 64)");
    return false;
  }
  llvm::Value* v = l.expr(e, type);
  for (const PackedField& f : fields) {
    llvm::Value* leaf = extractPath(b, v, f.path);
    if (f.wire && l.m_wireFields) leaf = l.wireSwap(leaf);
    out.push_back(b.CreateZExtOrTrunc(leaf, b.getIntNTy(f.bytes * 8)));
  }
  return true;
}

void storePacked(Lowerer& l, const std::vector<PackedField>& fields,
                 const std::vector<llvm::Value*>& leaves, llvm::Value* base) {
  llvm::IRBuilder<>& b = l.m_ctx.builder();
  // Wider leaves keep their low bits, the P4 cast rule; the field never spills over.
  auto leaf = [&](std::size_t i) {
    return b.CreateZExt(b.CreateZExtOrTrunc(leaves[i], b.getIntNTy(fields[i].bits)),
                        b.getIntNTy(fields[i].bytes * 8));
  };
  if (leaves.size() < fields.size()) {
    for (std::size_t i = 0; i < leaves.size(); ++i)
      l.storeBigEndian(base, fields[i].offset * 8, fields[i].bytes * 8, leaf(i), 8);
    return;
  }
  // The packed fields are contiguous: store the whole image in chunks across field
  // boundaries (slots and map values are 8-byte aligned). A 13-byte flow key is an
  // 8-, a 4- and a 1-byte store.
  std::vector<Lowerer::ImageField> image;
  unsigned size = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    image.push_back({fields[i].offset * 8, fields[i].bytes * 8, leaf(i)});
    size = std::max(size, fields[i].offset + fields[i].bytes);
  }
  l.storeImage(base, size, image, 8);
}

llvm::Value* loadPacked(Lowerer& l, const std::vector<PackedField>& fields,
                        const sema::Type* type, llvm::Value* base) {
  llvm::IRBuilder<>& b = l.m_ctx.builder();
  llvm::Value* result = l.zeroValue(type, {});
  for (const PackedField& f : fields) {
    llvm::Value* wide = l.loadBigEndian(base, f.offset * 8, f.bytes * 8, 8);
    llvm::Value* leaf = b.CreateTrunc(wide, l.llvmType(f.type, {}));
    if (f.wire && l.m_wireFields) leaf = l.wireSwap(leaf);
    result = f.path.empty() ? leaf : b.CreateInsertValue(result, leaf, f.path);
  }
  return result;
}

llvm::Value* fnv1a(llvm::IRBuilder<>& b, const std::vector<llvm::Value*>& leaves) {
  llvm::Value* h = b.getInt32(kFnvOffset);
  for (llvm::Value* leaf : leaves) {
    unsigned bytes = leaf->getType()->getIntegerBitWidth() / 8;
    for (unsigned k = bytes; k-- > 0;) {
      llvm::Value* byte = b.CreateTrunc(b.CreateLShr(leaf, 8 * k), b.getInt8Ty());
      h = b.CreateMul(b.CreateXor(h, b.CreateZExt(byte, b.getInt32Ty())), b.getInt32(kFnvPrime));
    }
  }
  return h;
}

}  // namespace p4wb::compiler
