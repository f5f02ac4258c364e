// `p4wb table add|mod|del|get|dump|clear|set-default|reset-default NAME TABLE ...`:
// typed entries of a named program's tables, encoded from its schema. The syntax is
// in docs/tables.md: keys first (as many as the table has key fields), then the
// action, then its parameters.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/program_store.h"
#include "runtime/table.h"

#include <cstdint>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct TableArgs {
  std::string program, table;
  std::vector<std::string> rest;
  bool json = false;
  std::int64_t priority = -1;  // --priority: ternary/range tables, P4 semantics

  std::optional<std::uint32_t> entryPriority() const {
    if (priority < 0) return std::nullopt;
    return static_cast<std::uint32_t>(priority);
  }
};

struct Opened {
  runtime::LoadedProgram prog;
  const runtime::TableSchema* table;
};

Opened open(const TableArgs& a) {
  runtime::ProgramStore store;
  auto prog = orFail(store.open(a.program));
  auto table = orFail(prog.schema().findTable(a.table));
  return {std::move(prog), table};
}

// KEY... ACTION PARAM... split by the table's key count.
struct KeysActionParams {
  std::vector<std::string> keys;
  std::string action;
  std::vector<std::string> params;
};

KeysActionParams split(const runtime::TableSchema& t, const std::vector<std::string>& rest,
                       bool wantAction) {
  KeysActionParams out;
  const std::size_t nk = t.keys.size();
  if (rest.size() < nk + (wantAction ? 1 : 0)) {
    std::string names;
    for (const auto& k : t.keys) names += (names.empty() ? "" : ", ") + k.name;
    throw Failure("table " + t.name + " needs " + std::to_string(nk) + " key value(s) (" +
                  names + ")" + (wantAction ? " followed by an action" : ""));
  }
  out.keys.assign(rest.begin(), rest.begin() + static_cast<long>(nk));
  if (!wantAction) {
    if (rest.size() > nk) throw Failure("unexpected argument '" + rest[nk] + "' after the key");
    return out;
  }
  out.action = rest[nk];
  std::size_t i = nk + 1;
  if (i < rest.size() && rest[i] == "=>") ++i;  // runtime_CLI habit
  out.params.assign(rest.begin() + static_cast<long>(i), rest.end());
  return out;
}

std::string entryText(const runtime::Entry& e) {
  std::string s;
  for (const auto& k : e.keys) s += k + " ";
  s += "=> " + e.action + "(";
  for (std::size_t i = 0; i < e.params.size(); ++i) s += (i ? ", " : "") + e.params[i];
  s += ")";
  if (e.priority) s += "  priority " + std::to_string(*e.priority);
  return s;
}

nlohmann::json entryJson(const runtime::Entry& e) {
  nlohmann::json j = {{"key", e.keys}, {"action", e.action}, {"params", e.params}};
  if (e.priority) j["priority"] = *e.priority;
  return j;
}

// Write commands print nothing on success unless --json asks for a confirmation object.
void done(const TableArgs& a, const char* op, nlohmann::json extra = nlohmann::json::object()) {
  if (!a.json) return;
  extra["ok"] = true;
  extra["op"] = op;
  extra["program"] = a.program;
  extra["table"] = a.table;
  printJson(extra);
}

void runDump(const TableArgs& a) {
  auto o = open(a);
  auto entries = orFail(runtime::dumpTable(o.prog, o.table->name), o.table->name);
  auto def = runtime::readDefault(o.prog, o.table->name);
  if (a.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : entries) arr.push_back(entryJson(e));
    nlohmann::json j = {{"table", o.table->name}, {"entries", arr}};
    if (def.ok()) {
      j["default"] = entryJson(*def);
      j["default"]["compiled_in"] = def->compiledDefault;
    }
    printJson(j);
    return;
  }
  std::cout << o.table->name << ": " << entries.size() << " entr"
            << (entries.size() == 1 ? "y" : "ies") << "\n";
  for (const auto& e : entries) std::cout << "  " << entryText(e) << "\n";
  if (def.ok())
    std::cout << "  default => " << def->action << "(" << [&] {
      std::string p;
      for (std::size_t i = 0; i < def->params.size(); ++i) p += (i ? ", " : "") + def->params[i];
      return p;
    }() << ")" << (def->compiledDefault ? "  (as compiled)" : "") << "\n";
}

