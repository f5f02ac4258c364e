// Schema JSON -> ProgramSchema with full validation. Every error names the JSON path.
#include "runtime/schema.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace p4wb::runtime {

namespace {

using nlohmann::json;

// Thrown only inside this file and caught in parseSchema(): keeps the many field
// checks readable; nothing escapes the public API.
struct SchemaError {
  std::string message;
};

bool isNoAction(std::string_view name) {
  return name == "NoAction" || name.ends_with(".NoAction");
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw SchemaError{path + ": " + what};
}

const json& member(const json& obj, const std::string& path, const char* key) {
  if (!obj.is_object()) fail(path, "expected an object");
  auto it = obj.find(key);
  if (it == obj.end()) fail(path, std::string("missing \"") + key + "\"");
  return *it;
}

std::string getString(const json& obj, const std::string& path, const char* key) {
  const json& v = member(obj, path, key);
  if (!v.is_string()) fail(path + "." + key, "expected a string");
  return v.get<std::string>();
}

std::string optString(const json& obj, const char* key, std::string fallback) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::uint64_t getUnsigned(const json& obj, const std::string& path, const char* key,
                          std::uint64_t max = UINT32_MAX) {
  const json& v = member(obj, path, key);
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
    fail(path + "." + key, "expected a non-negative integer");
  auto value = v.get<std::uint64_t>();
  if (value > max) fail(path + "." + key, "value " + std::to_string(value) + " is too large");
  return value;
}

std::vector<std::string> getStrings(const json& v, const std::string& path) {
  if (!v.is_array()) fail(path, "expected an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    // Numbers are accepted too: a compiler may write literal args as JSON numbers.
    if (v[i].is_string()) out.push_back(v[i].get<std::string>());
    else if (v[i].is_number_unsigned()) out.push_back(std::to_string(v[i].get<std::uint64_t>()));
    else fail(path + "[" + std::to_string(i) + "]", "expected a string");
  }
  return out;
}

// Reads a field layout; `hasBits` false for action_id, which has only bytes.
FieldLayout parseLayout(const json& obj, const std::string& path, unsigned containerSize,
                        const char* containerName, bool hasBits = true) {
  FieldLayout f;
  f.name = optString(obj, "name", "");
  f.offset = static_cast<unsigned>(getUnsigned(obj, path, "offset"));
  f.bytes = static_cast<unsigned>(getUnsigned(obj, path, "bytes"));
  f.bits = hasBits || obj.contains("bits") ? static_cast<unsigned>(getUnsigned(obj, path, "bits"))
                                           : f.bytes * 8;
  std::string order = optString(obj, "byte_order", "network");
  if (order == "network") f.byteOrder = ByteOrder::Network;
  else if (order == "host") f.byteOrder = ByteOrder::Host;
  else fail(path + ".byte_order", "expected \"network\" or \"host\", got \"" + order + "\"");
  f.format = optString(obj, "format", "hex");
  if (f.format.empty()) f.format = "hex";
  static const char* kFormats[] = {"ipv4", "ipv6", "mac", "dec", "hex"};
  if (std::find(std::begin(kFormats), std::end(kFormats), f.format) == std::end(kFormats))
    fail(path + ".format", "unknown format \"" + f.format + "\"");
  if (f.bits == 0 || f.bits > 128) fail(path, "bits must be 1..128, got " + std::to_string(f.bits));
  if (f.bytes != (f.bits + 7) / 8)
    fail(path, std::to_string(f.bits) + " bits need " + std::to_string((f.bits + 7) / 8) +
                   " bytes, schema says " + std::to_string(f.bytes));
  if (f.offset + f.bytes > containerSize)
    fail(path, "offset " + std::to_string(f.offset) + " + " + std::to_string(f.bytes) +
                   " bytes exceeds " + containerName + " " + std::to_string(containerSize));
  return f;
}

MatchKind matchKindFrom(const std::string& name) {
  if (name == "exact") return MatchKind::Exact;
  if (name == "lpm") return MatchKind::Lpm;
  if (name == "ternary") return MatchKind::Ternary;
  if (name == "range") return MatchKind::Range;
  return MatchKind::Other;
}

ActionSchema parseAction(const json& a, const std::string& path, unsigned valueSize) {
  ActionSchema action;
  action.name = getString(a, path, "name");
  action.id = static_cast<std::uint32_t>(getUnsigned(a, path, "id"));
  if (action.id == 0 && !isNoAction(action.name))
    fail(path + ".id", "id 0 is reserved for \"no action\"");
  const json& params = member(a, path, "params");
  if (!params.is_array()) fail(path + ".params", "expected an array");
  for (std::size_t i = 0; i < params.size(); ++i)
    action.params.push_back(
        parseLayout(params[i], path + ".params[" + std::to_string(i) + "]", valueSize, "value_size"));
  return action;
}

void parseTableExtras(const json& t, const std::string& path, TableSchema& table) {
  table.defaultMap = optString(t, "default_map", "");
  if (auto it = t.find("default_action"); it != t.end() && !it->is_null()) {
    DefaultActionSchema d;
    d.action = getString(*it, path + ".default_action", "action");
    if (it->contains("args")) d.args = getStrings((*it)["args"], path + ".default_action.args");
    d.isConst = it->value("const", false);
    table.defaultAction = d;
  }
  if (auto it = t.find("entries_const"); it != t.end() && it->is_boolean()) table.entriesConst = it->get<bool>();
  if (auto it = t.find("const_entries"); it != t.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      std::string p = path + ".const_entries[" + std::to_string(i) + "]";
      ConstEntrySchema c;
      if (e.contains("keys")) c.keys = getStrings(e["keys"], p + ".keys");
      c.action = optString(e, "action", "");
      if (e.contains("args")) c.args = getStrings(e["args"], p + ".args");
      if (e.contains("priority") && e["priority"].is_number_integer()) c.priority = e["priority"].get<std::int64_t>();
      table.constEntries.push_back(std::move(c));
    }
  }
}

