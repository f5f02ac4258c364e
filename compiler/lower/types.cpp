// P4 types -> LLVM types. bit<N>/int<N> become iN, bool i1, enums i32 (serializable
// enums their underlying iN), structs LLVM structs, headers structs with a validity
// byte, a dirty byte and their packet offset in front of the fields (see lowerer.h).
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

bool Lowerer::isSignedType(const sema::Type* type) {
  if (type && type->kind == sema::TypeKind::Bits)
    return static_cast<const sema::BitsType*>(type)->isSigned;
  return false;
}

const sema::StructType* Lowerer::asStruct(const sema::Type* type) {
  if (type && type->isStructLike()) return static_cast<const sema::StructType*>(type);
  return nullptr;
}

llvm::Type* Lowerer::llvmType(const sema::Type* type, SourceLocation loc) {
  llvm::LLVMContext& c = m_ctx.context();
  if (!type) return llvm::Type::getInt32Ty(c);
  if (auto it = m_types.find(type); it != m_types.end()) return it->second;
  llvm::Type* result = nullptr;
  switch (type->kind) {
    case sema::TypeKind::Bits:
      result = llvm::Type::getIntNTy(c, std::max(1u, type->bitWidth()));
      break;
    case sema::TypeKind::Bool:
      result = llvm::Type::getInt1Ty(c);
      break;
    case sema::TypeKind::Enum: {
      auto* e = static_cast<const sema::EnumType*>(type);
      result = e->underlying ? llvm::Type::getIntNTy(c, e->underlying->width)
                             : llvm::Type::getInt32Ty(c);
      break;
    }
    case sema::TypeKind::Error:
    case sema::TypeKind::InfInt:
      result = llvm::Type::getInt32Ty(c);
      break;
    case sema::TypeKind::Struct:
    case sema::TypeKind::HeaderUnion:  // its member headers; at most one valid
    case sema::TypeKind::Header: {
      auto* s = static_cast<const sema::StructType*>(type);
      std::vector<llvm::Type*> fields;
      if (type->kind == sema::TypeKind::Header) {
        fields = {llvm::Type::getInt8Ty(c), llvm::Type::getInt32Ty(c)};
      }
      for (const sema::Field& f : s->fields) fields.push_back(llvmType(f.type, loc));
      result = m_ctx.namedStruct(fields, s->name);
      break;
    }
    case sema::TypeKind::HeaderStack: {
      // { i32 nextIndex, element 0, element 1, ... }: elements as struct members so that
      // constant indexes stay constant GEPs (SROA splits them into registers).
      auto* hs = static_cast<const sema::HeaderStackType*>(type);
      std::vector<llvm::Type*> fields(1, llvm::Type::getInt32Ty(c));
      fields.insert(fields.end(), hs->size, llvmType(hs->element, loc));
      result = llvm::StructType::get(c, fields);
      break;
    }
    case sema::TypeKind::Varbit:  // see varbit.cpp
      result = llvm::StructType::get(
          c, {llvm::Type::getInt32Ty(c),
              llvm::ArrayType::get(llvm::Type::getInt8Ty(c), varbitBytes(type))});
      break;
    default:
      unsupported(loc, "values of type " + type->toString());
      result = llvm::Type::getInt32Ty(c);
      break;
  }
  m_types[type] = result;
  return result;
}

// Zero, except that every header's packet offset is "not in the packet" (above any
// real offset), so a header made valid by assignment is never written through to a
// place in the packet it did not come from.
llvm::Constant* Lowerer::initialValue(const sema::Type* type, SourceLocation loc) {
  llvm::Type* t = llvmType(type, loc);
  auto* st = llvm::dyn_cast<llvm::StructType>(t);
  if (!st || !type) return llvm::Constant::getNullValue(t);
  std::vector<llvm::Constant*> members;
  if (type->kind == sema::TypeKind::Header) {
    for (unsigned i = 0; i < st->getNumElements(); ++i)
      members.push_back(i == kHeaderOffset
                            ? llvm::ConstantInt::get(st->getElementType(i), kNotInPacket)
                            : llvm::Constant::getNullValue(st->getElementType(i)));
  } else if (type->kind == sema::TypeKind::Struct || type->kind == sema::TypeKind::HeaderUnion) {
    for (const sema::Field& f : asStruct(type)->fields)
      members.push_back(initialValue(f.type, loc));
  } else if (type->kind == sema::TypeKind::HeaderStack) {
    auto* hs = static_cast<const sema::HeaderStackType*>(type);
    members.push_back(llvm::ConstantInt::get(st->getElementType(kStackNextIndex), 0));
    for (unsigned k = 0; k < hs->size; ++k) members.push_back(initialValue(hs->element, loc));
  } else {
    return llvm::Constant::getNullValue(t);
  }
  return llvm::ConstantStruct::get(st, members);
}

llvm::Value* Lowerer::zeroValue(const sema::Type* type, SourceLocation loc) {
  return llvm::Constant::getNullValue(llvmType(type, loc));
}

llvm::Value* Lowerer::coerce(llvm::Value* value, llvm::Type* to, bool isSigned) {
  llvm::Type* from = value->getType();
  if (from == to || !from->isIntegerTy() || !to->isIntegerTy()) return value;
  return m_ctx.builder().CreateIntCast(value, to, isSigned);
}

llvm::AllocaInst* Lowerer::allocate(const sema::Type* type, const std::string& name,
                                    SourceLocation loc) {
  llvm::AllocaInst* slot = m_ctx.entryAlloca(llvmType(type, loc), name);
  // Zero-initialise in the entry block: P4 leaves uninitialised values unspecified, and
  // zero (headers invalid) is the predictable choice; it also keeps the verifier from
  // seeing reads of uninitialised stack.
  llvm::BasicBlock& entry = m_ctx.function()->getEntryBlock();
  llvm::IRBuilder<> b(&entry,
                      entry.getTerminator() ? entry.getTerminator()->getIterator() : entry.end());
  b.CreateStore(initialValue(type, loc), slot);
  return slot;
}

}  // namespace p4wb::compiler
