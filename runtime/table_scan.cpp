// Scanned tables: slot encoding and the double-buffered writes (see table_scan.h and
// docs/schema.md "Scanned tables").
#include "runtime/table_scan.h"

#include <bpf/bpf.h>
#include <linux/bpf.h>

#include <algorithm>

#include "runtime/field_codec.h"

namespace p4wb::runtime {

namespace {

using Bytes = std::vector<std::uint8_t>;
constexpr std::uint32_t kCountMask = 0x7fffffff;
constexpr std::uint32_t kBmv2Top = 0x1000000;  // bmv2 priorities 0..0xffffff

FieldLayout hostU32(unsigned offset) { return {"priority", 32, offset, 4, ByteOrder::Host, "dec"}; }
FieldLayout hostU64(unsigned offset) { return {"bound", 64, offset, 8, ByteOrder::Host, "dec"}; }

const ScanRange* rangeOf(const ScanSchema& s, std::size_t key) {
  for (const ScanRange& r : s.ranges)
    if (r.key == key) return &r;
  return nullptr;
}

// An open scanned table: its map fd after checking the map has the schema's shape.
struct ScanMap {
  const TableSchema* table = nullptr;
  const ScanSchema* scan = nullptr;
  int fd = -1;
};

Result<ScanMap> openScan(const LoadedProgram& prog, const TableSchema& t) {
  Result<int> fd = prog.mapFd(t.map);
  if (!fd) return fd.error();
  Result<MapInfo> info = prog.mapInfo(t.map);
  if (!info) return info.error();
  const ScanSchema& s = *t.scan;
  if (info->keySize != 4 || info->valueSize != s.slotSize || info->maxEntries != s.mapEntries)
    return makeError(EINVAL, "the schema of " + t.name + " does not match map " + t.map + " (schema: " +
                                 std::to_string(s.mapEntries) + " slots of " + std::to_string(s.slotSize) +
                                 " bytes, map: " + std::to_string(info->maxEntries) + " of " +
                                 std::to_string(info->valueSize) + ")");
  return ScanMap{&t, &s, *fd};
}

// The live slots of the active half, best priority first, and the control word.
struct Slots {
  std::uint32_t control = 0;
  std::vector<Bytes> slots;
};

Status readRange(const ScanMap& m, std::uint32_t first, std::uint32_t count, std::vector<Bytes>& out) {
  const unsigned size = m.scan->slotSize;
  std::vector<std::uint32_t> keys(count);
  Bytes values(static_cast<std::size_t>(count) * size);
  std::uint32_t prev = first - 1, next = 0, n = count;
  // One syscall for the whole half; element by element where batches are refused.
  if (count && bpf_map_lookup_batch(m.fd, &prev, &next, keys.data(), values.data(), &n, nullptr) == 0 && n == count) {
    for (std::uint32_t i = 0; i < count; ++i)
      out.emplace_back(values.begin() + static_cast<long>(i) * size, values.begin() + static_cast<long>(i + 1) * size);
    return {};
  }
  for (std::uint32_t i = 0; i < count; ++i) {
    Bytes slot(size);
    std::uint32_t key = first + i;
    if (bpf_map_lookup_elem(m.fd, &key, slot.data()) != 0)
      return makeError(errno, "cannot read slot " + std::to_string(key) + " of " + m.table->name);
    out.push_back(std::move(slot));
  }
  return {};
}

Result<Slots> readSlots(const ScanMap& m) {
  Bytes head(m.scan->slotSize);
  std::uint32_t zero = 0;
  if (bpf_map_lookup_elem(m.fd, &zero, head.data()) != 0)
    return makeError(errno, "cannot read the control word of " + m.table->name);
  Slots out;
  out.control = static_cast<std::uint32_t>(loadField(hostU32(0), head));
  std::uint32_t count = std::min(out.control & kCountMask, m.scan->slotCount);
  std::uint32_t first = 1 + (out.control >> 31) * m.scan->slotCount;
  if (Status s = readRange(m, first, count, out.slots); !s) return s.error();
  return out;
}

// Writes `slots` into the inactive half, then makes it the active one.
Status writeSlots(const ScanMap& m, std::uint32_t control, const std::vector<Bytes>& slots) {
  const ScanSchema& s = *m.scan;
  if (slots.size() > s.slotCount)
    return makeError(ENOSPC, "table " + m.table->name + " is full (" + std::to_string(s.slotCount) + " entries)");
  std::uint32_t half = (control >> 31) ^ 1;
  auto count = static_cast<std::uint32_t>(slots.size());
  std::vector<std::uint32_t> keys(count);
  Bytes values;
  values.reserve(static_cast<std::size_t>(count) * s.slotSize);
  for (std::uint32_t i = 0; i < count; ++i) {
    keys[i] = 1 + half * s.slotCount + i;
    values.insert(values.end(), slots[i].begin(), slots[i].end());
  }
  std::uint32_t n = count;
  if (count && (bpf_map_update_batch(m.fd, keys.data(), values.data(), &n, nullptr) != 0 || n != count)) {
    for (std::uint32_t i = 0; i < count; ++i)
      if (bpf_map_update_elem(m.fd, &keys[i], slots[i].data(), BPF_ANY) != 0)
        return makeError(errno, "cannot write slot " + std::to_string(keys[i]) + " of " + m.table->name);
  }
  Bytes head(s.slotSize, 0);
  storeField(hostU32(0), count | (half << 31), head);
  std::uint32_t zero = 0;
  if (bpf_map_update_elem(m.fd, &zero, head.data(), BPF_ANY) != 0)
    return makeError(errno, "cannot switch " + m.table->name + " to its new entries");
  return {};
}

std::uint32_t slotPriority(const ScanSchema& s, const Bytes& slot) {
  return static_cast<std::uint32_t>(loadField(hostU32(s.priorityOffset), slot));
}

bool sameMatch(const ScanSchema& s, const Bytes& slot, const Bytes& match) {
  return std::equal(match.begin(), match.end(), slot.begin() + s.keyOffset);
}

// Indices of the live slots with this match (and priority, when given).
std::vector<std::size_t> findSlots(const ScanSchema& s, const std::vector<Bytes>& slots, const Bytes& match,
                                   std::optional<std::uint32_t> priority) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < slots.size(); ++i)
    if (sameMatch(s, slots[i], match) && (!priority || slotPriority(s, slots[i]) == *priority)) out.push_back(i);
  return out;
}

