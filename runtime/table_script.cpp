#include "runtime/table_script.h"

#include <algorithm>
#include <cctype>

#include "runtime/externs.h"
#include "runtime/table_scan.h"

namespace p4wb::runtime {

namespace {

std::vector<std::string> splitWords(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    std::size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > start) words.emplace_back(line.substr(start, i - start));
  }
  return words;
}

Error usage(const std::string& what) { return makeError(EINVAL, what); }

Result<int> parseInt(const std::string& text, const char* what) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9)
    return usage(std::string("expected a number for ") + what + ", got '" + text + "'");
  return std::stoi(text);
}

// runtime_CLI counter_read/counter_reset/register_read/register_write/register_reset.
Result<TableCommand> parseExternLine(const std::vector<std::string>& w) {
  using Op = TableCommand::Op;
  struct Form { const char* verb; Op op; std::size_t minWords, maxWords; const char* usage; };
  static const Form kForms[] = {
      {"counter_read", Op::CounterRead, 2, 3, "counter_read <counter> [<index>]"},
      {"counter_reset", Op::CounterReset, 2, 3, "counter_reset <counter> [<index>]"},
      {"register_read", Op::RegisterRead, 2, 3, "register_read <register> [<index>]"},
      {"register_write", Op::RegisterWrite, 4, ~std::size_t{0},
       "register_write <register> <index> <value>..."},
      {"register_reset", Op::RegisterReset, 2, 3, "register_reset <register> [<index>]"},
  };
  for (const Form& f : kForms) {
    if (w[0] != f.verb) continue;
    if (w.size() < f.minWords || w.size() > f.maxWords) return usage(std::string("usage: ") + f.usage);
    TableCommand c;
    c.op = f.op;
    c.table = w[1];
    if (w.size() > 2) c.keys.push_back(w[2]);
    if (w.size() > 3) c.params.assign(w.begin() + 3, w.end());
    return c;
  }
  return usage("unknown command '" + w[0] + "'");
}

// runtime_CLI: table_add T A k... => p... [prio]
Result<TableCommand> parseRuntimeCli(const std::vector<std::string>& w) {
  TableCommand c;
  const std::string& verb = w[0];
  auto need = [&](std::size_t n, const char* form) -> Status {
    if (w.size() < n) return usage(std::string("usage: ") + form);
    return {};
  };
  if (verb == "table_add" || verb == "table_modify") {
    const char* form = "table_add <table> <action> <key>... => <param>... [<priority>]";
    if (Status s = need(3, form); !s) return s.error();
    c.op = verb == "table_add" ? TableCommand::Op::Add : TableCommand::Op::Modify;
    c.bmv2 = true;
    c.table = w[1];
    c.action = w[2];
    auto arrow = std::find(w.begin() + 3, w.end(), "=>");
    c.keys.assign(w.begin() + 3, arrow);
    if (arrow != w.end()) c.params.assign(arrow + 1, w.end());
    // A trailing priority only makes sense for ternary/range tables; BMv2 puts it last.
    return c;
  }
  if (verb == "table_delete" || verb == "table_set_default" || verb == "table_reset_default" ||
      verb == "table_clear" || verb == "table_dump") {
    if (Status s = need(2, (verb + " <table> ...").c_str()); !s) return s.error();
    c.table = w[1];
    if (verb == "table_delete") {
      c.op = TableCommand::Op::Delete;
      c.keys.assign(w.begin() + 2, w.end());
      if (c.keys.empty()) return usage("usage: table_delete <table> <key>...");
    } else if (verb == "table_set_default") {
      if (Status s = need(3, "table_set_default <table> <action> [<param>...]"); !s) return s.error();
      c.op = TableCommand::Op::SetDefault;
      c.action = w[2];
      c.params.assign(w.begin() + 3, w.end());
    } else {
      c.op = verb == "table_reset_default" ? TableCommand::Op::ResetDefault
             : verb == "table_clear"      ? TableCommand::Op::Clear
                                          : TableCommand::Op::Dump;
      if (w.size() > 2) return usage("unexpected words after " + verb + " <table>");
    }
    return c;
  }
  if (verb.starts_with("counter_") || verb.starts_with("register_")) return parseExternLine(w);
  return usage("unknown command '" + verb + "'");
}

