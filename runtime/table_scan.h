// Entries of scanned tables (ternary/range keys, several lpm keys): the priority-ordered
// slot arrays of docs/schema.md "Scanned tables". Every write builds the complete new
// slot list in the inactive half and then flips the control word, so traffic sees the
// old or the new table. table.h's functions route scanned tables here; use those.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/schema.h"
#include "runtime/table.h"

namespace p4wb::runtime {

// The match bytes of a slot (from key_offset to the end: key, mask, range bounds) for
// one entry's key literals, in the order of the table's keys.
Result<std::vector<std::uint8_t>> encodeScanMatch(const TableSchema& table, const std::vector<std::string>& keys);
Result<std::vector<std::string>> decodeScanMatch(const TableSchema& table, std::span<const std::uint8_t> match);

// Whether priority `a` beats `b` in this table (0 = none given: loses to any priority).
bool scanPriorityBeats(const TableSchema& table, std::uint32_t a, std::uint32_t b);

// The runtime_CLI (BMv2) priority, where the smallest number wins, as this table's P4
// priority: unchanged when largest_priority_wins is false, else 0xffffff - p (p < 2^24).
Result<std::uint32_t> priorityFromBmv2(const TableSchema& table, std::int64_t bmv2);

// The operations of table.h on a scanned table. An entry is addressed by its keys
// (value+mask, range) and, when given, its priority; EEXIST / ENOENT / ENOSPC like the
// hash-map operations, EINVAL when several entries share the keys and no priority says
// which one is meant.
Status scanWrite(const LoadedProgram& prog, const TableSchema& table, const std::vector<std::string>& keys,
                 std::string_view action, const std::vector<std::string>& params,
                 std::optional<std::uint32_t> priority, bool modify);
Status scanDelete(const LoadedProgram& prog, const TableSchema& table, const std::vector<std::string>& keys,
                  std::optional<std::uint32_t> priority);
Result<Entry> scanLookup(const LoadedProgram& prog, const TableSchema& table, const std::vector<std::string>& keys,
                         std::optional<std::uint32_t> priority);
// Entries in match order (best priority first).
Result<std::vector<Entry>> scanDump(const LoadedProgram& prog, const TableSchema& table);
Result<std::size_t> scanClear(const LoadedProgram& prog, const TableSchema& table);

// The match bytes + priority of every live slot, for script checks.
struct ScanKey {
  std::vector<std::uint8_t> match;
  std::uint32_t priority = 0;
};
Result<std::vector<ScanKey>> scanKeys(const LoadedProgram& prog, const TableSchema& table);

}  // namespace p4wb::runtime