// The one slot a del/mod/get names; the error says why there is not exactly one.
Result<std::size_t> findOne(const TableSchema& t, const std::vector<Bytes>& slots, const Bytes& match,
                            std::optional<std::uint32_t> priority) {
  std::vector<std::size_t> found = findSlots(*t.scan, slots, match, priority);
  if (found.empty())
    return makeError(ENOENT, "no entry with this key" +
                                 (priority ? " and priority " + std::to_string(*priority) : std::string()) + " in " +
                                 t.name);
  if (found.size() > 1)
    return makeError(EINVAL, std::to_string(found.size()) + " entries of " + t.name +
                                 " have this key; give --priority to say which");
  return found[0];
}

Result<Entry> decodeSlot(const TableSchema& t, const Bytes& slot) {
  const ScanSchema& s = *t.scan;
  Result<Entry> entry = decodeValue(t, std::span<const std::uint8_t>(slot.data(), t.valueSize));
  if (!entry) return entry;
  Result<std::vector<std::string>> keys =
      decodeScanMatch(t, std::span<const std::uint8_t>(slot.data() + s.keyOffset, slot.size() - s.keyOffset));
  if (!keys) return keys.error();
  entry->keys = std::move(*keys);
  if (std::uint32_t p = slotPriority(s, slot)) entry->priority = p;
  return entry;
}

