// `p4wb externs|counter|register|flows|valueset ...`: the state a loaded program keeps in
// its CounterArray, Register and FlowTable externs and parser value sets, read and written
// through the schema's layouts (runtime/externs.h). Values use the table literal formats
// (docs/tables.md).
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/externs.h"
#include "runtime/program_store.h"

#include <iostream>
#include <memory>
#include <optional>

namespace p4wb::app::cli {
namespace {

struct ExternArgs {
  std::string program, instance;
  std::vector<std::string> rest;
  bool json = false, all = false;
};

struct Opened {
  runtime::LoadedProgram prog;
  const runtime::ExternSchema* x;
};

Opened open(const ExternArgs& a, std::string_view kind) {
  runtime::ProgramStore store;
  auto prog = orFail(store.open(a.program));
  auto x = orFail(runtime::findExternOfKind(prog.schema(), a.instance, kind));
  return {std::move(prog), x};
}

// "3" for one field, "{hits=3, last=255}" for several.
std::string fieldsText(const std::vector<runtime::FieldLayout>& fields,
                       const std::vector<std::string>& values) {
  if (values.size() == 1) return values[0];
  std::string s = "{";
  for (std::size_t i = 0; i < values.size() && i < fields.size(); ++i)
    s += (i ? ", " : "") + fields[i].name + "=" + values[i];
  return s + "}";
}

// Decimal fields of up to 64 bits become JSON numbers; everything else stays a string.
nlohmann::json fieldsJson(const std::vector<runtime::FieldLayout>& fields,
                          const std::vector<std::string>& values) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < values.size() && i < fields.size(); ++i) {
    const auto& f = fields[i];
    bool digits = !values[i].empty() && values[i].find_first_not_of("0123456789") == std::string::npos;
    if (f.format == "dec" && f.bits <= 64 && digits) j[f.name] = std::stoull(values[i]);
    else j[f.name] = values[i];
  }
  return j;
}

void printEntries(const ExternArgs& a, const runtime::ExternSchema& x,
                  const std::vector<runtime::ExternEntry>& entries) {
  if (a.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : entries)
      arr.push_back({{"key", fieldsJson(x.keyFields, e.key)},
                     {"value", fieldsJson(x.valueFields, e.value)}});
    printJson({{"extern", x.name}, {"kind", x.kind}, {"entries", arr}});
    return;
  }
  if (x.kind == "value_set") {
    for (const auto& e : entries) std::cout << e.key[0] << "\n";
    if (entries.empty()) std::cout << x.name << ": empty\n";
    return;
  }
  bool indexed = x.kind != "flow_table";
  for (const auto& e : entries) {
    if (indexed) std::cout << x.name << "[" << e.key[0] << "] = ";
    else std::cout << fieldsText(x.keyFields, e.key) << " => ";
    std::cout << fieldsText(x.valueFields, e.value) << "\n";
  }
  if (entries.empty() && !indexed) std::cout << x.name << ": no flows\n";
}

// Write commands print nothing unless --json asks for a confirmation object.
void done(const ExternArgs& a, const char* op, nlohmann::json extra = nlohmann::json::object()) {
  if (!a.json) return;
  extra["ok"] = true;
  extra["op"] = op;
  extra["program"] = a.program;
  extra["extern"] = a.instance;
  printJson(extra);
}

// read NAME X [INDEX]: one slot, or every slot (non-zero ones unless --all).
void readIndexed(const ExternArgs& a, std::string_view kind) {
  auto o = open(a, kind);
  if (a.rest.size() > 1) throw Failure("expected at most one INDEX");
  std::vector<runtime::ExternEntry> entries;
  if (a.rest.empty()) {
    entries = orFail(runtime::dumpExtern(o.prog, o.x->name, !a.all), o.x->name);
  } else {
    entries.push_back(orFail(runtime::readExternEntry(o.prog, o.x->name, a.rest), o.x->name));
  }
  printEntries(a, *o.x, entries);
}

void reset(const ExternArgs& a, std::string_view kind) {
  auto o = open(a, kind);
  if (a.rest.size() > 1) throw Failure("expected at most one INDEX");
  std::optional<std::vector<std::string>> key;
  if (!a.rest.empty()) key = a.rest;
  auto n = orFail(runtime::resetExtern(o.prog, o.x->name, key), "reset");
  if (a.json) done(a, "reset", {{"slots", n}});
  else if (!key) std::cout << o.x->name << ": " << n << " slot(s) reset\n";
}

