// Typed table entries: user strings <-> map key/value bytes as the schema lays them out,
// and the operations on a LoadedProgram's table maps (add, modify, delete, dump,
// default action, clear). Tables are named by full P4 name, unique suffix or map name.
// exact keys -> "hash" maps; one lpm key (+ exact) -> "lpm_trie" maps (key = u32 prefix
// length, then the fields, the lpm field last; literal "10.0.0.0/8"); ternary/range keys
// or several lpm keys -> scanned tables (map_type "array" with a "scan" layout,
// table_scan.h): entries carry a P4 priority and are matched best priority first.
// Key literals: docs/tables.md (value, v/len, v&&&m, v^m, lo..hi, lo->hi, _).
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

struct Entry {
  std::vector<std::string> keys;  // one per key field, in schema order, display format
  std::string action;  // full P4 action name; "NoAction" for action id 0
  std::vector<std::string> params;  // one per action param, display format
  // Only from readDefault(): true when the default slot is empty and `action`/`params`
  // are the default_action compiled in.
  bool compiledDefault = false;
  // Scanned tables: the P4 priority (the table's largest_priority_wins decides whether
  // larger or smaller wins); nullopt when none was given (such entries lose to all others).
  std::optional<std::uint32_t> priority;
};

// --- Pure encoding (no kernel), usable by tests, the GUI and the CLI alike. ---
// For scanned tables the "key" is the match part of a slot (key, mask, range bounds).
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
// `priority` only for scanned tables (P4 semantics; EINVAL on other tables). There an
// entry is named by its keys plus, when given, its priority: add fails with EEXIST when
// keys and priority are both present; mod/del/get need the priority only when several
// entries share the keys. ENOSPC when a scanned table is full.
// EEXIST when the key is present.
Status addEntry(const LoadedProgram& prog, std::string_view table,
                const std::vector<std::string>& keys, std::string_view action,
                const std::vector<std::string>& params,
                std::optional<std::uint32_t> priority = std::nullopt);
// ENOENT when the key is absent.
Status modifyEntry(const LoadedProgram& prog, std::string_view table,
                   const std::vector<std::string>& keys, std::string_view action,
                   const std::vector<std::string>& params,
                   std::optional<std::uint32_t> priority = std::nullopt);
Status deleteEntry(const LoadedProgram& prog, std::string_view table,
                   const std::vector<std::string>& keys,
                   std::optional<std::uint32_t> priority = std::nullopt);
Result<Entry> lookupEntry(const LoadedProgram& prog, std::string_view table,
                          const std::vector<std::string>& keys,
                          std::optional<std::uint32_t> priority = std::nullopt);
// All entries, sorted by key bytes so listings are stable (scanned tables: in match
// order, best priority first).
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
