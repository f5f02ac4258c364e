// Extern state through the program's maps (see externs.h). Arrays (dense counters,
// registers) always have every slot; hash maps (sparse counters, flows) only the entries
// written so far.
#include "runtime/externs.h"

#include <bpf/bpf.h>

#include <algorithm>

#include "runtime/field_codec.h"

namespace p4wb::runtime {

namespace {

using Bytes = std::vector<std::uint8_t>;

bool isArray(const ExternSchema& x) { return x.mapType == "array"; }

bool usable(const ExternSchema& x) {
  return x.kind == "counter_array" || x.kind == "register" || x.kind == "flow_table" ||
         x.kind == "value_set";
}

std::string kindWord(std::string_view kind) {
  if (kind == "counter_array") return "counter";
  if (kind == "flow_table") return "flow table";
  if (kind == "value_set") return "value set";
  return std::string(kind);
}

Result<Bytes> encodeFields(const ExternSchema& x, const std::vector<FieldLayout>& fields,
                           unsigned size, const std::vector<std::string>& text, const char* what) {
  if (text.size() != fields.size()) {
    std::string names;
    for (const FieldLayout& f : fields) names += (names.empty() ? "" : ", ") + f.name;
    return makeError(EINVAL, x.name + " needs " + std::to_string(fields.size()) + " " + what +
                                 " value(s) (" + names + "), got " + std::to_string(text.size()));
  }
  Bytes out(size, 0);
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (Status s = encodeField(fields[i], text[i], out); !s)
      return makeError(s.error().errnum, x.name + ": " + s.error().message);
  return out;
}

Result<std::vector<std::string>> decodeFields(const std::vector<FieldLayout>& fields,
                                              std::span<const std::uint8_t> bytes) {
  std::vector<std::string> out;
  for (const FieldLayout& f : fields) {
    Result<std::string> s = decodeField(f, bytes);
    if (!s) return s.error();
    out.push_back(std::move(*s));
  }
  return out;
}

struct Opened {
  const ExternSchema* x = nullptr;
  int fd = -1;
};

Result<Opened> open(const LoadedProgram& prog, std::string_view name) {
  Result<const ExternSchema*> x = findExternOfKind(prog.schema(), name);
  if (!x) return x.error();
  Result<int> fd = prog.mapFd((*x)->map);
  if (!fd) return fd.error();
  return Opened{*x, *fd};
}

Error sysError(const ExternSchema& x, const char* op) {
  return makeError(errno, std::string(op) + " on map " + x.map + " of " + x.name + " failed");
}

Result<std::vector<Bytes>> keysOf(const Opened& o) {
  std::vector<Bytes> keys;
  Bytes next(o.x->keySize);
  Bytes prev;
  int rc = 0;
  while ((rc = bpf_map_get_next_key(o.fd, prev.empty() ? nullptr : prev.data(), next.data())) == 0) {
    keys.push_back(next);
    prev = next;
    if (keys.size() > o.x->maxEntries + 1024u) break;  // entries churning under us
  }
  if (rc != 0 && errno != ENOENT) return sysError(*o.x, "get_next_key");
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

Result<const ExternSchema*> findExternOfKind(const ProgramSchema& schema, std::string_view name,
                                             std::string_view kind) {
  Result<const ExternSchema*> x = schema.findExtern(name);
  if (!x) return x;
  if (!kind.empty() && (*x)->kind != kind)
    return makeError(EINVAL, (*x)->name + " is a " + kindWord((*x)->kind) + ", not a " +
                                 kindWord(kind));
  if (!usable(**x))
    return makeError(ENOTSUP, (*x)->name + ": extern kind '" + (*x)->kind + "' is not supported");
  return x;
}

Result<Bytes> encodeExternKey(const ExternSchema& x, const std::vector<std::string>& key) {
  Result<Bytes> k = encodeFields(x, x.keyFields, x.keySize, key, "key");
  if (!k) return k;
  if (isArray(x)) {
    std::uint32_t index = 0;
    std::copy_n(k->data(), 4, reinterpret_cast<std::uint8_t*>(&index));
    if (index >= x.maxEntries)
      return makeError(ERANGE, "index " + std::to_string(index) + " is out of range for " +
                                   x.name + " (" + std::to_string(x.maxEntries) + " slots)");
  }
  return k;
}

Result<Bytes> encodeExternValue(const ExternSchema& x, const std::vector<std::string>& value) {
  return encodeFields(x, x.valueFields, x.valueSize, value, "value");
}

Result<ExternEntry> decodeExternEntry(const ExternSchema& x, std::span<const std::uint8_t> key,
                                      std::span<const std::uint8_t> value) {
  Result<std::vector<std::string>> k = decodeFields(x.keyFields, key);
  if (!k) return k.error();
  Result<std::vector<std::string>> v = decodeFields(x.valueFields, value);
  if (!v) return v.error();
  return ExternEntry{std::move(*k), std::move(*v)};
}

Result<ExternEntry> readExternEntry(const LoadedProgram& prog, std::string_view name,
                                    const std::vector<std::string>& key) {
  Result<Opened> o = open(prog, name);
  if (!o) return o.error();
  Result<Bytes> k = encodeExternKey(*o->x, key);
  if (!k) return k.error();
  Bytes v(o->x->valueSize, 0);
  if (bpf_map_lookup_elem(o->fd, k->data(), v.data()) != 0) {
    if (errno != ENOENT) return sysError(*o->x, "lookup");
    if (o->x->kind == "flow_table") return makeError(ENOENT, "no flow with this key in " + o->x->name);
    if (o->x->kind == "value_set") return makeError(ENOENT, "this value is not in " + o->x->name);
    std::fill(v.begin(), v.end(), 0);  // a sparse counter not counted yet
  }
  return decodeExternEntry(*o->x, *k, v);
}

Result<std::vector<ExternEntry>> dumpExtern(const LoadedProgram& prog, std::string_view name,
                                            bool skipZero) {
  Result<Opened> o = open(prog, name);
  if (!o) return o.error();
  const ExternSchema& x = *o->x;
  std::vector<Bytes> keys;
  if (isArray(x)) {
    for (std::uint32_t i = 0; i < x.maxEntries; ++i) {
      Bytes k(4);
      std::copy_n(reinterpret_cast<const std::uint8_t*>(&i), 4, k.data());
      keys.push_back(std::move(k));
    }
  } else {
    Result<std::vector<Bytes>> all = keysOf(*o);
    if (!all) return all.error();
    keys = std::move(*all);
  }
  std::vector<ExternEntry> out;
  Bytes v(x.valueSize);
  for (const Bytes& k : keys) {
    if (bpf_map_lookup_elem(o->fd, k.data(), v.data()) != 0) continue;  // deleted meanwhile
    if (skipZero && std::all_of(v.begin(), v.end(), [](std::uint8_t b) { return b == 0; }))
      continue;
    Result<ExternEntry> e = decodeExternEntry(x, k, v);
    if (!e) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

Status writeExternEntry(const LoadedProgram& prog, std::string_view name,
                        const std::vector<std::string>& key, const std::vector<std::string>& value) {
  Result<Opened> o = open(prog, name);
  if (!o) return o.error();
  if (o->x->kind == "counter_array")
    return makeError(EPERM, o->x->name + " is a counter: the data plane counts, the control "
                                         "plane can only read and reset it");
  Result<Bytes> k = encodeExternKey(*o->x, key);
  if (!k) return k.error();
  Result<Bytes> v = encodeExternValue(*o->x, value);
  if (!v) return v.error();
  if (bpf_map_update_elem(o->fd, k->data(), v->data(), BPF_ANY) != 0)
    return sysError(*o->x, "update");
  return {};
}

Status deleteExternEntry(const LoadedProgram& prog, std::string_view name,
                         const std::vector<std::string>& key) {
  Result<Opened> o = open(prog, name);
  if (!o) return o.error();
  if (isArray(*o->x))
    return makeError(EINVAL, o->x->name + " is an array: its slots cannot be deleted, only reset");
  Result<Bytes> k = encodeExternKey(*o->x, key);
  if (!k) return k.error();
  if (bpf_map_delete_elem(o->fd, k->data()) != 0) {
    if (errno == ENOENT) return makeError(ENOENT, "no entry with this key in " + o->x->name);
    return sysError(*o->x, "delete");
  }
  return {};
}

Result<std::size_t> resetExtern(const LoadedProgram& prog, std::string_view name,
                                const std::optional<std::vector<std::string>>& key) {
  Result<Opened> o = open(prog, name);
  if (!o) return o.error();
  const ExternSchema& x = *o->x;
  std::vector<Bytes> keys;
  if (key) {
    Result<Bytes> k = encodeExternKey(x, *key);
    if (!k) return k.error();
    keys.push_back(std::move(*k));
  } else if (isArray(x)) {
    for (std::uint32_t i = 0; i < x.maxEntries; ++i)
      keys.emplace_back(reinterpret_cast<const std::uint8_t*>(&i),
                        reinterpret_cast<const std::uint8_t*>(&i) + 4);
  } else {
    Result<std::vector<Bytes>> all = keysOf(*o);
    if (!all) return all.error();
    keys = std::move(*all);
  }
  std::size_t n = 0;
  const Bytes zero(x.valueSize, 0);
  for (const Bytes& k : keys) {
    int rc = isArray(x) ? bpf_map_update_elem(o->fd, k.data(), zero.data(), BPF_ANY)
                        : bpf_map_delete_elem(o->fd, k.data());
    if (rc == 0) ++n;
    else if (errno != ENOENT) return sysError(x, isArray(x) ? "update" : "delete");
  }
  return n;
}

}  // namespace p4wb::runtime
