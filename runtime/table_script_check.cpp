// Whole-script checking for table scripts (see table_script.h): everything a script
// would write is encoded and simulated against the current map contents first, so a
// bad line leaves the tables untouched.
#include <bpf/bpf.h>

#include <functional>
#include <map>
#include <set>

#include "runtime/externs.h"
#include "runtime/table_script.h"
#include "runtime/table_scan.h"

namespace p4wb::runtime {

namespace {

using Bytes = std::vector<std::uint8_t>;

// What the script has done to one table so far, on top of the map's contents.
struct TableState {
  const TableSchema* table = nullptr;
  const LoadedProgram* prog = nullptr;
  int fd = -1;
  std::set<Bytes> added, deleted;  // keys, relative to the map
  bool cleared = false;
  std::size_t mapCount = 0;
  bool counted = false;

  // Scanned tables: keys are the match bytes + u32 priority (kAnyPriority: any).
  std::optional<std::vector<Bytes>> live;

  // The scanned-table key `key` stands for, as present in the map or script; empty if none.
  Bytes findScan(const Bytes& key);

  bool present(const Bytes& key) {
    if (table->scan) return !findScan(key).empty();
    if (added.count(key)) return true;
    if (cleared || deleted.count(key)) return false;
    Bytes value(table->valueSize);
    return bpf_map_lookup_elem(fd, key.data(), value.data()) == 0;
  }
  std::size_t count() {
    if (table->scan && !counted) {
      findScan({});
      mapCount = live ? live->size() : 0;
      counted = true;
    }
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

constexpr std::uint32_t kAnyPriority = 0xffffffff;

Bytes withPriority(Bytes match, std::uint32_t priority) {
  for (int i = 0; i < 4; ++i) match.push_back(static_cast<std::uint8_t>(priority >> (8 * i)));
  return match;
}

Bytes TableState::findScan(const Bytes& key) {
  if (!live) {
    live.emplace();
    if (Result<std::vector<ScanKey>> keys = scanKeys(*prog, *table); keys)
      for (const ScanKey& k : *keys) live->push_back(withPriority(k.match, k.priority));
  }
  if (key.size() < 4) return {};
  bool any = std::equal(key.end() - 4, key.end(), withPriority({}, kAnyPriority).begin());
  auto same = [&](const Bytes& k) {
    return k.size() == key.size() && std::equal(key.begin(), key.end() - 4, k.begin()) &&
           (any || std::equal(key.end() - 4, key.end(), k.end() - 4));
  };
  for (const Bytes& k : added)
    if (same(k)) return k;
  if (!cleared)
    for (const Bytes& k : *live)
      if (!deleted.count(k) && same(k)) return k;
  return {};
}

Error atLine(const TableCommand& c, const Error& e) {
  return makeError(e.errnum, "line " + std::to_string(c.line) + ": " + e.message, e.detail);
}

Result<std::string> actionName(const TableSchema& t, const TableCommand& c) {
  if (!c.actionId) return c.action;
  const ActionSchema* a = t.actionById(*c.actionId);
  if (!a) return makeError(ENOENT, "table " + t.name + " has no action with id " + std::to_string(*c.actionId));
  return a->name;
}

// counter_*/register_* lines: the extern exists and is of that kind, the index is in
// range, a register value encodes.
Status checkExtern(const LoadedProgram& prog, const TableCommand& c) {
  using Op = TableCommand::Op;
  bool counter = c.op == Op::CounterRead || c.op == Op::CounterReset;
  Result<const ExternSchema*> x = findExternOfKind(prog.schema(), c.table, counter ? "counter_array" : "register");
  if (!x) return x.error();
  if (!c.keys.empty())
    if (Result<Bytes> k = encodeExternKey(**x, c.keys); !k) return k.error();
  if (c.op == Op::RegisterWrite)
    if (Result<Bytes> v = encodeExternValue(**x, c.params); !v) return v.error();
  return {};
}

Status checkOne(const LoadedProgram& prog, std::map<const TableSchema*, TableState>& states,
                const TableCommand& c) {
  if (isExternCommand(c)) return checkExtern(prog, c);
  Result<const TableSchema*> found = prog.schema().findTable(c.table);
  if (!found) return found.error();
  const TableSchema& t = **found;
  TableState& st = states[&t];
  TableCommand normalized = c;
  if (Status s = normalizePriority(t, normalized); !s) return s;
  if (!st.table) {
    st.table = &t;
    st.prog = &prog;
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
    if (t.scan) {
      std::uint32_t p = c.op == Op::Add ? 0 : kAnyPriority;
      if (normalized.priority && *normalized.priority >= 0) p = static_cast<std::uint32_t>(*normalized.priority);
      key = withPriority(std::move(key), p);
    } else if (normalized.priority) {
      return makeError(EINVAL, "table " + t.name + " has only exact/lpm keys; its entries take no priority");
    }
  }
  if (c.op == Op::Add || c.op == Op::Modify || c.op == Op::SetDefault) {
    Result<std::string> action = actionName(t, c);
    if (!action) return action.error();
    Result<Bytes> v = encodeValue(t, *action, normalized.params);
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
      if (t.scan) key = st.findScan(key);
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

namespace {

using Undo = std::function<void()>;

// The P4 priority a command names (runtime_CLI's converted), for undoing it.
std::optional<std::uint32_t> commandPriority(const LoadedProgram& prog, const TableCommand& c) {
  TableCommand n = c;
  Result<const TableSchema*> t = prog.schema().findTable(c.table);
  if (!t || !(*t)->scan || !normalizePriority(**t, n) || !n.priority || *n.priority < 0) return std::nullopt;
  return static_cast<std::uint32_t>(*n.priority);
}

// How to take back command c, captured before it runs; empty when nothing to undo.
Undo undoFor(const LoadedProgram& prog, const TableCommand& c) {
  using Op = TableCommand::Op;
  const std::string table = c.table;
  switch (c.op) {
    case Op::RegisterWrite: {
      Result<ExternEntry> old = readExternEntry(prog, table, c.keys);
      if (!old) return {};
      ExternEntry e = *old;
      return [&prog, table, e] { (void)writeExternEntry(prog, table, e.key, e.value); };
    }
    // Reads change nothing; resets are not undone (counts cannot be written back).
    case Op::CounterRead:
    case Op::CounterReset:
    case Op::RegisterRead:
    case Op::RegisterReset: return {};
    case Op::Add: {
      auto keys = c.keys;
      auto priority = commandPriority(prog, c);
      return [&prog, table, keys, priority] { (void)deleteEntry(prog, table, keys, priority); };
    }
    case Op::Modify:
    case Op::Delete: {
      Result<Entry> old = lookupEntry(prog, table, c.keys, commandPriority(prog, c));
      if (!old) return {};
      Entry e = *old;
      bool wasModify = c.op == Op::Modify;
      return [&prog, table, e, wasModify] {
        if (wasModify) (void)modifyEntry(prog, table, e.keys, e.action, e.params, e.priority);
        else (void)addEntry(prog, table, e.keys, e.action, e.params, e.priority);
      };
    }
    case Op::SetDefault:
    case Op::ResetDefault: {
      Result<Entry> old = readDefault(prog, table);
      if (!old) return {};
      Entry e = *old;
      return [&prog, table, e] {
        if (e.compiledDefault) (void)resetDefault(prog, table);
        else (void)setDefault(prog, table, e.action, e.params);
      };
    }
    case Op::Clear: {
      Result<std::vector<Entry>> old = dumpTable(prog, table);
      if (!old) return {};
      auto entries = *old;
      return [&prog, table, entries] {
        for (const Entry& e : entries) (void)addEntry(prog, table, e.keys, e.action, e.params, e.priority);
      };
    }
    case Op::Dump: return {};
  }
  return {};
}

}  // namespace

Status runTableScript(const LoadedProgram& prog, const std::vector<TableCommand>& commands,
                      ScriptOutcome* outcome) {
  ScriptOutcome local;
  ScriptOutcome& out = outcome ? *outcome : local;
  out = ScriptOutcome{};
  if (Status s = checkTableScript(prog, commands); !s) return s;
  std::vector<Undo> undo;
  for (const TableCommand& c : commands) {
    Undo u = undoFor(prog, c);
    Result<std::vector<Entry>> r = runTableCommand(prog, c);
    if (!r) {
      for (auto it = undo.rbegin(); it != undo.rend(); ++it)
        if (*it) (*it)();
      out.rolledBack = true;
      return atLine(c, r.error());
    }
    undo.push_back(std::move(u));
    ++out.applied;
    using Op = TableCommand::Op;
    if (c.op == Op::Dump || c.op == Op::CounterRead || c.op == Op::RegisterRead)
      out.dumps.emplace_back(c.line, std::move(*r));
  }
  return {};
}

}  // namespace p4wb::runtime
