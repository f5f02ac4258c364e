// Paged table reads (bpf_map_lookup_batch, or a key cursor): see table_page.h.
#include "runtime/table_page.h"

#include <bpf/bpf.h>

#include <algorithm>
#include <cerrno>

#include "runtime/table_scan.h"

namespace p4wb::runtime {

namespace {

struct PagedMap {
  const TableSchema* table = nullptr;
  int fd = -1;
};

Result<PagedMap> openPaged(const LoadedProgram& prog, std::string_view name) {
  Result<const TableSchema*> table = prog.schema().findTable(name);
  if (!table) return table.error();
  const TableSchema& t = **table;
  Result<int> fd = prog.mapFd(t.map);
  if (!fd) return fd.error();
  if (t.scan || t.keys.empty()) return PagedMap{&t, *fd};
  // The kernel copies key_size/value_size bytes per entry into our buffers.
  Result<MapInfo> info = prog.mapInfo(t.map);
  if (!info) return info.error();
  if (info->keySize != t.keySize || info->valueSize != t.valueSize)
    return makeError(EINVAL, "the schema of " + t.name + " does not match map " + t.map);
  return PagedMap{&t, *fd};
}

// One bpf_map_lookup_batch call; false (errno set) when the map has no batch ops.
bool batchPage(const PagedMap& m, TableCursor& cursor, std::size_t max, std::vector<RawEntry>& out) {
  const std::size_t keySize = m.table->keySize, valueSize = m.table->valueSize;
  std::vector<std::uint8_t> next(std::max<std::size_t>(keySize, 8));
  for (std::size_t want = std::max<std::size_t>(max, 1);; want *= 2) {
    std::vector<std::uint8_t> keys(want * keySize), values(want * valueSize);
    auto count = static_cast<__u32>(want);
    LIBBPF_OPTS(bpf_map_batch_opts, opts);
    int rc = bpf_map_lookup_batch(m.fd, cursor.started ? cursor.position.data() : nullptr, next.data(),
                                  keys.data(), values.data(), &count, &opts);
    const int err = rc == 0 ? 0 : errno;
    if (err == ENOSPC && count == 0) continue;  // one hash bucket holds more than `want`
    if (err != 0 && err != ENOENT) return errno = err, false;
    for (std::size_t i = 0; i < count; ++i)
      out.push_back({std::vector<std::uint8_t>(keys.begin() + i * keySize, keys.begin() + (i + 1) * keySize),
                     std::vector<std::uint8_t>(values.begin() + i * valueSize,
                                               values.begin() + (i + 1) * valueSize)});
    cursor.started = true;
    cursor.position = std::move(next);
    cursor.done = err == ENOENT;
    return true;
  }
}

Status keyWalkPage(const PagedMap& m, TableCursor& cursor, std::size_t max, std::vector<RawEntry>& out) {
  std::vector<std::uint8_t> next(m.table->keySize);
  for (std::size_t n = 0; n < max; ++n) {
    if (bpf_map_get_next_key(m.fd, cursor.started ? cursor.position.data() : nullptr, next.data()) != 0) {
      if (errno != ENOENT) return makeError(errno, "cannot iterate " + m.table->name);
      cursor.done = true;
      return {};
    }
    cursor.started = true;
    cursor.position = next;
    std::vector<std::uint8_t> value(m.table->valueSize);
    if (bpf_map_lookup_elem(m.fd, next.data(), value.data()) != 0) continue;  // deleted meanwhile
    out.push_back({next, std::move(value)});
  }
  return {};
}

Status rawPage(const PagedMap& m, TableCursor& cursor, std::size_t max, std::vector<RawEntry>& out) {
  if (cursor.done) return {};
  if (!cursor.keyWalk) {
    if (batchPage(m, cursor, max, out)) return {};
    if (cursor.started) return makeError(errno, "cannot read " + m.table->name);
    cursor.keyWalk = true;  // e.g. lpm_trie: no batch ops
  }
  return keyWalkPage(m, cursor, max, out);
}

Result<Entry> decodeRaw(const TableSchema& table, const RawEntry& raw) {
  Result<Entry> entry = decodeValue(table, raw.value);
  if (!entry) return entry;
  Result<std::vector<std::string>> keyText = decodeKey(table, raw.key);
  if (!keyText) return keyText.error();
  entry->keys = std::move(*keyText);
  return entry;
}

Result<std::vector<Entry>> decodeAll(const TableSchema& table, const std::vector<RawEntry>& raws) {
  std::vector<Entry> entries;
  entries.reserve(raws.size());
  for (const RawEntry& raw : raws) {
    Result<Entry> e = decodeRaw(table, raw);
    if (!e) return e.error();
    entries.push_back(std::move(*e));
  }
  return entries;
}

}  // namespace

Result<std::vector<Entry>> readTablePage(const LoadedProgram& prog, std::string_view table, TableCursor& cursor,
                                         std::size_t maxEntries) {
  Result<PagedMap> m = openPaged(prog, table);
  if (!m) return m.error();
  if (m->table->scan || m->table->keys.empty()) {
    if (cursor.done) return std::vector<Entry>{};
    cursor.done = true;
    return m->table->keys.empty() ? std::vector<Entry>{} : scanDump(prog, *m->table);
  }
  std::vector<RawEntry> raws;
  if (Status s = rawPage(*m, cursor, maxEntries, raws); !s) return s.error();
  return decodeAll(*m->table, raws);
}

Result<TablePrefix> readTablePrefix(const LoadedProgram& prog, std::string_view table, std::size_t limit,
                                    std::size_t pageEntries) {
  Result<PagedMap> m = openPaged(prog, table);
  if (!m) return m.error();
  TablePrefix prefix;
  if (m->table->scan || m->table->keys.empty()) {
    Result<std::vector<Entry>> all = dumpTable(prog, table);
    if (!all) return all.error();
    prefix.entries = std::move(*all);
    prefix.complete = true;
    return prefix;
  }
  TableCursor cursor;
  std::vector<RawEntry> raws;
  while (!cursor.done && raws.size() < limit)
    if (Status s = rawPage(*m, cursor, std::max<std::size_t>(pageEntries, 1), raws); !s) return s.error();
  prefix.complete = cursor.done;
  if (prefix.complete)  // the listing order of dumpTable(): by key bytes
    std::sort(raws.begin(), raws.end(), [](const RawEntry& a, const RawEntry& b) {
      for (std::size_t i = 0; i < a.key.size() && i < b.key.size(); ++i)  // all keys: one size
        if (a.key[i] != b.key[i]) return a.key[i] < b.key[i];
      return false;
    });
  Result<std::vector<Entry>> entries = decodeAll(*m->table, raws);
  if (!entries) return entries.error();
  prefix.entries = std::move(*entries);
  return prefix;
}

}  // namespace p4wb::runtime
