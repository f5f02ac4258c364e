// Packing P4 values into the byte layout the stateful externs and p4wb_hash share (see
// extern_state.cpp): leaf fields in declaration order, each ceil(bits/8) bytes, network
// byte order. Internal to compiler/lower.
#pragma once

#include <string>
#include <vector>

#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

// Appends the leaves of `type` (bit<N>/int<N>/bool/enum, structs of them, headers when
// `allowHeaders`) from byte `size` on; false when some leaf cannot be packed.
bool packType(const sema::Type* type, const std::string& name, std::vector<unsigned> path,
              bool allowHeaders, std::vector<PackedField>& out, unsigned& size);

// The leaves of e's value, each an integer of 8 * its byte count; lists `{a, b}` and
// struct initialisers are taken apart element by element. `declared` types untyped
// parts (the parameter's type). Reports and returns false for what cannot be packed.
bool packedLeaves(Lowerer& l, const ast::Expr* e, const sema::Type* declared,
                  std::vector<llvm::Value*>& out);

// Writes leaves (coerced to each field's width) at base; the counts must match.
void storePacked(Lowerer& l, const std::vector<PackedField>& fields,
                 const std::vector<llvm::Value*>& leaves, llvm::Value* base);

// Reads a value of `type` laid out as `fields` from base (a map value: 8-byte aligned).
llvm::Value* loadPacked(Lowerer& l, const std::vector<PackedField>& fields,
                        const sema::Type* type, llvm::Value* base);

// 32-bit FNV-1a over the bytes of the leaves, most significant byte of each first.
llvm::Value* fnv1a(llvm::IRBuilder<>& b, const std::vector<llvm::Value*>& leaves);

}  // namespace p4wb::compiler