// The slot layout of a scanned table; every offset must lie inside the slot.
ScanSchema parseScan(const json& j, const std::string& path, const TableSchema& table) {
  ScanSchema s;
  s.slotCount = static_cast<unsigned>(getUnsigned(j, path, "slots", 1u << 20));
  s.mapEntries = static_cast<unsigned>(getUnsigned(j, path, "map_entries"));
  s.slotSize = static_cast<unsigned>(getUnsigned(j, path, "slot_size", 1u << 16));
  s.priorityOffset = static_cast<unsigned>(getUnsigned(member(j, path, "priority"), path + ".priority", "offset"));
  s.keyOffset = static_cast<unsigned>(getUnsigned(j, path, "key_offset"));
  s.maskOffset = static_cast<unsigned>(getUnsigned(j, path, "mask_offset"));
  s.keyBytes = static_cast<unsigned>(getUnsigned(j, path, "key_bytes"));
  s.largestPriorityWins = j.value("largest_priority_wins", true);
  s.priorityDelta = j.value("priority_delta", std::uint64_t{1});
  if (s.mapEntries != 1 + 2 * s.slotCount) fail(path + ".map_entries", "expected 1 + 2 * slots");
  if (s.keyBytes < table.keySize || s.keyBytes % 8 != 0) fail(path + ".key_bytes", "must cover key_size in 8-byte words");
  bool inside = table.valueSize <= s.priorityOffset && s.priorityOffset + 4 <= s.slotSize &&
                s.keyOffset + s.keyBytes <= s.slotSize && s.maskOffset + s.keyBytes <= s.slotSize;
  if (!inside) fail(path, "value, priority, key and mask must lie inside slot_size");
  if (auto it = j.find("ranges"); it != j.end() && it->is_array())
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string p = path + ".ranges[" + std::to_string(i) + "]";
      ScanRange r{static_cast<unsigned>(getUnsigned((*it)[i], p, "key")),
                  static_cast<unsigned>(getUnsigned((*it)[i], p, "lo")),
                  static_cast<unsigned>(getUnsigned((*it)[i], p, "hi"))};
      if (r.key >= table.keys.size() || r.lo + 8 > s.slotSize || r.hi + 8 > s.slotSize)
        fail(p, "key index or bounds outside the table");
      s.ranges.push_back(r);
    }
  return s;
}

