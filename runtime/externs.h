// The state of a loaded program's map-backed externs (docs/schema.md, "Externs"):
// CounterArray, Register and FlowTable slots and parser value_set members read, written,
// deleted and reset as strings in the field_codec formats, laid out by the schema. Externs
// are named like tables: full P4 name ("ingress.seen"), unique suffix ("seen") or map name
// ("ingress_seen"). Counters and registers are keyed by their index ("3"); flows by one
// string per key field; value sets by the value (written with no value fields).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/schema.h"

namespace p4wb::runtime {

struct ExternEntry {
  std::vector<std::string> key;    // one per key field (counter/register: the index)
  std::vector<std::string> value;  // one per value field (counter: the count)
};

// The extern `name` of the given kind ("counter_array", "register", "flow_table",
// "value_set"; empty: any of them). EINVAL when it is of another kind, ENOENT names the known externs.
Result<const ExternSchema*> findExternOfKind(const ProgramSchema& schema, std::string_view name,
                                             std::string_view kind = {});

// Pure encoding, one string per field. ERANGE for an index past an array's max_entries.
Result<std::vector<std::uint8_t>> encodeExternKey(const ExternSchema& x,
                                                  const std::vector<std::string>& key);
Result<std::vector<std::uint8_t>> encodeExternValue(const ExternSchema& x,
                                                    const std::vector<std::string>& value);
Result<ExternEntry> decodeExternEntry(const ExternSchema& x, std::span<const std::uint8_t> key,
                                      std::span<const std::uint8_t> value);

// One slot. A counter slot never written (sparse counters) reads as 0; a flow that is not
// in the table is ENOENT.
Result<ExternEntry> readExternEntry(const LoadedProgram& prog, std::string_view name,
                                    const std::vector<std::string>& key);
// Every slot: arrays in index order (`skipZero`: leave all-zero slots out), hash maps
// sorted by key bytes.
Result<std::vector<ExternEntry>> dumpExtern(const LoadedProgram& prog, std::string_view name,
                                            bool skipZero = false);
// Registers: overwrite slot `key`; flows: insert or replace. Counters are refused (EPERM):
// only the data plane counts, the control plane resets.
Status writeExternEntry(const LoadedProgram& prog, std::string_view name,
                        const std::vector<std::string>& key, const std::vector<std::string>& value);
// Flows (and sparse counters): delete one entry; ENOENT when absent. Arrays: EINVAL.
Status deleteExternEntry(const LoadedProgram& prog, std::string_view name,
                         const std::vector<std::string>& key);
// Zeroes one slot (key given) or all of them: array slots are zeroed, hash entries
// deleted. Returns how many slots were zeroed or entries deleted.
Result<std::size_t> resetExtern(const LoadedProgram& prog, std::string_view name,
                                const std::optional<std::vector<std::string>>& key = std::nullopt);

}  // namespace p4wb::runtime
