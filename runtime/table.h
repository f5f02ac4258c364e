// Typed table entries: user strings <-> map key/value bytes as the schema lays them out,
// and the operations on a LoadedProgram's table maps (add, modify, delete, dump,
// default action, clear). Tables are named by full P4 name, unique suffix or map name.
// Supported now: exact keys, and one lpm key in "lpm_trie" maps (key = u32 prefix length
// in host order, then the key fields from offset 4, the lpm field last in network order;
// literal "10.0.0.0/8", a bare value means the full length). Ternary and range keys fail
// with ENOTSUP naming the field until their map layouts are in docs/schema.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/schema.h"

namespace p4wb::runtime {

struct Entry {
  std::vector<std::string> keys;  // one per key field, in schema order, display format
  std::string action;  // full P4 action name; "NoAction" for action id 0
  std::vector<std::string> params;  // one per action param, display format
  // Only from readDefault(): true when the default slot is empty and `action`/`params`
  // are the default_action compiled in.
  bool compiledDefault = false;
};

// --- Pure encoding (no kernel), usable by tests, the GUI and the CLI alike. ---
Result<std::vector<std::uint8_t>> encodeKey(const TableSchema& table,
                                            const std::vector<std::string>& keys);
// action: full name or unique suffix. EINVAL names the expected parameters when the
// count is wrong.
Result<std::vector<std::uint8_t>> encodeValue(const TableSchema& table, std::string_view action,
                                              const std::vector<std::string>& params);
Result<std::vector<std::string>> decodeKey(const TableSchema& table,
                                           std::span<const std::uint8_t> key);
// Returns {action, params}; keys left empty. EINVAL on an unknown action id.
Result<Entry> decodeValue(const TableSchema& table, std::span<const std::uint8_t> value);

// --- Operations on a loaded program's maps. ---
// EEXIST when the key is present.
Status addEntry(const LoadedProgram& prog, std::string_view table,
                const std::vector<std::string>& keys, std::string_view action,
                const std::vector<std::string>& params);
// ENOENT when the key is absent.
Status modifyEntry(const LoadedProgram& prog, std::string_view table,
                   const std::vector<std::string>& keys, std::string_view action,
                   const std::vector<std::string>& params);
Status deleteEntry(const LoadedProgram& prog, std::string_view table,
                   const std::vector<std::string>& keys);
Result<Entry> lookupEntry(const LoadedProgram& prog, std::string_view table,
                          const std::vector<std::string>& keys);
// All entries, sorted by key bytes so listings are stable.
Result<std::vector<Entry>> dumpTable(const LoadedProgram& prog, std::string_view table);
// Deletes every entry; returns how many were deleted.
Result<std::size_t> clearTable(const LoadedProgram& prog, std::string_view table);

// Writes every table's schema const_entries into its map (LoadedProgram::load does this
// unless told not to, so a loaded program already holds the entries the P4 source fixes).
// The error names the table and entry that failed.
Status installConstEntries(const LoadedProgram& prog);

// Writes slot 0 of the table's default_map.
Status setDefault(const LoadedProgram& prog, std::string_view table, std::string_view action,
                  const std::vector<std::string>& params);
// Zeroes slot 0: the compiled-in default_action applies again.
Status resetDefault(const LoadedProgram& prog, std::string_view table);
Result<Entry> readDefault(const LoadedProgram& prog, std::string_view table);

}  // namespace p4wb::runtime
