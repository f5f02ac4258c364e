// `const entries` against a mutable `entries` list, through the CLI and
// BPF_PROG_TEST_RUN (tests/kernel/data/table_entries.p4, pinned, not attached): the const
// table answers from its code and refuses add/mod/del/clear and set-default; the initial
// entries of the other table are in its map, where deleting or modifying one changes what
// the program does (they used to be matched in code first, so a delete had no effect).
#include "tests/kernel/lab_fixture.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <iostream>
#include <string>

using namespace p4wb::tests;

namespace {

const std::string kProgram = std::string(P4WB_TEST_DATA) + "/table_entries.p4";


// The tag bytes (k v w) of the output frame of one test run ("" on failure).
std::string tagOut(const std::string& name, const std::string& key) {
  auto j = parseJsonOutput(cli("run " + name + " \"00000000000d 00000000000e 88b5 " + key + " 00 00\" --json"));
  if (!j.is_object() || !j.contains("output")) return "";
  std::string out = j["output"].get<std::string>();
  return out.size() >= 34 ? out.substr(28) : out;
}

void testTables(const std::string& name) {
  check(tagOut(name, "01") == "01a1b1", "key 1: const entry set_v(a1), initial entry set_w(b1)", cli("status " + name));
  check(tagOut(name, "03") == "03ffee", "key 3: both defaults (ff, ee)", cli("status " + name));
  auto dump = parseJsonOutput(cli("table dump " + name + " initial --json"));
  check(dump.dump().find("b2") != std::string::npos || dump.dump().find("178") != std::string::npos,
        "the initial entries are in the map", cli("table dump " + name + " initial"));
  auto add = cli("table add " + name + " fixed 3 set_v 0x33");
  check(add.status != 0 && add.out.find("const entries") != std::string::npos,
        "table add on a `const entries` table is refused, saying why", add);
  auto del = cli("table del " + name + " fixed 1");
  check(del.status != 0 && del.out.find("const entries") != std::string::npos, "table del on it is refused", del);
  auto clear = cli("table clear " + name + " fixed");
  check(clear.status != 0, "table clear on it is refused", clear);
  auto def = cli("table set-default " + name + " fixed set_v 0x44");
  check(def.status != 0 && def.out.find("const") != std::string::npos, "its const default action cannot change", def);
  check(tagOut(name, "01") == "01a1b1" && tagOut(name, "03") == "03ffee", "the const table still answers the same",
        cli("status " + name));
  auto delInitial = cli("table del " + name + " initial 1");
  check(delInitial.status == 0, "deleting an initial (non-const) entry works", delInitial);
  check(tagOut(name, "01") == "01a1ee", "key 1 now misses in `initial` (default ee)", delInitial);
  auto mod = cli("table mod " + name + " initial 2 set_w 0x22");
  check(mod.status == 0 && tagOut(name, "02") == "02a222", "modifying an initial entry takes effect", mod);
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: cli_const_entries needs root (BPF programs and maps)\n";
    return 77;
  }
  const std::string name = "bece" + std::to_string(getpid());
  auto load = cli("load " + kProgram + " --name " + name);
  check(load.status == 0, "load table_entries.p4 (xdp, pinned only)", load);
  if (load.status == 0) testTables(name);
  cli("unload " + name);
  return finish();
}