// nikss-ctl: the words after "table"; "pipe <id>" already removed.
Result<TableCommand> parseNikss(std::vector<std::string> w) {
  TableCommand c;
  if (w.empty()) return usage("expected add, update, delete, get or default after 'table'");
  std::string verb = w[0];
  std::size_t i = 1;
  if (verb == "default") {
    if (w.size() < 2 || (w[1] != "set" && w[1] != "reset"))
      return usage("expected 'table default set' or 'table default reset'");
    verb = "default " + w[1];
    i = 2;
  }
  if (i >= w.size()) return usage("expected a table name after 'table " + verb + "'");
  c.table = w[i++];
  if (verb == "add") c.op = TableCommand::Op::Add;
  else if (verb == "update") c.op = TableCommand::Op::Modify;
  else if (verb == "delete") c.op = TableCommand::Op::Delete;
  else if (verb == "get") c.op = TableCommand::Op::Dump;
  else if (verb == "default set") c.op = TableCommand::Op::SetDefault;
  else if (verb == "default reset") c.op = TableCommand::Op::ResetDefault;
  else return usage("unknown table command '" + verb + "'");
  std::vector<std::string>* list = nullptr;  // where bare words go (after key / data)
  for (; i < w.size(); ++i) {
    const std::string& word = w[i];
    if (word == "action") continue;  // "action name X" / "action id N"
    if ((word == "name" || word == "id") && i + 1 < w.size() && !list) {
      if (word == "name") c.action = w[++i];
      else {
        Result<int> id = parseInt(w[++i], "the action id");
        if (!id) return id.error();
        c.actionId = static_cast<std::uint32_t>(*id);
      }
    } else if (word == "key") list = &c.keys;
    else if (word == "data") list = &c.params;
    else if (word == "priority" && i + 1 < w.size()) {
      Result<int> p = parseInt(w[++i], "the priority");
      if (!p) return p.error();
      c.priority = *p;
    } else if (list) list->push_back(word);
    else return usage("unexpected '" + word + "' (expected action, key, data or priority)");
  }
  bool needsAction = c.op == TableCommand::Op::Add || c.op == TableCommand::Op::Modify ||
                     c.op == TableCommand::Op::SetDefault;
  if (needsAction && c.action.empty() && !c.actionId) return usage("missing 'action name <a>' or 'action id <n>'");
  if (c.op == TableCommand::Op::Delete && c.keys.empty()) c.op = TableCommand::Op::Clear;
  return c;
}

const char* externKind(const TableCommand& c) {
  bool counter = c.op == TableCommand::Op::CounterRead || c.op == TableCommand::Op::CounterReset;
  return counter ? "counter_array" : "register";
}

// Reads come back as entries {index} => value fields, the shape table dumps have.
Result<std::vector<Entry>> runExternCommand(const LoadedProgram& prog, const TableCommand& c) {
  using Op = TableCommand::Op;
  Result<const ExternSchema*> x = findExternOfKind(prog.schema(), c.table, externKind(c));
  if (!x) return x.error();
  const std::string& name = (*x)->name;
  std::vector<Entry> out;
  if (c.op == Op::CounterRead || c.op == Op::RegisterRead) {
    std::vector<ExternEntry> slots;
    if (c.keys.empty()) {
      Result<std::vector<ExternEntry>> all = dumpExtern(prog, name, true);
      if (!all) return all.error();
      slots = std::move(*all);
    } else {
      Result<ExternEntry> one = readExternEntry(prog, name, c.keys);
      if (!one) return one.error();
      slots.push_back(std::move(*one));
    }
    for (ExternEntry& s : slots) out.push_back({std::move(s.key), "", std::move(s.value), false});
    return out;
  }
  if (c.op == Op::RegisterWrite) {
    if (Status s = writeExternEntry(prog, name, c.keys, c.params); !s) return s.error();
    return out;
  }
  std::optional<std::vector<std::string>> key;
  if (!c.keys.empty()) key = c.keys;
  Result<std::size_t> n = resetExtern(prog, name, key);
  if (!n) return n.error();
  return out;
}

}  // namespace

