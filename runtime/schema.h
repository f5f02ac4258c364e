// The program schema (docs/schema.md) as C++ values: what the compiler built, which maps
// hold which tables and how keys and values are laid out. parseSchema() validates the
// JSON fully, so code holding a ProgramSchema can trust offsets and sizes are in range.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {

enum class ByteOrder { Network, Host };  // big-endian / little-endian

// A bit field inside a map key or value. Invariant after parsing:
// bytes == ceil(bits / 8), 1 <= bits <= 128, offset + bytes <= containing size.
struct FieldLayout {
  std::string name;  // P4 name (key expression, parameter name), may be empty
  unsigned bits = 0;
  unsigned offset = 0;  // bytes from the start of the key / value
  unsigned bytes = 0;
  ByteOrder byteOrder = ByteOrder::Network;
  std::string format = "hex";  // display hint: ipv4 | ipv6 | mac | dec | hex
};

enum class MatchKind { Exact, Lpm, Ternary, Range, Other };

struct KeyField : FieldLayout {
  MatchKind match = MatchKind::Exact;
  std::string matchName;  // as written in the schema ("exact", "lpm", ...)
};

using ParamField = FieldLayout;

struct ActionSchema {
  std::string name;  // control-local P4 name, e.g. "ingress.forward"
  std::uint32_t id = 0;  // 0 is reserved for "no action"
  std::vector<ParamField> params;
};

struct DefaultActionSchema {
  std::string action;
  std::vector<std::string> args;  // literals in the param format
  bool isConst = false;
};

struct ConstEntrySchema {
  std::vector<std::string> keys;
  std::string action;
  std::vector<std::string> args;
  std::optional<std::int64_t> priority;
};

// A scanned table (ternary/range keys, or several lpm keys): docs/schema.md "Scanned
// tables". Map element 0 holds the control word (live count | active half << 31);
// element 1 + half * slots + i is slot i of that half, kept best priority first.
struct ScanRange {
  unsigned key = 0;  // index into TableSchema::keys
  unsigned lo = 0, hi = 0;  // slot offsets of the u64 host-order bounds
};

struct ScanSchema {
  unsigned slotCount = 0;  // entries per half ("slots"; not `slots`: a Qt macro)
  unsigned mapEntries = 0;  // 1 + 2 * slotCount
  unsigned slotSize = 0;
  unsigned priorityOffset = 0;  // u32, host order, 0 = none given
  unsigned keyOffset = 0;  // packed key, network order, keyBytes bytes
  unsigned maskOffset = 0;
  unsigned keyBytes = 0;
  std::vector<ScanRange> ranges;
  bool largestPriorityWins = true;
  std::uint64_t priorityDelta = 1;
};

struct TableSchema {
  std::string name;  // "ingress.ipv4_fwd"
  std::string map;  // BPF map holding the entries
  std::string mapType;  // "hash", "lpm_trie", "array", ...
  std::uint32_t maxEntries = 0;
  unsigned keySize = 0;
  unsigned valueSize = 0;
  std::vector<KeyField> keys;
  FieldLayout actionId;  // inside the value
  std::vector<ActionSchema> actions;
  std::string defaultMap;  // ARRAY, 1 entry; empty when the table has none
  std::optional<DefaultActionSchema> defaultAction;
  std::vector<ConstEntrySchema> constEntries;  // installed at load
  bool entriesConst = false;  // `const entries`: the control plane cannot change them
  std::optional<ScanSchema> scan;  // set for scanned tables (map_type "array")

  // Full name ("ingress.forward") or unique dotted suffix ("forward").
  Result<const ActionSchema*> findAction(std::string_view name) const;
  const ActionSchema* actionById(std::uint32_t id) const;  // nullptr when unknown
};

struct SourceLoc {
  std::string file;
  unsigned line = 0;
  unsigned col = 0;
};

// One term of a stage's count: coeff times the sum of counter slot `slot`.
struct StageTerm {
  std::uint32_t slot = 0;
  std::int64_t coeff = 0;
};

