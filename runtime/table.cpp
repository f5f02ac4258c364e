// Pure encoding of table keys and values (no kernel access): see table.h.
#include "runtime/table.h"

#include "runtime/field_codec.h"

namespace p4wb::runtime {

namespace {

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

template <typename Fields>
std::string fieldNames(const Fields& fields) {
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name);
  return joinNames(names);
}

}  // namespace

Result<std::vector<std::uint8_t>> encodeKey(const TableSchema& table, const std::vector<std::string>& keys) {
  if (keys.size() != table.keys.size())
    return makeError(EINVAL, "table " + table.name + " has " + std::to_string(table.keys.size()) +
                                 " key field(s) (" + fieldNames(table.keys) + "), got " +
                                 std::to_string(keys.size()));
  std::vector<std::uint8_t> key(table.keySize, 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyField& field = table.keys[i];
    // Other match kinds need a mask or prefix layout that docs/schema.md does not fix yet;
    // this is where a per-kind encoder (value/mask, prefix length) plugs in.
    if (field.match != MatchKind::Exact)
      return makeError(ENOTSUP, "key field " + field.name + " of table " + table.name + ": match kind " +
                                    field.matchName + " is not supported yet (exact only)");
    if (Status s = encodeField(field, keys[i], key); !s)
      return makeError(s.error().errnum, "key " + std::to_string(i + 1) + ": " + s.error().message);
  }
  return key;
}

Result<std::vector<std::uint8_t>> encodeValue(const TableSchema& table, std::string_view actionName,
                                              const std::vector<std::string>& params) {
  Result<const ActionSchema*> action = table.findAction(actionName);
  if (!action) return action.error();
  const ActionSchema& a = **action;
  if (params.size() != a.params.size())
    return makeError(EINVAL, "action " + a.name + " takes " + std::to_string(a.params.size()) +
                                 " parameter(s)" + (a.params.empty() ? "" : " (" + fieldNames(a.params) + ")") +
                                 ", got " + std::to_string(params.size()));
  std::vector<std::uint8_t> value(table.valueSize, 0);
  storeField(table.actionId, a.id, value);
  for (std::size_t i = 0; i < params.size(); ++i)
    if (Status s = encodeField(a.params[i], params[i], value); !s)
      return makeError(s.error().errnum, "action " + a.name + ": " + s.error().message);
  return value;
}

Result<std::vector<std::string>> decodeKey(const TableSchema& table, std::span<const std::uint8_t> key) {
  if (key.size() != table.keySize)
    return makeError(EINVAL, "key of table " + table.name + " has " + std::to_string(key.size()) +
                                 " bytes, expected " + std::to_string(table.keySize));
  std::vector<std::string> out;
  for (const KeyField& field : table.keys) {
    Result<std::string> text = decodeField(field, key);
    if (!text) return text.error();
    out.push_back(std::move(*text));
  }
  return out;
}

Result<Entry> decodeValue(const TableSchema& table, std::span<const std::uint8_t> value) {
  if (value.size() != table.valueSize)
    return makeError(EINVAL, "value of table " + table.name + " has " + std::to_string(value.size()) +
                                 " bytes, expected " + std::to_string(table.valueSize));
  auto id = static_cast<std::uint32_t>(loadField(table.actionId, value));
  Entry entry;
  if (id == 0) {
    entry.action = "NoAction";
    return entry;
  }
  const ActionSchema* action = table.actionById(id);
  if (!action)
    return makeError(EINVAL, "table " + table.name + " holds unknown action id " + std::to_string(id));
  entry.action = action->name;
  for (const ParamField& p : action->params) {
    Result<std::string> text = decodeField(p, value);
    if (!text) return text.error();
    entry.params.push_back(std::move(*text));
  }
  return entry;
}

}  // namespace p4wb::runtime