struct Prepared {
  ScanMap map;
  Slots current;
  Bytes match;
};

Result<Prepared> prepare(const LoadedProgram& prog, const TableSchema& t, const std::vector<std::string>& keys) {
  Result<Bytes> match = encodeScanMatch(t, keys);
  if (!match) return match.error();
  Result<ScanMap> m = openScan(prog, t);
  if (!m) return m.error();
  Result<Slots> current = readSlots(*m);
  if (!current) return current.error();
  return Prepared{*m, std::move(*current), std::move(*match)};
}

}  // namespace

bool scanPriorityBeats(const TableSchema& table, std::uint32_t a, std::uint32_t b) {
  if (a == 0) return false;
  if (b == 0) return true;
  bool largest = !table.scan || table.scan->largestPriorityWins;
  return largest ? a > b : a < b;
}

Result<std::uint32_t> priorityFromBmv2(const TableSchema& table, std::int64_t bmv2) {
  if (bmv2 < 0 || bmv2 >= kBmv2Top)
    return makeError(ERANGE, "runtime_CLI priority " + std::to_string(bmv2) + " must be 0.." +
                                 std::to_string(kBmv2Top - 1));
  bool largest = !table.scan || table.scan->largestPriorityWins;
  return static_cast<std::uint32_t>(largest ? kBmv2Top - bmv2 : bmv2 + 1);
}

Result<std::vector<std::uint8_t>> encodeScanMatch(const TableSchema& t, const std::vector<std::string>& keys) {
  const ScanSchema& s = *t.scan;
  if (keys.size() != t.keys.size())
    return makeError(EINVAL, "table " + t.name + " has " + std::to_string(t.keys.size()) + " key field(s), got " +
                                 std::to_string(keys.size()));
  Bytes match(s.slotSize - s.keyOffset, 0);
  const unsigned maskAt = s.maskOffset - s.keyOffset;
  for (std::size_t i = 0; i < keys.size() && i < t.keys.size(); ++i) {
    const KeyField& k = t.keys[i];
    if (k.match == MatchKind::Other)
      return makeError(ENOTSUP, "key field " + k.name + " of table " + t.name + ": match kind " + k.matchName +
                                    " is not supported");
    Result<MatchValue> m = parseMatch(k, k.match, keys[i]);
    if (!m) return makeError(m.error().errnum, "key " + std::to_string(i + 1) + ": " + m.error().message);
    if (const ScanRange* r = rangeOf(s, i)) {
      storeField(hostU64(r->lo - s.keyOffset), m->lo, match);
      storeField(hostU64(r->hi - s.keyOffset), m->hi, match);
      continue;
    }
    FieldLayout mask = k;
    mask.offset += maskAt;
    storeField(k, m->value, match);
    storeField(mask, m->mask, match);
  }
  return match;
}

Result<std::vector<std::string>> decodeScanMatch(const TableSchema& t, std::span<const std::uint8_t> match) {
  const ScanSchema& s = *t.scan;
  if (match.size() != s.slotSize - s.keyOffset)
    return makeError(EINVAL, "match bytes of " + t.name + " have the wrong size");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.keys.size(); ++i) {
    const KeyField& k = t.keys[i];
    MatchValue m;
    if (const ScanRange* r = rangeOf(s, i)) {
      m.lo = loadField(hostU64(r->lo - s.keyOffset), match);
      m.hi = loadField(hostU64(r->hi - s.keyOffset), match);
    } else {
      FieldLayout mask = k;
      mask.offset += s.maskOffset - s.keyOffset;
      m.value = loadField(k, match);
      m.mask = loadField(mask, match);
    }
    out.push_back(formatMatch(k, k.match, m));
  }
  return out;
}