struct StageInfo {
  std::uint32_t id = 0;
  std::string kind;  // parser_state | parser_reject | table_hit | table_miss | action |
                     // control | deparser | verdict
  std::string name;  // P4 name, or the verdict name for kind == "verdict"
  SourceLoc loc;
  // Schema "count" (edge-counted objects): the stage's count as a signed sum of slots;
  // nullopt (older objects, --stage-counters=all): slot `id` is the stage's count.
  std::optional<std::vector<StageTerm>> formula;
};

// A parser transition (schema "transitions", optional): `from` and `to` are parser
// state stage names, `to` may also be "accept" or "reject"; label is the select case.
struct TransitionInfo {
  std::string from;
  std::string to;
  std::string label;
};

struct StageCountersInfo {
  std::string map;  // PERCPU_ARRAY, u32 key, u64 value
  std::uint32_t count = 0;  // counter slots (the stages' formulas refer to them)
};

// A map-backed extern instance (docs/schema.md, "Externs"). Every kind is described by
// key and value fields so one codec reads them all: counter_array gets `index` (u32,
// host) -> `count` (u32, host) filled in by the parser; register is `index` (u32, host)
// -> packed fields (network order); flow_table is packed fields -> packed fields;
// value_set (a parser value_set) is one key field `value` -> nothing (a u8 ignored).
struct ExternSchema {
  std::string kind;  // "counter_array" | "register" | "flow_table" | "value_set" (others: kept, unusable)
  std::string name;  // control-local P4 name, e.g. "ingress.seen"
  std::string map;
  std::string mapType;  // "array" | "hash" | "lru_hash"
  std::uint32_t maxEntries = 0;
  unsigned keySize = 0;
  unsigned valueSize = 0;
  std::string keyType, valueType;  // P4 types, informative
  std::vector<FieldLayout> keyFields, valueFields;
};

struct ProgramInfo {
  std::string source;
  std::string arch;  // "xdp" | "ebpfFilter"
  std::vector<std::string> hooks;  // "xdp", "xdp-generic", "tc-ingress", "tc-egress"
  std::vector<std::pair<std::string, std::string>> sections;  // hook -> ELF section
};

struct ProgramSchema {
  int schemaVersion = 1;
  ProgramInfo program;
  std::optional<StageCountersInfo> stageCounters;  // nullopt with --no-stage-counters
  std::vector<TableSchema> tables;
  std::vector<StageInfo> stages;  // sorted by id, ids dense from 0
  std::vector<TransitionInfo> transitions;  // empty for schemas that predate them
  // Control flow (schema "control_flow"): a control or table -> the table applied next,
  // labelled with the branch condition; `from`/`to` are control and table names.
  std::vector<TransitionInfo> controlFlow;
  std::string externsJson = "[]";  // the "externs" array verbatim
  std::vector<ExternSchema> externs;
  std::string json;  // the text this was parsed from

  // Full P4 name ("ingress.ipv4_fwd"), unique dotted suffix ("ipv4_fwd") or map name
  // ("ingress_ipv4_fwd"); the error names the candidates when ambiguous or unknown.
  Result<const TableSchema*> findTable(std::string_view name) const;
  // Full P4 name, unique dotted suffix or map name, like findTable.
  Result<const ExternSchema*> findExtern(std::string_view name) const;
  // ELF section name for a hook ("xdp"); empty when the schema does not say.
  std::string sectionFor(std::string_view hook) const;
};

// Parses and validates schema JSON. Errors (EINVAL) name the JSON path at fault,
// e.g. "tables[0].keys[1]: offset 6 + 4 bytes exceeds key_size 8".
Result<ProgramSchema> parseSchema(std::string_view json);

// Returns the contents of the ELF section ".p4wb.schema" (ENOENT when absent,
// EINVAL when the bytes are not an ELF object).
Result<std::string> extractSchemaSection(std::span<const std::uint8_t> elf);

// Helpers shared by the table and schema code.
std::string_view matchKindName(MatchKind kind);

}  // namespace p4wb::runtime
