// The `.p4wb.schema` JSON (docs/schema.md) and its embedding in the object.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "compiler/lower/lower_context.h"
#include "compiler/lower/program_layout.h"

namespace p4wb::compiler {

namespace {

using nlohmann::ordered_json;

ordered_json fieldJson(const FieldLayout& f, bool withMatch) {
  ordered_json j;
  j["name"] = f.name;
  if (withMatch) j["match"] = f.match;
  j["bits"] = f.bits;
  j["offset"] = f.offset;
  j["bytes"] = f.bytes;
  j["byte_order"] = f.networkOrder ? "network" : "host";
  j["format"] = f.format;
  return j;
}

// The slot layout of a scanned (ternary/range) table: docs/schema.md "Scanned tables".
ordered_json scanJson(const ScanLayout& s) {
  ordered_json ranges = ordered_json::array();
  for (const ScanRangeLayout& r : s.ranges)
    ranges.push_back({{"key", r.key}, {"lo", r.lo}, {"hi", r.hi}, {"bytes", 8}, {"byte_order", "host"}});
  return {{"layout", "priority_array"},
          {"slots", s.slots},
          {"map_entries", 1 + 2 * s.slots},
          {"slot_size", s.slotSize},
          {"control", {{"index", 0}, {"count_bits", 31}, {"active_bit", 31}}},
          {"value_offset", 0},
          {"priority", {{"offset", s.priorityOffset}, {"bytes", 4}, {"byte_order", "host"}}},
          {"key_offset", s.keyOffset},
          {"mask_offset", s.maskOffset},
          {"key_bytes", s.keyBytes},
          {"ranges", ranges},
          {"largest_priority_wins", s.largestPriorityWins},
          {"priority_delta", s.priorityDelta}};
}

ordered_json tableJson(const TableLayout& t) {
  ordered_json j;
  j["name"] = t.name;
  j["map"] = t.map;
  j["map_type"] = t.mapType;
  j["max_entries"] = t.maxEntries;
  j["key_size"] = t.keySize;
  j["value_size"] = t.valueSize;
  j["keys"] = ordered_json::array();
  for (const FieldLayout& k : t.keys) j["keys"].push_back(fieldJson(k, true));
  j["action_id"] = {{"offset", 0}, {"bytes", 4}, {"byte_order", "host"}};
  j["actions"] = ordered_json::array();
  for (const ActionLayout& a : t.actions) {
    ordered_json action;
    action["name"] = a.name;
    action["id"] = a.id;
    action["params"] = ordered_json::array();
    for (const FieldLayout& p : a.params) action["params"].push_back(fieldJson(p, false));
    j["actions"].push_back(action);
  }
  j["default_map"] = t.defaultMap;
  j["default_action"] = {{"action", t.defaultAction.action},
                         {"args", t.defaultAction.args},
                         {"const", t.defaultAction.isConst}};
  j["entries_const"] = t.entriesConst;
  j["const_entries"] = ordered_json::array();
  for (const ConstEntryLayout& e : t.constEntries) {
    ordered_json entry = {{"keys", e.keys}, {"action", e.action}, {"args", e.args}};
    if (e.priority) entry["priority"] = *e.priority;
    j["const_entries"].push_back(entry);
  }
  if (t.scan) j["scan"] = scanJson(*t.scan);
  return j;
}

ordered_json externJson(const ExternLayout& e) {
  ordered_json j = {{"kind", e.kind},           {"name", e.name},
                    {"map", e.map},             {"map_type", e.mapType},
                    {"max_entries", e.maxEntries}, {"key_size", e.keySize},
                    {"value_size", e.valueSize}};
  if (e.kind == "counter_array") {
    j["value"] = {{"bits", 32}, {"byte_order", "host"}};
    return j;
  }
  j["key_type"] = e.keyType;
  j["value_type"] = e.valueType;
  j["key_fields"] = ordered_json::array();
  for (const FieldLayout& f : e.keyFields) j["key_fields"].push_back(fieldJson(f, false));
  j["value_fields"] = ordered_json::array();
  for (const FieldLayout& f : e.valueFields) j["value_fields"].push_back(fieldJson(f, false));
  return j;
}

}  // namespace

std::string buildSchemaJson(const ProgramLayout& layout) {
  ordered_json j;
  j["schema_version"] = 1;
  ordered_json sections = ordered_json::object();
  for (const auto& [hook, section] : layout.sections) sections[hook] = section;
  j["program"] = {{"source", layout.source},
                  {"arch", layout.arch},
                  {"hooks", layout.hooks},
                  {"sections", sections}};
  if (layout.stageCounters)
    j["stage_counters"] = {{"map", kStageMapName},
                           {"count", layout.stageSlots},
                           {"layout", "array_value"},
                           {"key_size", 4},
                           {"value_size", 8 * layout.stageSlots},
                           {"max_entries", 1},
                           {"placement", layout.stagePlacement == StagePlacement::Edges ? "edges" : "stages"}};
  else
    j["stage_counters"] = nullptr;
  j["tables"] = ordered_json::array();
  for (const TableLayout& t : layout.tables) j["tables"].push_back(tableJson(t));
  j["stages"] = ordered_json::array();
  bool formulas = layout.stageCounters && layout.stagePlacement == StagePlacement::Edges;
  for (const Stage& s : layout.stages) {
    ordered_json stage = {{"id", s.id},
                          {"kind", stageKindName(s.kind)},
                          {"name", s.name},
                          {"loc", {{"file", s.file}, {"line", s.line}, {"col", s.column}}}};
    if (formulas) {
      stage["count"] = ordered_json::array();
      if (s.id < layout.stageFormulas.size())
        for (const StageTerm& t : layout.stageFormulas[s.id]) stage["count"].push_back({t.slot, t.coeff});
    }
    j["stages"].push_back(stage);
  }
  j["transitions"] = ordered_json::array();
  for (const StageEdge& e : layout.transitions)
    j["transitions"].push_back({{"from", e.from}, {"to", e.to}, {"label", e.label}});
  j["control_flow"] = ordered_json::array();
  for (const StageEdge& e : layout.controlFlow)
    j["control_flow"].push_back({{"from", e.from}, {"to", e.to}, {"label", e.label}});
  j["externs"] = ordered_json::array();
  for (const ExternLayout& e : layout.externs) j["externs"].push_back(externJson(e));
  return j.dump(2);
}

void embedSchema(LowerContext& ctx, const std::string& json) {
  llvm::Constant* text = llvm::ConstantDataArray::getString(ctx.context(), json, false);
  auto* global = new llvm::GlobalVariable(ctx.module(), text->getType(), true,
                                          llvm::GlobalValue::ExternalLinkage, text, "p4wb_schema");
  global->setSection(".p4wb.schema");
  global->setAlignment(llvm::Align(1));
  global->setDSOLocal(true);
  ctx.keep(global);
}

}  // namespace p4wb::compiler