CLI::App* addTableSub(CLI::App* table, const std::string& name, const std::string& help,
                      const std::string& restHelp, std::shared_ptr<TableArgs>& args) {
  args = std::make_shared<TableArgs>();
  auto* c = table->add_subcommand(name, help);
  c->add_option("NAME", args->program, "Program name given at load")->required();
  c->add_option("TABLE", args->table, "Table: full P4 name or unique suffix")->required();
  if (!restHelp.empty()) c->add_option("ARGS", args->rest, restHelp);
  c->add_flag("--json", args->json, "JSON output");
  if (name == "add" || name == "mod" || name == "del" || name == "get")
    c->add_option("--priority", args->priority,
                  "Entry priority of a ternary/range table (P4: by default the largest wins)")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{4294967295}));
  return c;
}

}  // namespace

void addTableCommands(CLI::App& app, Context& ctx) {
  auto* table = app.add_subcommand("table", "Read and write a loaded program's tables");
  table->require_subcommand(1);
  std::shared_ptr<TableArgs> add, mod, del, get, dump, clear, setdef, resetdef;

  addTableSub(table, "add", "Add an entry: KEY... ACTION [PARAM...]", "KEY... ACTION [PARAM...]", add)
      ->callback([add] {
        auto o = open(*add);
        auto s = split(*o.table, add->rest, true);
        orFail(runtime::addEntry(o.prog, o.table->name, s.keys, s.action, s.params, add->entryPriority()), "add");
        done(*add, "add");
      });
  addTableSub(table, "mod", "Change the action of an entry: KEY... ACTION [PARAM...]",
              "KEY... ACTION [PARAM...]", mod)
      ->callback([mod] {
        auto o = open(*mod);
        auto s = split(*o.table, mod->rest, true);
        orFail(runtime::modifyEntry(o.prog, o.table->name, s.keys, s.action, s.params, mod->entryPriority()),
               "mod");
        done(*mod, "mod");
      });
  addTableSub(table, "del", "Delete the entry with KEY...", "KEY...", del)->callback([del] {
    auto o = open(*del);
    auto s = split(*o.table, del->rest, false);
    orFail(runtime::deleteEntry(o.prog, o.table->name, s.keys, del->entryPriority()), "del");
    done(*del, "del");
  });
  addTableSub(table, "get", "Show the entry with KEY...", "KEY...", get)->callback([get] {
    auto o = open(*get);
    auto s = split(*o.table, get->rest, false);
    auto e = orFail(runtime::lookupEntry(o.prog, o.table->name, s.keys, get->entryPriority()), "get");
    if (!o.table->scan) e.keys = s.keys;  // scanned tables show the stored value&&&mask
    if (get->json) printJson(entryJson(e));
    else std::cout << entryText(e) << "\n";
  });
  addTableSub(table, "dump", "List every entry and the default action", "", dump)
      ->callback([dump] { runDump(*dump); });
  addTableSub(table, "clear", "Delete every entry", "", clear)->callback([clear] {
    auto o = open(*clear);
    auto n = orFail(runtime::clearTable(o.prog, o.table->name), "clear");
    if (clear->json) done(*clear, "clear", {{"deleted", n}});
    else std::cout << "deleted " << n << " entr" << (n == 1 ? "y" : "ies") << "\n";
  });
  addTableSub(table, "set-default", "Set the default action: ACTION [PARAM...]",
              "ACTION [PARAM...]", setdef)
      ->callback([setdef] {
        auto o = open(*setdef);
        if (setdef->rest.empty()) throw Failure("set-default needs an action");
        std::vector<std::string> params(setdef->rest.begin() + 1, setdef->rest.end());
        orFail(runtime::setDefault(o.prog, o.table->name, setdef->rest[0], params),
               "set-default");
        done(*setdef, "set-default");
      });
  addTableSub(table, "reset-default", "Go back to the default action compiled in", "", resetdef)
      ->callback([resetdef] {
        auto o = open(*resetdef);
        orFail(runtime::resetDefault(o.prog, o.table->name), "reset-default");
        done(*resetdef, "reset-default");
      });
  (void)ctx;
}

}  // namespace p4wb::app::cli