Result<TableCommand> parseTableCommand(std::string_view line) {
  std::size_t hash = line.find('#');
  std::vector<std::string> w = splitWords(line.substr(0, hash));
  if (w.empty()) return usage("empty command");
  if (w[0] == "nikss-ctl") w.erase(w.begin());
  if (!w.empty() && w[0] == "table") {
    w.erase(w.begin());
    // "pipe <id>" names the nikss pipeline; we always act on the program we were given.
    for (std::size_t i = 0; i + 1 < w.size(); ++i)
      if (w[i] == "pipe") {
        w.erase(w.begin() + static_cast<long>(i), w.begin() + static_cast<long>(i) + 2);
        break;
      }
    return parseNikss(std::move(w));
  }
  if (w.empty()) return usage("empty command");
  return parseRuntimeCli(w);
}

Result<std::vector<TableCommand>> parseTableScript(std::string_view text) {
  std::vector<TableCommand> out;
  unsigned lineNo = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++lineNo;
    pos = end + 1;
    if (splitWords(line.substr(0, line.find('#'))).empty()) continue;
    Result<TableCommand> c = parseTableCommand(line);
    if (!c) return makeError(c.error().errnum, "line " + std::to_string(lineNo) + ": " + c.error().message);
    c->line = lineNo;
    out.push_back(std::move(*c));
  }
  return out;
}

Status normalizePriority(const TableSchema& table, TableCommand& c) {
  if (!c.bmv2 || !table.scan || (c.op != TableCommand::Op::Add && c.op != TableCommand::Op::Modify)) return {};
  Result<const ActionSchema*> action = c.actionId ? Result<const ActionSchema*>(table.actionById(*c.actionId))
                                                  : table.findAction(c.action);
  if (!action || !*action || c.params.size() != (*action)->params.size() + 1) return {};
  Result<int> bmv2 = parseInt(c.params.back(), "the priority");
  if (!bmv2) return bmv2.error();
  Result<std::uint32_t> p = priorityFromBmv2(table, *bmv2);
  if (!p) return p.error();
  c.params.pop_back();
  c.priority = static_cast<int>(*p);
  c.bmv2 = false;
  return {};
}

namespace {

std::optional<std::uint32_t> priorityOf(const TableCommand& c) {
  if (!c.priority || *c.priority < 0) return std::nullopt;
  return static_cast<std::uint32_t>(*c.priority);
}

}  // namespace

bool isExternCommand(const TableCommand& c) {
  using Op = TableCommand::Op;
  return c.op == Op::CounterRead || c.op == Op::CounterReset || c.op == Op::RegisterRead ||
         c.op == Op::RegisterWrite || c.op == Op::RegisterReset;
}

Result<std::vector<Entry>> runTableCommand(const LoadedProgram& prog, const TableCommand& command) {
  if (isExternCommand(command)) return runExternCommand(prog, command);
  TableCommand c = command;
  if (Result<const TableSchema*> t = prog.schema().findTable(c.table); t)
    if (Status s = normalizePriority(**t, c); !s) return s.error();
  std::optional<std::uint32_t> priority = priorityOf(c);
  std::string action = c.action;
  if (c.actionId) {
    Result<const TableSchema*> table = prog.schema().findTable(c.table);
    if (!table) return table.error();
    const ActionSchema* a = (*table)->actionById(*c.actionId);
    if (!a) return makeError(ENOENT, "table " + (*table)->name + " has no action with id " + std::to_string(*c.actionId));
    action = a->name;
  }
  std::vector<Entry> none;
  auto done = [&](Status s) -> Result<std::vector<Entry>> {
    if (!s) return s.error();
    return none;
  };
  switch (c.op) {
    case TableCommand::Op::Add: return done(addEntry(prog, c.table, c.keys, action, c.params, priority));
    case TableCommand::Op::Modify: return done(modifyEntry(prog, c.table, c.keys, action, c.params, priority));
    case TableCommand::Op::Delete: return done(deleteEntry(prog, c.table, c.keys, priority));
    case TableCommand::Op::SetDefault: return done(setDefault(prog, c.table, action, c.params));
    case TableCommand::Op::ResetDefault: return done(resetDefault(prog, c.table));
    case TableCommand::Op::Clear: {
      Result<std::size_t> n = clearTable(prog, c.table);
      if (!n) return n.error();
      return none;
    }
    case TableCommand::Op::Dump: {
      if (c.keys.empty()) return dumpTable(prog, c.table);
      Result<Entry> e = lookupEntry(prog, c.table, c.keys, priority);
      if (!e) return e.error();
      return std::vector<Entry>{*e};
    }
  }
  return none;
}

}  // namespace p4wb::runtime