TableSchema parseTable(const json& t, const std::string& path) {
  TableSchema table;
  table.name = getString(t, path, "name");
  table.map = getString(t, path, "map");
  table.mapType = optString(t, "map_type", "hash");
  table.maxEntries = static_cast<std::uint32_t>(getUnsigned(t, path, "max_entries"));
  table.keySize = static_cast<unsigned>(getUnsigned(t, path, "key_size"));
  table.valueSize = static_cast<unsigned>(getUnsigned(t, path, "value_size"));
  const json& keys = member(t, path, "keys");
  if (!keys.is_array()) fail(path + ".keys", "expected an array");
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::string p = path + ".keys[" + std::to_string(i) + "]";
    KeyField k;
    static_cast<FieldLayout&>(k) = parseLayout(keys[i], p, table.keySize, "key_size");
    k.matchName = optString(keys[i], "match", "exact");
    k.match = matchKindFrom(k.matchName);
    table.keys.push_back(std::move(k));
  }
  table.actionId = parseLayout(member(t, path, "action_id"), path + ".action_id", table.valueSize,
                               "value_size", false);
  table.actionId.name = "action_id";
  table.actionId.format = "dec";
  const json& actions = member(t, path, "actions");
  if (!actions.is_array()) fail(path + ".actions", "expected an array");
  for (std::size_t i = 0; i < actions.size(); ++i)
    table.actions.push_back(parseAction(actions[i], path + ".actions[" + std::to_string(i) + "]",
                                        table.valueSize));
  for (std::size_t i = 0; i < table.actions.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (table.actions[i].id == table.actions[j].id)
        fail(path + ".actions[" + std::to_string(i) + "].id",
             "id " + std::to_string(table.actions[i].id) + " is also used by " + table.actions[j].name);
  parseTableExtras(t, path, table);
  if (auto it = t.find("scan"); it != t.end() && it->is_object()) table.scan = parseScan(*it, path + ".scan", table);
  // "NoAction" (implicit default) need not be among the table's listed actions.
  if (table.defaultAction && !isNoAction(table.defaultAction->action) &&
      !table.findAction(table.defaultAction->action))
    fail(path + ".default_action", "unknown action \"" + table.defaultAction->action + "\"");
  return table;
}

// One "externs" entry. Kinds other than the four known ones are kept with their sizes
// only, so a newer compiler's schema still loads.
ExternSchema parseExtern(const json& e, const std::string& path) {
  ExternSchema x;
  x.kind = getString(e, path, "kind");
  x.name = getString(e, path, "name");
  x.map = getString(e, path, "map");
  x.mapType = optString(e, "map_type", "array");
  x.maxEntries = static_cast<std::uint32_t>(getUnsigned(e, path, "max_entries"));
  x.keySize = static_cast<unsigned>(e.contains("key_size") ? getUnsigned(e, path, "key_size") : 4);
  x.valueSize =
      static_cast<unsigned>(e.contains("value_size") ? getUnsigned(e, path, "value_size") : 4);
  x.keyType = optString(e, "key_type", "");
  x.valueType = optString(e, "value_type", "");
  if (x.kind == "counter_array") {
    if (x.keySize != 4 || x.valueSize != 4) fail(path, "a counter_array has a u32 key and value");
    x.keyFields.push_back({"index", 32, 0, 4, ByteOrder::Host, "dec"});
    x.valueFields.push_back({"count", 32, 0, 4, ByteOrder::Host, "dec"});
    return x;
  }
  if (x.kind != "register" && x.kind != "flow_table" && x.kind != "value_set") return x;
  auto fields = [&](const char* key, unsigned size, const char* sizeName) {
    std::vector<FieldLayout> out;
    const json& list = member(e, path, key);
    if (!list.is_array() || list.empty()) fail(path + "." + key, "expected a non-empty array");
    for (std::size_t i = 0; i < list.size(); ++i)
      out.push_back(parseLayout(list[i], path + "." + key + "[" + std::to_string(i) + "]", size,
                                sizeName));
    return out;
  };
  x.keyFields = fields("key_fields", x.keySize, "key_size");
  if (x.kind == "value_set") return x;  // its u8 value means nothing
  x.valueFields = fields("value_fields", x.valueSize, "value_size");
  if (x.kind == "register" && (x.keySize != 4 || x.keyFields.size() != 1))
    fail(path, "a register has a u32 index key");
  return x;
}

