// ObjectSpec: a BPF ELF object as bytes plus its parsed program schema, not yet in the
// kernel (the cilium/ebpf "spec" side). Cheap to copy; loading makes a LoadedProgram.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "runtime/result.h"
#include "runtime/schema.h"

namespace p4wb::runtime {

class ObjectSpec {
 public:
  // Reads the schema from the object's ".p4wb.schema" section unless schemaJson is given
  // (objects compiled elsewhere, or tests). Fails when neither yields a valid schema.
  static Result<ObjectSpec> fromBytes(std::vector<std::uint8_t> bytes,
                                      std::optional<std::string> schemaJson = std::nullopt);
  static Result<ObjectSpec> fromFile(const std::string& path,
                                     std::optional<std::string> schemaJson = std::nullopt);

  const std::vector<std::uint8_t>& bytes() const { return m_bytes; }
  const ProgramSchema& schema() const { return m_schema; }

 private:
  std::vector<std::uint8_t> m_bytes;
  ProgramSchema m_schema;
};

// Reads a whole file (objects, packets, schema files). ENOENT etc. on failure.
Result<std::vector<std::uint8_t>> readFileBytes(const std::string& path);

}  // namespace p4wb::runtime
