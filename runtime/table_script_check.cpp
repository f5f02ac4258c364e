// Whole-script checking for table scripts (see table_script.h): everything a script
// would write is encoded and simulated against the current map contents first, so a
// bad line leaves the tables untouched.
#include <bpf/bpf.h>

#include <map>
#include <set>

#include "runtime/table_script.h"

namespace p4wb::runtime {

namespace {

using Bytes = std::vector<std::uint8_t>;

// What the script has done to one table so far, on top of the map's contents.
struct TableState {
  const TableSchema* table = nullptr;
  int fd = -1;
  std::set<Bytes> added, deleted;  // keys, relative to the map
  bool cleared = false;
  std::size_t mapCount = 0;
  bool counted = false;

  bool present(const Bytes& key) const {
    if (added.count(key)) return true;
    if (cleared || deleted.count(key)) return false;
    Bytes value(table->valueSize);
    return bpf_map_lookup_elem(fd, key.data(), value.data()) == 0;
  }
  std::size_t count() {
    if (!counted) {
      Bytes next(table->keySize);
      Bytes prev;
      while (bpf_map_get_next_key(fd, prev.empty() ? nullptr : prev.data(), next.data()) == 0) {
        ++mapCount;
        prev = next;
      }
      counted = true;
    }
    std::size_t base = cleared ? 0 : mapCount - deleted.size();
    return base + added.size();
  }
};

Error atLine(const TableCommand& c, const Error& e) {
  return makeError(e.errnum, "line " + std::to_string(c.line) + ": " + e.message, e.detail);
}

Result<std::string> actionName(const TableSchema& t, const TableCommand& c) {
  if (!c.actionId) return c.action;
  const ActionSchema* a = t.actionById(*c.actionId);
  if (!a) return makeError(ENOENT, "table " + t.name + " has no action with id " + std::to_string(*c.actionId));
  return a->name;
}

Status checkOne(const LoadedProgram& prog, std::map<const TableSchema*, TableState>& states,
                const TableCommand& c) {
  Result<const TableSchema*> found = prog.schema().findTable(c.table);
  if (!found) return found.error();
  const TableSchema& t = **found;
  TableState& st = states[&t];
  if (!st.table) {
    st.table = &t;
    if (!t.keys.empty()) {
      Result<int> fd = prog.mapFd(t.map);
      if (!fd) return fd.error();
      st.fd = *fd;
    }
  }
  using Op = TableCommand::Op;
  const bool keyed = c.op == Op::Add || c.op == Op::Modify || c.op == Op::Delete ||
                     (c.op == Op::Dump && !c.keys.empty());
  if ((keyed || c.op == Op::Clear) && t.keys.empty())
    return makeError(EINVAL, "table " + t.name + " has no key; only its default action can be set");
  Bytes key;
  if (keyed) {
    Result<Bytes> k = encodeKey(t, c.keys);
    if (!k) return k.error();
    key = std::move(*k);
  }
  if (c.op == Op::Add || c.op == Op::Modify || c.op == Op::SetDefault) {
    Result<std::string> action = actionName(t, c);
    if (!action) return action.error();
    Result<Bytes> v = encodeValue(t, *action, c.params);
    if (!v) return v.error();
  }
  if (c.op == Op::SetDefault || c.op == Op::ResetDefault) {
    if (t.defaultMap.empty()) return makeError(ENOTSUP, "table " + t.name + " has no default action slot");
    if (t.defaultAction && t.defaultAction->isConst)
      return makeError(EPERM, "the default action of " + t.name + " is declared const");
  }
  switch (c.op) {
    case Op::Add:
      if (st.present(key)) return makeError(EEXIST, "an entry with this key already exists in " + t.name);
      if (st.count() + 1 > t.maxEntries)
        return makeError(ENOSPC, "table " + t.name + " would be full (" + std::to_string(t.maxEntries) +
                                     " entries)");
      // Re-adding a key the script deleted from the map puts the map's slot back.
      if (!st.deleted.erase(key)) st.added.insert(key);
      return {};
    case Op::Modify:
    case Op::Dump:
      if (!c.keys.empty() && !st.present(key)) return makeError(ENOENT, "no entry with this key in " + t.name);
      return {};
    case Op::Delete:
      if (!st.present(key)) return makeError(ENOENT, "no entry with this key in " + t.name);
      if (!st.added.erase(key)) st.deleted.insert(key);
      return {};
    case Op::Clear:
      st.added.clear();
      st.deleted.clear();
      st.cleared = true;
      return {};
    default: return {};
  }
}

}  // namespace

Status checkTableScript(const LoadedProgram& prog, const std::vector<TableCommand>& commands) {
  std::map<const TableSchema*, TableState> states;
  for (const TableCommand& c : commands)
    if (Status s = checkOne(prog, states, c); !s) return atLine(c, s.error());
  return {};
}

Status runTableScript(const LoadedProgram& prog, const std::vector<TableCommand>& commands,
                      std::size_t* written) {
  if (written) *written = 0;
  if (Status s = checkTableScript(prog, commands); !s) return s;
  for (const TableCommand& c : commands) {
    Result<std::vector<Entry>> r = runTableCommand(prog, c);
    if (!r) return atLine(c, r.error());
    if (written) ++*written;
  }
  return {};
}

}  // namespace p4wb::runtime