StageInfo parseStage(const json& s, const std::string& path) {
  StageInfo stage;
  stage.id = static_cast<std::uint32_t>(getUnsigned(s, path, "id"));
  stage.kind = getString(s, path, "kind");
  stage.name = getString(s, path, "name");
  if (auto it = s.find("loc"); it != s.end() && it->is_object()) {
    stage.loc.file = optString(*it, "file", "");
    stage.loc.line = it->value("line", 0u);
    stage.loc.col = it->value("col", 0u);
  }
  if (auto it = s.find("count"); it != s.end()) {
    if (!it->is_array()) fail(path + ".count", "expected an array of [slot, coefficient]");
    stage.formula.emplace();
    for (const json& term : *it) {
      if (!term.is_array() || term.size() != 2 || !term[0].is_number_unsigned() || !term[1].is_number_integer())
        fail(path + ".count", "expected [slot, coefficient] pairs of integers");
      stage.formula->push_back({term[0].get<std::uint32_t>(), term[1].get<std::int64_t>()});
    }
  }
  return stage;
}

void parseProgram(const json& root, ProgramSchema& schema) {
  const json& p = member(root, "$", "program");
  schema.program.source = optString(p, "source", "");
  schema.program.arch = optString(p, "arch", "");
  if (p.contains("hooks")) schema.program.hooks = getStrings(p["hooks"], "program.hooks");
  if (auto it = p.find("sections"); it != p.end() && it->is_object())
    for (auto& [hook, section] : it->items())
      if (section.is_string()) schema.program.sections.emplace_back(hook, section.get<std::string>());
}

void parseStages(const json& root, ProgramSchema& schema) {
  if (auto it = root.find("stage_counters"); it != root.end() && !it->is_null()) {
    StageCountersInfo sc;
    sc.map = getString(*it, "stage_counters", "map");
    sc.count = static_cast<std::uint32_t>(getUnsigned(*it, "stage_counters", "count"));
    schema.stageCounters = sc;
  }
  if (auto it = root.find("stages"); it != root.end()) {
    if (!it->is_array()) fail("stages", "expected an array");
    for (std::size_t i = 0; i < it->size(); ++i)
      schema.stages.push_back(parseStage((*it)[i], "stages[" + std::to_string(i) + "]"));
  }
  for (auto [key, list] : {std::pair{"transitions", &schema.transitions}, std::pair{"control_flow", &schema.controlFlow}})
    if (auto it = root.find(key); it != root.end() && it->is_array())
      for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string path = std::string(key) + "[" + std::to_string(i) + "]";
        list->push_back({getString((*it)[i], path, "from"), getString((*it)[i], path, "to"),
                         optString((*it)[i], "label", "")});
      }
  std::sort(schema.stages.begin(), schema.stages.end(),
            [](const StageInfo& a, const StageInfo& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < schema.stages.size(); ++i)
    if (schema.stages[i].id != i) fail("stages", "stage ids must be dense from 0; missing id " + std::to_string(i));
  if (!schema.stageCounters) return;
  const std::uint32_t slots = schema.stageCounters->count;
  for (const StageInfo& s : schema.stages) {
    if (!s.formula) {
      if (s.id >= slots)
        fail("stage_counters.count", "smaller than the number of stages (" +
                                         std::to_string(schema.stages.size()) + ")");
      continue;
    }
    for (const StageTerm& t : *s.formula)
      if (t.slot >= slots)
        fail("stages[" + std::to_string(s.id) + "].count",
             "slot " + std::to_string(t.slot) + " is past stage_counters.count (" + std::to_string(slots) + ")");
  }
}

