// Parser value sets and the tc head rebuild, through the CLI and BPF_PROG_TEST_RUN:
// tests/kernel/data/valueset_vlan.p4 is loaded twice (pinned, not attached: test runs
// need no interface), on xdp and on tc-ingress. `p4wb valueset add/list/del/clear` change
// which EtherTypes the parser's select matches, seen in the output frames; on tc a VLAN
// tag in front of a non-IP EtherType is popped (it used to drop: bpf_skb_adjust_room
// refuses non-IP skbs).
#include "tests/kernel/lab_fixture.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <iostream>
#include <string>

using namespace p4wb::tests;

namespace {

const std::string kProgram = std::string(P4WB_TEST_DATA) + "/valueset_vlan.p4";
const std::string kMacs = "00000000000d 00000000000e ";


// The output frame of one test run, as hex without spaces ("" on failure).
std::string runOutput(const std::string& name, const std::string& hex) {
  auto j = parseJsonOutput(cli("run " + name + " \"" + hex + "\" --json"));
  return j.is_object() && j.contains("output") ? j["output"].get<std::string>() : "";
}

void testValueSet(const std::string& name) {
  const std::string frame = kMacs + "1234 00";
  check(runOutput(name, frame) == "00000000000d00000000000e123400",
        "empty value set: EtherType 0x1234 is not in it (tag stays 00)", cli("valueset list " + name + " special"));
  auto add = cli("valueset add " + name + " special 0x1234 2048");
  check(add.status == 0, "valueset add special 0x1234 2048", add);
  auto list = parseJsonOutput(cli("valueset list " + name + " P.special --json"));
  check(list.is_object() && list["kind"] == "value_set" && list["entries"].size() == 2 &&
            list["entries"][0]["key"]["value"] == 2048 && list["entries"][1]["key"]["value"] == 4660,
        "valueset list --json: 2048 and 4660, sorted by key bytes", cli("valueset list " + name + " special"));
  check(runOutput(name, frame) == "00000000000d00000000000e1234ee",
        "0x1234 added: the select takes the value-set case (tag ee)", add);
  auto del = cli("valueset del " + name + " special 0x1234");
  check(del.status == 0 && runOutput(name, frame) == "00000000000d00000000000e123400",
        "0x1234 removed: no match again", del);
  auto missing = cli("valueset del " + name + " special 0x1234");
  check(missing.status != 0, "deleting a value that is not in the set fails", missing);
  auto wide = cli("valueset add " + name + " special 0x12345");
  check(wide.status != 0, "a value wider than bit<16> is refused", wide);
  auto clear = cli("valueset clear " + name + " special");
  check(clear.status == 0 && clear.out.find("deleted 1 value") != std::string::npos,
        "valueset clear removes the remaining value (2048)", clear);
  auto wrongKind = cli("register read " + name + " special");
  check(wrongKind.status != 0 && wrongKind.out.find("value set") != std::string::npos,
        "register read on a value set says what it is", wrongKind);
}

void testTcVlanPop(const std::string& name) {
  check(runOutput(name, kMacs + "8100 0064 88b5 01 02") == "00000000000d00000000000e88b50102",
        "tc: VLAN tag in front of EtherType 0x88b5 popped (not dropped)", cli("status " + name));
  check(runOutput(name, kMacs + "8100 0064 0800 45") == "00000000000d00000000000e080045",
        "tc: VLAN tag in front of IPv4 popped", cli("status " + name));
  check(runOutput(name, kMacs + "88b5 07") == "00000000000d00000000000e88b507",
        "tc: untagged frame unchanged", cli("status " + name));
}

}  // namespace

int main() {
  if (geteuid() != 0) {
    std::cout << "SKIP: cli_valueset needs root (BPF programs and maps)\n";
    return 77;
  }
  const std::string xdp = "bevs" + std::to_string(getpid());
  const std::string tc = "bevt" + std::to_string(getpid());
  auto load = cli("load " + kProgram + " --name " + xdp);
  check(load.status == 0, "load valueset_vlan.p4 (xdp, pinned only)", load);
  if (load.status == 0) testValueSet(xdp);
  auto loadTc = cli("load " + kProgram + " --hook tc-ingress --name " + tc);
  check(loadTc.status == 0, "load valueset_vlan.p4 for tc-ingress (pinned only)", loadTc);
  if (loadTc.status == 0) {
    testTcVlanPop(tc);
    testValueSet(tc);
  }
  cli("unload " + xdp);
  cli("unload " + tc);
  return finish();
}
