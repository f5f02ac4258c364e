// BTF-defined BPF maps: globals in section ".maps" whose debug types have exactly the
// shape clang gives libbpf-style `struct { __uint(type, ...); __type(key, K); ... }`
// definitions, so libbpf creates the maps and bpftool shows key/value field names.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/lower/lower_context.h"

namespace p4wb::compiler {

// Values of enum bpf_map_type (include/uapi/linux/bpf.h).
enum class BpfMapType : unsigned {
  Hash = 1,
  Array = 2,
  PerfEventArray = 4,
  PercpuArray = 6,
  LruHash = 9,
  LpmTrie = 11,
};

// One named member of a key/value struct, at a byte offset.
struct BtfMember {
  std::string name;
  llvm::DIType* type = nullptr;
  std::uint64_t offset = 0;  // bytes
};

// A struct (or union) debug type of `size` bytes with the given members.
llvm::DICompositeType* createBtfStruct(LowerContext& ctx, const std::string& name,
                                       std::uint64_t size, const std::vector<BtfMember>& members,
                                       unsigned line);
llvm::DICompositeType* createBtfUnion(LowerContext& ctx, const std::string& name,
                                      std::uint64_t size, const std::vector<BtfMember>& members,
                                      unsigned line);

struct MapDefinition {
  std::string name;
  BpfMapType type = BpfMapType::Hash;
  llvm::DIType* key = nullptr;  // struct or basic type, its size is the key size
  llvm::DIType* value = nullptr;
  std::uint32_t maxEntries = 1;
  std::uint32_t flags = 0;  // map_flags, omitted when 0
  unsigned line = 0;        // P4 line the map comes from
};

// Creates the zero-initialised ".maps" global; its debug info comes from describeMap.
// `withFlags` must match whether the later MapDefinition has map_flags.
llvm::GlobalVariable* declareMap(LowerContext& ctx, const std::string& name,
                                 bool withFlags = false);

// Attaches the libbpf map-definition debug type to a global made by declareMap.
void describeMap(LowerContext& ctx, llvm::GlobalVariable* global, const MapDefinition& def);

// declareMap + describeMap.
llvm::GlobalVariable* defineMap(LowerContext& ctx, const MapDefinition& def);

// Emits bpf_map_lookup_elem(map, keyPtr); the result is a pointer that may be null.
llvm::Value* emitMapLookup(LowerContext& ctx, llvm::GlobalVariable* map, llvm::Value* keyPtr);

}  // namespace p4wb::compiler