// Finds `name` among items by full name or unique dotted suffix.
template <typename T>
Result<const T*> findByName(const std::vector<T>& items, std::string_view name, const char* what,
                            const std::string& where) {
  std::vector<const T*> hits;
  for (const T& item : items) {
    if (item.name == name) return &item;
    std::string_view n = item.name;
    if (n.size() > name.size() && n.ends_with(name) && n[n.size() - name.size() - 1] == '.')
      hits.push_back(&item);
  }
  if (hits.size() == 1) return hits[0];
  std::string names;
  for (const T* h : hits) names += (names.empty() ? "" : ", ") + h->name;
  if (hits.empty()) {
    for (const T& item : items) names += (names.empty() ? "" : ", ") + item.name;
    return makeError(ENOENT, std::string("no ") + what + " named '" + std::string(name) + "'" + where +
                                 (names.empty() ? "" : " (known: " + names + ")"));
  }
  return makeError(EINVAL, std::string(what) + " name '" + std::string(name) + "' is ambiguous" + where +
                               " (matches " + names + ")");
}

}  // namespace

Result<const ActionSchema*> TableSchema::findAction(std::string_view actionName) const {
  return findByName(actions, actionName, "action", " in table " + name);
}

const ActionSchema* TableSchema::actionById(std::uint32_t id) const {
  for (const ActionSchema& a : actions)
    if (a.id == id) return &a;
  return nullptr;
}

Result<const TableSchema*> ProgramSchema::findTable(std::string_view tableName) const {
  Result<const TableSchema*> found = findByName(tables, tableName, "table", "");
  if (found || found.error().errnum != ENOENT) return found;
  // Tools such as nikss-ctl name tables by their map ("ingress_ipv4_fwd").
  for (const TableSchema& t : tables)
    if (t.map == tableName) return &t;
  return found;
}

Result<const ExternSchema*> ProgramSchema::findExtern(std::string_view externName) const {
  Result<const ExternSchema*> found = findByName(externs, externName, "extern", "");
  if (found || found.error().errnum != ENOENT) return found;
  for (const ExternSchema& x : externs)
    if (x.map == externName) return &x;
  return found;
}

std::string ProgramSchema::sectionFor(std::string_view hook) const {
  for (const auto& [h, section] : program.sections)
    if (h == hook) return section;
  return {};
}

std::string_view matchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::Exact: return "exact";
    case MatchKind::Lpm: return "lpm";
    case MatchKind::Ternary: return "ternary";
    case MatchKind::Range: return "range";
    case MatchKind::Other: return "other";
  }
  return "other";
}

Result<ProgramSchema> parseSchema(std::string_view text) {
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return makeError(EINVAL, "program schema is not valid JSON");
  ProgramSchema schema;
  try {
    if (!root.is_object()) fail("$", "expected an object");
    schema.schemaVersion = static_cast<int>(getUnsigned(root, "$", "schema_version"));
    if (schema.schemaVersion != 1)
      fail("schema_version", "unsupported version " + std::to_string(schema.schemaVersion) + " (expected 1)");
    parseProgram(root, schema);
    if (auto it = root.find("tables"); it != root.end()) {
      if (!it->is_array()) fail("tables", "expected an array");
      for (std::size_t i = 0; i < it->size(); ++i)
        schema.tables.push_back(parseTable((*it)[i], "tables[" + std::to_string(i) + "]"));
    }
    parseStages(root, schema);
    if (auto it = root.find("externs"); it != root.end()) {
      schema.externsJson = it->dump();
      if (!it->is_array()) fail("externs", "expected an array");
      for (std::size_t i = 0; i < it->size(); ++i)
        schema.externs.push_back(parseExtern((*it)[i], "externs[" + std::to_string(i) + "]"));
    }
  } catch (const SchemaError& e) {
    return makeError(EINVAL, "invalid program schema: " + e.message);
  } catch (const json::exception& e) {
    return makeError(EINVAL, std::string("invalid program schema: ") + e.what());
  }
  schema.json = std::string(text);
  return schema;
}

}  // namespace p4wb::runtime