Status scanWrite(const LoadedProgram& prog, const TableSchema& t, const std::vector<std::string>& keys,
                 std::string_view action, const std::vector<std::string>& params,
                 std::optional<std::uint32_t> priority, bool modify) {
  Result<Bytes> value = encodeValue(t, action, params);
  if (!value) return value.error();
  Result<Prepared> p = prepare(prog, t, keys);
  if (!p) return p.error();
  const ScanSchema& s = *t.scan;
  std::vector<Bytes>& slots = p->current.slots;
  if (modify) {
    Result<std::size_t> at = findOne(t, slots, p->match, priority);
    if (!at) return at.error();
    std::copy(value->begin(), value->end(), slots[*at].begin());
    return writeSlots(p->map, p->current.control, slots);
  }
  std::uint32_t prio = priority.value_or(0);
  if (!findSlots(s, slots, p->match, prio).empty())
    return makeError(EEXIST, "an entry with this key and priority already exists in " + t.name);
  if (slots.size() >= s.slotCount)
    return makeError(ENOSPC, "table " + t.name + " is full (" + std::to_string(s.slotCount) + " entries)");
  Bytes slot(s.slotSize, 0);
  std::copy(value->begin(), value->end(), slot.begin());
  storeField(hostU32(s.priorityOffset), prio, slot);
  std::copy(p->match.begin(), p->match.end(), slot.begin() + s.keyOffset);
  // After every entry of better or equal priority: equal priorities keep insertion order.
  auto at = std::find_if(slots.begin(), slots.end(),
                         [&](const Bytes& other) { return scanPriorityBeats(t, prio, slotPriority(s, other)); });
  slots.insert(at, std::move(slot));
  return writeSlots(p->map, p->current.control, slots);
}

Status scanDelete(const LoadedProgram& prog, const TableSchema& t, const std::vector<std::string>& keys,
                  std::optional<std::uint32_t> priority) {
  Result<Prepared> p = prepare(prog, t, keys);
  if (!p) return p.error();
  Result<std::size_t> at = findOne(t, p->current.slots, p->match, priority);
  if (!at) return at.error();
  p->current.slots.erase(p->current.slots.begin() + static_cast<long>(*at));
  return writeSlots(p->map, p->current.control, p->current.slots);
}

Result<Entry> scanLookup(const LoadedProgram& prog, const TableSchema& t, const std::vector<std::string>& keys,
                         std::optional<std::uint32_t> priority) {
  Result<Prepared> p = prepare(prog, t, keys);
  if (!p) return p.error();
  Result<std::size_t> at = findOne(t, p->current.slots, p->match, priority);
  if (!at) return at.error();
  return decodeSlot(t, p->current.slots[*at]);
}

Result<std::vector<Entry>> scanDump(const LoadedProgram& prog, const TableSchema& t) {
  Result<ScanMap> m = openScan(prog, t);
  if (!m) return m.error();
  Result<Slots> current = readSlots(*m);
  if (!current) return current.error();
  std::vector<Entry> out;
  for (const Bytes& slot : current->slots) {
    Result<Entry> e = decodeSlot(t, slot);
    if (!e) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

Result<std::size_t> scanClear(const LoadedProgram& prog, const TableSchema& t) {
  Result<ScanMap> m = openScan(prog, t);
  if (!m) return m.error();
  Result<Slots> current = readSlots(*m);
  if (!current) return current.error();
  if (Status s = writeSlots(*m, current->control, {}); !s) return s.error();
  return current->slots.size();
}

Result<std::vector<ScanKey>> scanKeys(const LoadedProgram& prog, const TableSchema& t) {
  Result<ScanMap> m = openScan(prog, t);
  if (!m) return m.error();
  Result<Slots> current = readSlots(*m);
  if (!current) return current.error();
  std::vector<ScanKey> out;
  for (const Bytes& slot : current->slots)
    out.push_back({Bytes(slot.begin() + t.scan->keyOffset, slot.end()), slotPriority(*t.scan, slot)});
  return out;
}

}  // namespace p4wb::runtime