// KEY... [=>] VALUE... split by the flow table's key field count.
std::pair<std::vector<std::string>, std::vector<std::string>> splitKeyValue(
    const runtime::ExternSchema& x, const std::vector<std::string>& rest, bool wantValue) {
  const std::size_t nk = x.keyFields.size();
  std::string names;
  for (const auto& f : x.keyFields) names += (names.empty() ? "" : ", ") + f.name;
  if (rest.size() < nk)
    throw Failure(x.name + " needs " + std::to_string(nk) + " key value(s) (" + names + ")");
  std::vector<std::string> key(rest.begin(), rest.begin() + static_cast<long>(nk));
  std::size_t i = nk;
  if (i < rest.size() && rest[i] == "=>") ++i;
  std::vector<std::string> value(rest.begin() + static_cast<long>(i), rest.end());
  if (!wantValue && !value.empty()) throw Failure("unexpected argument '" + value[0] + "' after the key");
  return {key, value};
}

CLI::App* addSub(CLI::App* parent, const std::string& name, const std::string& help,
                 const std::string& what, const std::string& restName, const std::string& restHelp,
                 std::shared_ptr<ExternArgs>& args) {
  args = std::make_shared<ExternArgs>();
  auto* c = parent->add_subcommand(name, help);
  c->add_option("NAME", args->program, "Program name given at load")->required();
  c->add_option(what, args->instance, what + " instance: full P4 name, unique suffix or map name")
      ->required();
  if (!restName.empty()) c->add_option(restName, args->rest, restHelp);
  c->add_flag("--json", args->json, "JSON output");
  return c;
}

void addCounter(CLI::App& app) {
  auto* counter = app.add_subcommand("counter", "Read and reset a program's CounterArray externs");
  counter->require_subcommand(1);
  std::shared_ptr<ExternArgs> read, rst;
  addSub(counter, "read", "Show one counter, or every non-zero one", "COUNTER", "INDEX",
         "Counter index", read)
      ->callback([read] { readIndexed(*read, "counter_array"); })
      ->add_flag("--all", read->all, "Without INDEX: also the counters that are zero");
  addSub(counter, "reset", "Zero one counter, or all of them", "COUNTER", "INDEX",
         "Counter index", rst)
      ->callback([rst] { reset(*rst, "counter_array"); });
}

void addRegister(CLI::App& app) {
  auto* reg = app.add_subcommand("register", "Read and write a program's Register externs");
  reg->require_subcommand(1);
  std::shared_ptr<ExternArgs> read, write, rst;
  addSub(reg, "read", "Show one slot, or every non-zero one", "REGISTER", "INDEX", "Slot index", read)
      ->callback([read] { readIndexed(*read, "register"); })
      ->add_flag("--all", read->all, "Without INDEX: also the slots that are zero");
  addSub(reg, "write", "Write slot INDEX: one VALUE per field of the register's type",
         "REGISTER", "INDEX VALUE...", "Slot index, then the value(s)", write)
      ->callback([write] {
        auto o = open(*write, "register");
        if (write->rest.size() < 2) throw Failure("register write needs INDEX and VALUE...");
        std::vector<std::string> index(write->rest.begin(), write->rest.begin() + 1);
        std::vector<std::string> value(write->rest.begin() + 1, write->rest.end());
        orFail(runtime::writeExternEntry(o.prog, o.x->name, index, value), "write");
        done(*write, "write");
      });
  addSub(reg, "reset", "Zero one slot, or all of them", "REGISTER", "INDEX", "Slot index", rst)
      ->callback([rst] { reset(*rst, "register"); });
}

