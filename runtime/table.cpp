// Pure encoding of table keys and values (no kernel access): see table.h.
#include "runtime/table.h"

#include <algorithm>
#include <optional>

#include "runtime/field_codec.h"
#include "runtime/table_scan.h"

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

// LPM trie keys (map_type "lpm_trie"): bytes 0-3 hold the prefix length in bits (u32,
// host order), as BPF_MAP_TYPE_LPM_TRIE requires; key fields follow from offset 4 with the
// single lpm field last, in network order. Fields before it always match fully.
struct LpmLayout {
  const KeyField* lpm = nullptr;
  unsigned fixedBits = 0;  // prefix bits before the lpm field's value (incl. padding bits)
};

const FieldLayout kPrefixLen{"prefixlen", 32, 0, 4, ByteOrder::Host, "dec"};

Result<LpmLayout> lpmLayout(const TableSchema& t) {
  LpmLayout layout;
  for (const KeyField& k : t.keys) {
    if (k.match == MatchKind::Lpm) {
      if (layout.lpm) return makeError(ENOTSUP, "table " + t.name + " has more than one lpm key field");
      layout.lpm = &k;
    } else if (k.match != MatchKind::Exact) {
      return makeError(ENOTSUP, "table " + t.name + ": " + k.matchName + " keys in an lpm_trie map are not supported");
    }
  }
  const KeyField* lpm = layout.lpm;
  bool ok = lpm && t.keySize >= 4 && lpm->byteOrder == ByteOrder::Network && lpm->offset + lpm->bytes == t.keySize;
  for (const KeyField& k : t.keys) ok = ok && k.offset >= 4;
  if (!ok)
    return makeError(ENOTSUP, "table " + t.name + ": an lpm_trie key must be a u32 prefix length followed by "
                                                 "the key fields, the lpm field last and in network order");
  layout.fixedBits = 8 * (lpm->offset - 4) + (lpm->bytes * 8 - lpm->bits);
  return layout;
}

// "10.0.0.0/8" or a plain value (= full length); host bits beyond the prefix are cleared.
Status encodeLpmField(const KeyField& field, const std::string& text, unsigned& prefix,
                      std::span<std::uint8_t> key) {
  std::size_t slash = text.find('/');
  std::string valueText = text.substr(0, slash);
  prefix = field.bits;
  if (slash != std::string::npos) {
    std::string lenText = text.substr(slash + 1);
    bool digits = !lenText.empty() && lenText.size() <= 3 &&
                  lenText.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoul(lenText) > field.bits)
      return makeError(EINVAL, "prefix length '" + lenText + "' for field " + field.name + " must be 0.." +
                                   std::to_string(field.bits));
    prefix = static_cast<unsigned>(std::stoul(lenText));
  }
  Result<Uint128> value = parseLiteral(field, valueText);
  if (!value) return value.error();
  Uint128 v = *value;
  unsigned hostBits = field.bits - prefix;
  if (hostBits >= 128) v = 0;
  else if (hostBits > 0) v &= ~((Uint128(1) << hostBits) - 1);
  storeField(field, v, key);
  return {};
}

}  // namespace

Result<std::vector<std::uint8_t>> encodeKey(const TableSchema& table, const std::vector<std::string>& keys) {
  if (keys.size() != table.keys.size())
    return makeError(EINVAL, "table " + table.name + " has " + std::to_string(table.keys.size()) +
                                 " key field(s) (" + fieldNames(table.keys) + "), got " +
                                 std::to_string(keys.size()));
  if (table.scan) return encodeScanMatch(table, keys);
  std::vector<std::uint8_t> key(table.keySize, 0);
  std::optional<LpmLayout> lpm;
  if (table.mapType == "lpm_trie") {
    Result<LpmLayout> layout = lpmLayout(table);
    if (!layout) return layout.error();
    lpm = *layout;
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyField& field = table.keys[i];
    Status s;
    if (lpm && &field == lpm->lpm) {
      unsigned prefix = 0;
      s = encodeLpmField(field, keys[i], prefix, key);
      if (s) storeField(kPrefixLen, lpm->fixedBits + prefix, key);
    } else if (field.match == MatchKind::Exact) {
      s = encodeField(field, keys[i], key);
    } else {
      return makeError(ENOTSUP, "key field " + field.name + " of table " + table.name + ": match kind " +
                                    field.matchName + " needs a scanned table (the schema has no \"scan\" layout)");
    }
    if (!s) return makeError(s.error().errnum, "key " + std::to_string(i + 1) + ": " + s.error().message);
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
  if (table.scan) return decodeScanMatch(table, key);
  if (key.size() != table.keySize)
    return makeError(EINVAL, "key of table " + table.name + " has " + std::to_string(key.size()) +
                                 " bytes, expected " + std::to_string(table.keySize));
  std::optional<LpmLayout> lpm;
  if (table.mapType == "lpm_trie") {
    Result<LpmLayout> layout = lpmLayout(table);
    if (!layout) return layout.error();
    lpm = *layout;
  }
  std::vector<std::string> out;
  for (const KeyField& field : table.keys) {
    Result<std::string> text = decodeField(field, key);
    if (!text) return text.error();
    if (lpm && &field == lpm->lpm) {
      auto prefixlen = static_cast<unsigned>(loadField(kPrefixLen, key));
      unsigned prefix = prefixlen > lpm->fixedBits ? prefixlen - lpm->fixedBits : 0;
      text->push_back('/');
      text->append(std::to_string(std::min(prefix, field.bits)));
    }
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
