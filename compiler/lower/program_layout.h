// What the lowering decided about maps and layouts, in the vocabulary of
// docs/schema.md. Filled while lowering, then serialised into the `.p4wb.schema` JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/lower/stage_counters.h"

namespace p4wb::compiler {

struct FieldLayout {
  std::string name;
  std::string match;  // key fields only: "exact", "lpm", ...
  unsigned bits = 0;
  unsigned offset = 0;  // bytes from the start of the key / value
  unsigned bytes = 0;
  bool networkOrder = true;
  std::string format = "hex";  // ipv4 | ipv6 | mac | dec | hex
};

struct ActionLayout {
  std::string name;      // "ingress.forward"
  std::uint32_t id = 0;  // 1-based; 0 = no action
  std::vector<FieldLayout> params;
};

struct DefaultActionLayout {
  std::string action;
  std::vector<std::string> args;
  bool isConst = false;
};

struct ConstEntryLayout {
  std::vector<std::string> keys;  // "_" for a wildcard
  std::string action;
  std::vector<std::string> args;
  std::optional<std::uint64_t> priority;  // scan tables: the P4 priority (spec rules)
};

// A table with ternary/range keys (or several lpm keys) is scanned: an ARRAY map whose
// element 0 is the control word (count | active half << 31) and elements
// 1 + half * slots + i are the slots, best priority first (docs/schema.md "scan").
struct ScanRangeLayout {
  unsigned key = 0;  // index into TableLayout::keys
  unsigned lo = 0, hi = 0;  // slot offsets of the u64 host-order bounds
};

struct ScanLayout {
  unsigned slots = 0;     // entries per half (the table's size)
  unsigned slotSize = 0;  // bytes of one map element
  unsigned priorityOffset = 0;  // u32, host order
  unsigned keyOffset = 0;   // packed key (network order), keyBytes bytes
  unsigned maskOffset = 0;  // its mask, keyBytes bytes
  unsigned keyBytes = 0;    // key_size rounded up to 8
  std::vector<ScanRangeLayout> ranges;
  bool largestPriorityWins = true;
  std::uint64_t priorityDelta = 1;
};

struct TableLayout {
  std::string name;  // "ingress.ipv4_fwd"
  std::string map;   // "ingress_ipv4_fwd"
  std::string mapType = "hash";
  std::uint32_t maxEntries = 0;
  unsigned keySize = 0;
  unsigned valueSize = 0;
  std::vector<FieldLayout> keys;
  std::vector<ActionLayout> actions;
  std::string defaultMap;  // "ingress_ipv4_fwd_def"
  DefaultActionLayout defaultAction;
  std::vector<ConstEntryLayout> constEntries;  // the `entries` list, installed at load
  // `const entries`: the list is the whole table, matched in code (no map lookup) and
  // immutable for the control plane; else the entries are only in the map.
  bool entriesConst = false;
  std::optional<ScanLayout> scan;  // set for scanned (ternary/range) tables
};

// An extern instance backed by a map: CounterArray (u32 index -> u32 count), Register
// (u32 index -> packed T), FlowTable (packed K -> packed V); see docs/schema.md.
struct ExternLayout {
  std::string kind;  // "counter_array" | "register" | "flow_table"
  std::string name;  // "ingress.counters"
  std::string map;
  std::string mapType;  // "array" | "hash" | "lru_hash"
  std::uint32_t maxEntries = 0;
  unsigned keySize = 4;
  unsigned valueSize = 4;
  // register / flow_table only: the packed key and value fields, and their P4 types.
  std::vector<FieldLayout> keyFields, valueFields;
  std::string keyType, valueType;
};

struct ProgramLayout {
  std::string source;  // the P4 file as the user named it
  std::string arch = "xdp";
  std::vector<std::string> hooks;
  std::vector<std::pair<std::string, std::string>> sections;  // hook -> ELF section
  std::vector<TableLayout> tables;
  std::vector<ExternLayout> externs;
  bool stageCounters = true;
  // Edges: the map has stageSlots counters and each stage a formula (stageFormulas[id]);
  // Stages: slot i is stage i.
  StagePlacement stagePlacement = StagePlacement::Edges;
  unsigned stageSlots = 1;
  std::vector<StageFormula> stageFormulas;
  std::vector<Stage> stages;
  std::vector<StageEdge> transitions;  // parser state -> state / accept / reject
  std::vector<StageEdge> controlFlow;  // control / table -> the table applied next
};

// The schema JSON text (docs/schema.md, schema_version 1), pretty-printed.
std::string buildSchemaJson(const ProgramLayout& layout);

// Embeds `json` as a constant byte array in ELF section ".p4wb.schema". It has no debug
// info on purpose: libbpf skips unknown data sections without BTF, so the kernel never
// sees it.
void embedSchema(LowerContext& ctx, const std::string& json);

}  // namespace p4wb::compiler