void addFlows(CLI::App& app) {
  auto* flows = app.add_subcommand("flows", "Read and edit a program's FlowTable externs");
  flows->require_subcommand(1);
  std::shared_ptr<ExternArgs> dump, get, put, del, clear;
  addSub(flows, "dump", "List every flow", "TABLE", "", "", dump)->callback([dump] {
    auto o = open(*dump, "flow_table");
    printEntries(*dump, *o.x, orFail(runtime::dumpExtern(o.prog, o.x->name), o.x->name));
  });
  addSub(flows, "get", "Show the flow with KEY...", "TABLE", "KEY", "One value per key field", get)
      ->callback([get] {
        auto o = open(*get, "flow_table");
        auto [key, value] = splitKeyValue(*o.x, get->rest, false);
        printEntries(*get, *o.x, {orFail(runtime::readExternEntry(o.prog, o.x->name, key), "get")});
      });
  addSub(flows, "put", "Insert or replace a flow: KEY... [=>] VALUE...", "TABLE", "KEY_VALUE",
         "One value per key field, then one per value field", put)
      ->callback([put] {
        auto o = open(*put, "flow_table");
        auto [key, value] = splitKeyValue(*o.x, put->rest, true);
        orFail(runtime::writeExternEntry(o.prog, o.x->name, key, value), "put");
        done(*put, "put");
      });
  addSub(flows, "del", "Delete the flow with KEY...", "TABLE", "KEY", "One value per key field", del)
      ->callback([del] {
        auto o = open(*del, "flow_table");
        auto [key, value] = splitKeyValue(*o.x, del->rest, false);
        orFail(runtime::deleteExternEntry(o.prog, o.x->name, key), "del");
        done(*del, "del");
      });
  addSub(flows, "clear", "Delete every flow", "TABLE", "", "", clear)->callback([clear] {
    auto o = open(*clear, "flow_table");
    auto n = orFail(runtime::resetExtern(o.prog, o.x->name), "clear");
    if (clear->json) done(*clear, "clear", {{"deleted", n}});
    else std::cout << "deleted " << n << " flow(s)\n";
  });
}

// A parser value_set: the select case `vs:` matches the values added here.
void addValueSet(CLI::App& app) {
  auto* vs = app.add_subcommand("valueset", "List and edit a program's parser value sets");
  vs->require_subcommand(1);
  std::shared_ptr<ExternArgs> list, add, del, clear;
  addSub(vs, "list", "Show the values in the set", "SET", "", "", list)->callback([list] {
    auto o = open(*list, "value_set");
    printEntries(*list, *o.x, orFail(runtime::dumpExtern(o.prog, o.x->name), o.x->name));
  });
  addSub(vs, "add", "Add VALUE... to the set", "SET", "VALUE", "Values (the set's element type)",
         add)
      ->callback([add] {
        auto o = open(*add, "value_set");
        if (add->rest.empty()) throw Failure("valueset add needs at least one VALUE");
        for (const std::string& v : add->rest)
          orFail(runtime::writeExternEntry(o.prog, o.x->name, {v}, {}), "add " + v);
        done(*add, "add", {{"values", add->rest.size()}});
      });
  addSub(vs, "del", "Remove VALUE... from the set", "SET", "VALUE", "Values to remove", del)
      ->callback([del] {
        auto o = open(*del, "value_set");
        if (del->rest.empty()) throw Failure("valueset del needs at least one VALUE");
        for (const std::string& v : del->rest)
          orFail(runtime::deleteExternEntry(o.prog, o.x->name, {v}), "del " + v);
        done(*del, "del", {{"values", del->rest.size()}});
      });
  addSub(vs, "clear", "Remove every value", "SET", "", "", clear)->callback([clear] {
    auto o = open(*clear, "value_set");
    auto n = orFail(runtime::resetExtern(o.prog, o.x->name), "clear");
    if (clear->json) done(*clear, "clear", {{"deleted", n}});
    else std::cout << "deleted " << n << " value(s)\n";
  });
}

void listExterns(const std::string& program, bool json) {
  runtime::ProgramStore store;
  auto prog = orFail(store.open(program));
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& x : prog.schema().externs) {
    if (json) {
      arr.push_back({{"name", x.name}, {"kind", x.kind}, {"map", x.map}, {"map_type", x.mapType},
                     {"max_entries", x.maxEntries}, {"key_type", x.keyType},
                     {"value_type", x.valueType}});
      continue;
    }
    std::cout << x.name << "  " << x.kind << "  map " << x.map << " (" << x.mapType << ", "
              << x.maxEntries << ")";
    if (!x.valueType.empty())
      std::cout << "  " << (x.keyType.empty() ? "" : x.keyType + " -> ") << x.valueType;
    std::cout << "\n";
  }
  if (json) printJson(arr);
}

}  // namespace

void addExternCommands(CLI::App& app, Context& ctx) {
  auto list = std::make_shared<std::pair<std::string, bool>>();
  auto* c = app.add_subcommand(
      "externs", "List a loaded program's counters, registers, flow tables and value sets");
  c->add_option("NAME", list->first, "Program name given at load")->required();
  c->add_flag("--json", list->second, "JSON output");
  c->callback([list] { listExterns(list->first, list->second); });
  addCounter(app);
  addRegister(app);
  addFlows(app);
  addValueSet(app);
  (void)ctx;
}

}  // namespace p4wb::app::cli
