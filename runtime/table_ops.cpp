// Table operations on a LoadedProgram's maps (bpf_map_* syscalls): see table.h.
#include <bpf/bpf.h>
#include <linux/bpf.h>

#include <algorithm>

#include "runtime/table.h"
#include "runtime/table_scan.h"

namespace p4wb::runtime {

namespace {

struct TableMaps {
  const TableSchema* table = nullptr;
  int fd = -1;
};

// The kernel copies key_size/value_size bytes from our buffers, which are sized by the
// schema: a schema that disagrees with the real map must stop us before any syscall.
Status checkMapLayout(const LoadedProgram& prog, const std::string& map, const TableSchema& t,
                      std::uint32_t keySize) {
  Result<MapInfo> info = prog.mapInfo(map);
  if (!info) return info.error();
  if (info->keySize != keySize || info->valueSize != t.valueSize)
    return makeError(EINVAL, "the schema of " + t.name + " does not match map " + map + " (schema: key " +
                                 std::to_string(keySize) + " / value " + std::to_string(t.valueSize) +
                                 " bytes, map: " + std::to_string(info->keySize) + " / " +
                                 std::to_string(info->valueSize) + ")");
  return {};
}

Result<TableMaps> resolve(const LoadedProgram& prog, std::string_view name) {
  Result<const TableSchema*> table = prog.schema().findTable(name);
  if (!table) return table.error();
  Result<int> fd = prog.mapFd((*table)->map);
  if (!fd) return fd.error();
  if ((*table)->scan) return TableMaps{*table, *fd};  // table_scan.cpp checks its own shape
  if (Status s = checkMapLayout(prog, (*table)->map, **table, (*table)->keySize); !s) return s.error();
  return TableMaps{*table, *fd};
}

// A keyless table always misses; its only state is the default slot (its "map" may even
// be the default map), so entry operations on it are refused.
Result<TableMaps> resolveKeyed(const LoadedProgram& prog, std::string_view name) {
  Result<TableMaps> t = resolve(prog, name);
  if (t && t->table->keys.empty())
    return makeError(EINVAL, "table " + t->table->name + " has no key; only its default action can be set");
  return t;
}

// `const entries` (P4 spec 14.2.1.4): the entries are part of the program (matched in
// its code, not looked up), so the control plane may not change them.
Status mutableEntries(const TableSchema& t) {
  if (t.entriesConst)
    return makeError(EPERM, "the entries of " + t.name + " are declared `const entries`; they cannot change");
  return {};
}

Status noPriority(const TableSchema& t, std::optional<std::uint32_t> priority) {
  if (priority && !t.scan)
    return makeError(EINVAL, "table " + t.name + " has only exact/lpm keys; its entries take no priority");
  return {};
}

Status writeEntry(const LoadedProgram& prog, std::string_view name, const std::vector<std::string>& keys,
                  std::string_view action, const std::vector<std::string>& params, std::uint64_t flags,
                  std::optional<std::uint32_t> priority = std::nullopt) {
  Result<TableMaps> t = resolveKeyed(prog, name);
  if (!t) return t.error();
  if (Status s = noPriority(*t->table, priority); !s) return s;
  if (t->table->scan) {
    if (flags == BPF_ANY) {  // const entries at load: replace one already there
      Status s = scanWrite(prog, *t->table, keys, action, params, priority, false);
      if (s || s.error().errnum != EEXIST) return s;
    }
    return scanWrite(prog, *t->table, keys, action, params, priority, flags == BPF_EXIST || flags == BPF_ANY);
  }
  Result<std::vector<std::uint8_t>> key = encodeKey(*t->table, keys);
  if (!key) return key.error();
  Result<std::vector<std::uint8_t>> value = encodeValue(*t->table, action, params);
  if (!value) return value.error();
  if (bpf_map_update_elem(t->fd, key->data(), value->data(), flags) != 0) {
    int err = errno;
    std::string what = err == EEXIST   ? "an entry with this key already exists in " + t->table->name
                       : err == ENOENT ? "no entry with this key in " + t->table->name
                       : err == E2BIG  ? "table " + t->table->name + " is full (" +
                                            std::to_string(t->table->maxEntries) + " entries)"
                                       : "cannot write an entry to " + t->table->name;
    return makeError(err, what);
  }
  return {};
}

Result<std::vector<std::uint8_t>> lookupBytes(int fd, const std::vector<std::uint8_t>& key, unsigned valueSize) {
  std::vector<std::uint8_t> value(valueSize);
  if (bpf_map_lookup_elem(fd, key.data(), value.data()) != 0) return makeError(errno, "lookup failed");
  return value;
}

Result<std::vector<std::vector<std::uint8_t>>> allKeys(int fd, unsigned keySize) {
  std::vector<std::vector<std::uint8_t>> keys;
  std::vector<std::uint8_t> next(keySize);
  const void* prev = nullptr;
  while (bpf_map_get_next_key(fd, prev, next.data()) == 0) {
    keys.push_back(next);
    prev = keys.back().data();
  }
  if (errno != ENOENT) return makeError(errno, "cannot iterate the map");
  return keys;
}

}  // namespace

Status addEntry(const LoadedProgram& prog, std::string_view table, const std::vector<std::string>& keys,
                std::string_view action, const std::vector<std::string>& params,
                std::optional<std::uint32_t> priority) {
  if (Result<const TableSchema*> t = prog.schema().findTable(table); t)
    if (Status s = mutableEntries(**t); !s) return s;
  return writeEntry(prog, table, keys, action, params, BPF_NOEXIST, priority);
}

Status modifyEntry(const LoadedProgram& prog, std::string_view table, const std::vector<std::string>& keys,
                   std::string_view action, const std::vector<std::string>& params,
                   std::optional<std::uint32_t> priority) {
  if (Result<const TableSchema*> t = prog.schema().findTable(table); t)
    if (Status s = mutableEntries(**t); !s) return s;
  return writeEntry(prog, table, keys, action, params, BPF_EXIST, priority);
}

Status deleteEntry(const LoadedProgram& prog, std::string_view table, const std::vector<std::string>& keys,
                   std::optional<std::uint32_t> priority) {
  Result<TableMaps> t = resolveKeyed(prog, table);
  if (!t) return t.error();
  if (Status s = mutableEntries(*t->table); !s) return s;
  if (Status s = noPriority(*t->table, priority); !s) return s;
  if (t->table->scan) {
    if (keys.size() != t->table->keys.size()) return encodeKey(*t->table, keys).error();
    return scanDelete(prog, *t->table, keys, priority);
  }
  Result<std::vector<std::uint8_t>> key = encodeKey(*t->table, keys);
  if (!key) return key.error();
  if (bpf_map_delete_elem(t->fd, key->data()) != 0) {
    int err = errno;
    return makeError(err, err == ENOENT ? "no entry with this key in " + t->table->name
                                        : "cannot delete from " + t->table->name);
  }
  return {};
}

Result<Entry> lookupEntry(const LoadedProgram& prog, std::string_view table, const std::vector<std::string>& keys,
                          std::optional<std::uint32_t> priority) {
  Result<TableMaps> t = resolveKeyed(prog, table);
  if (!t) return t.error();
  if (Status s = noPriority(*t->table, priority); !s) return s.error();
  if (t->table->scan) {
    if (keys.size() != t->table->keys.size()) return encodeKey(*t->table, keys).error();
    return scanLookup(prog, *t->table, keys, priority);
  }
  Result<std::vector<std::uint8_t>> key = encodeKey(*t->table, keys);
  if (!key) return key.error();
  Result<std::vector<std::uint8_t>> value = lookupBytes(t->fd, *key, t->table->valueSize);
  if (!value)
    return makeError(value.error().errnum, value.error().errnum == ENOENT
                                               ? "no entry with this key in " + t->table->name
                                               : "cannot read from " + t->table->name);
  Result<Entry> entry = decodeValue(*t->table, *value);
  if (!entry) return entry;
  Result<std::vector<std::string>> keyText = decodeKey(*t->table, *key);
  if (!keyText) return keyText.error();
  entry->keys = std::move(*keyText);
  return entry;
}

Result<std::vector<Entry>> dumpTable(const LoadedProgram& prog, std::string_view table) {
  Result<TableMaps> t = resolve(prog, table);
  if (!t) return t.error();
  if (t->table->keys.empty()) return std::vector<Entry>{};
  if (t->table->scan) return scanDump(prog, *t->table);
  Result<std::vector<std::vector<std::uint8_t>>> keys = allKeys(t->fd, t->table->keySize);
  if (!keys) return makeError(keys.error().errnum, "cannot list " + t->table->name);
  // All keys have the table's key size; a plain byte loop (GCC 12 warns falsely on the
  // memcmp behind vector's operator<).
  std::sort(keys->begin(), keys->end(), [](const auto& a, const auto& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
      if (a[i] != b[i]) return a[i] < b[i];
    return a.size() < b.size();
  });
  std::vector<Entry> entries;
  for (const auto& key : *keys) {
    Result<std::vector<std::uint8_t>> value = lookupBytes(t->fd, key, t->table->valueSize);
    if (!value) continue;  // deleted between iteration and lookup
    Result<Entry> entry = decodeValue(*t->table, *value);
    if (!entry) return entry.error();
    Result<std::vector<std::string>> keyText = decodeKey(*t->table, key);
    if (!keyText) return keyText.error();
    entry->keys = std::move(*keyText);
    entries.push_back(std::move(*entry));
  }
  return entries;
}

Result<std::size_t> clearTable(const LoadedProgram& prog, std::string_view table) {
  Result<TableMaps> t = resolveKeyed(prog, table);
  if (!t) return t.error();
  if (Status s = mutableEntries(*t->table); !s) return s.error();
  if (t->table->scan) return scanClear(prog, *t->table);
  Result<std::vector<std::vector<std::uint8_t>>> keys = allKeys(t->fd, t->table->keySize);
  if (!keys) return makeError(keys.error().errnum, "cannot list " + t->table->name);
  std::size_t deleted = 0;
  for (const auto& key : *keys) {
    if (bpf_map_delete_elem(t->fd, key.data()) == 0) ++deleted;
    else if (errno != ENOENT) return makeError(errno, "cannot delete from " + t->table->name);
  }
  return deleted;
}

Status installConstEntries(const LoadedProgram& prog) {
  for (const TableSchema& t : prog.schema().tables)
    for (std::size_t i = 0; i < t.constEntries.size(); ++i) {
      const ConstEntrySchema& e = t.constEntries[i];
      std::optional<std::uint32_t> priority;
      if (t.scan && e.priority && *e.priority > 0 && *e.priority <= 0xffffffff)
        priority = static_cast<std::uint32_t>(*e.priority);
      Status s = writeEntry(prog, t.name, e.keys, e.action, e.args, BPF_ANY, priority);
      if (!s)
        return makeError(s.error().errnum, "const entry " + std::to_string(i + 1) + " of table " + t.name + ": " +
                                               s.error().message);
    }
  return {};
}

namespace {

Result<int> defaultMapFd(const LoadedProgram& prog, const TableSchema& table) {
  if (table.defaultMap.empty()) return makeError(ENOTSUP, "table " + table.name + " has no default action slot");
  Result<int> fd = prog.mapFd(table.defaultMap);
  if (!fd) return fd;
  if (Status s = checkMapLayout(prog, table.defaultMap, table, sizeof(std::uint32_t)); !s) return s.error();
  return fd;
}

Status writeDefault(const LoadedProgram& prog, std::string_view name, const std::vector<std::uint8_t>* value,
                    std::string_view action, const std::vector<std::string>& params) {
  Result<const TableSchema*> table = prog.schema().findTable(name);
  if (!table) return table.error();
  const TableSchema& t = **table;
  if (t.defaultAction && t.defaultAction->isConst)
    return makeError(EPERM, "the default action of " + t.name + " is declared const");
  Result<int> fd = defaultMapFd(prog, t);
  if (!fd) return fd.error();
  std::vector<std::uint8_t> bytes(t.valueSize, 0);
  if (value) bytes = *value;
  else if (!action.empty()) {
    Result<std::vector<std::uint8_t>> encoded = encodeValue(t, action, params);
    if (!encoded) return encoded.error();
    bytes = std::move(*encoded);
  }
  std::uint32_t zero = 0;
  if (bpf_map_update_elem(*fd, &zero, bytes.data(), BPF_ANY) != 0)
    return makeError(errno, "cannot write the default action of " + t.name);
  return {};
}

}  // namespace

Status setDefault(const LoadedProgram& prog, std::string_view table, std::string_view action,
                  const std::vector<std::string>& params) {
  if (action.empty()) return makeError(EINVAL, "no action given for the default action");
  return writeDefault(prog, table, nullptr, action, params);
}

Status resetDefault(const LoadedProgram& prog, std::string_view table) {
  return writeDefault(prog, table, nullptr, {}, {});
}

Result<Entry> readDefault(const LoadedProgram& prog, std::string_view name) {
  Result<const TableSchema*> table = prog.schema().findTable(name);
  if (!table) return table.error();
  const TableSchema& t = **table;
  Result<int> fd = defaultMapFd(prog, t);
  if (!fd) return fd.error();
  std::vector<std::uint8_t> bytes(t.valueSize, 0);
  std::uint32_t zero = 0;
  if (bpf_map_lookup_elem(*fd, &zero, bytes.data()) != 0)
    return makeError(errno, "cannot read the default action of " + t.name);
  bool empty = std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
  if (empty && t.defaultAction) {
    Entry entry;
    entry.action = t.defaultAction->action;
    entry.params = t.defaultAction->args;
    entry.compiledDefault = true;
    return entry;
  }
  return decodeValue(t, bytes);
}

}  // namespace p4wb::runtime
