// Every p4wb subcommand (walked from `p4wb --help`, nested ones too) answers --help with
// exit 0, offers --json and has an example line `p4wb CMD ...` in docs/cli.md; every read-only one prints JSON that parses, run against a
// loaded program in a veth lab. The help walk needs no root; the JSON part does.
#include "tests/kernel/lab_fixture.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace p4wb::tests;

namespace {

const std::string kP4wb = P4WB_BIN;
const std::string kBasic = std::string(P4WB_EXAMPLES) + "/basic_fwd.p4";


// Names listed under "Subcommands:" in a CLI11 help text.
std::vector<std::string> subcommandsIn(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream in(help);
  std::string line;
  bool inList = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0 || line.rfind("SUBCOMMANDS:", 0) == 0) {
      inList = true;
      continue;
    }
    if (!inList) continue;
    if (line.rfind("  ", 0) != 0) {
      if (!line.empty()) inList = false;
      continue;
    }
    std::istringstream words(line);
    std::string name;
    if (words >> name && name[0] != '-') out.push_back(name);
  }
  return out;
}

// Walks the command tree; returns the leaf commands ("table dump", "lab up", ...).
const std::string& cliDoc() {
  static const std::string text = [] {
    std::ifstream in(P4WB_DOCS_CLI);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  return text;
}

void walk(const std::string& path, std::vector<std::string>& leaves) {
  auto r = cli(path + " --help");
  check(r.status == 0, "p4wb " + path + " --help: exit 0");
  std::vector<std::string> subs = subcommandsIn(r.out);
  if (subs.empty()) {
    leaves.push_back(path);
    check(r.out.find("--json") != std::string::npos, "p4wb " + path + " --help offers --json");
    check(cliDoc().find("p4wb " + path + " ") != std::string::npos, "docs/cli.md has an example of p4wb " + path);
    return;
  }
  for (const auto& s : subs) walk(path.empty() ? s : path + " " + s, leaves);
}

void jsonParses(const std::string& args) {
  auto r = runCommand(kP4wb + " " + args + " --json 2>/dev/null");
  auto j = parseJsonOutput(r);
  check(r.status == 0 && !j.is_null(), "p4wb " + args + " --json: exit 0, JSON parses");
  if (r.status != 0 || j.is_null()) std::cout << "  output was: " << r.out << "\n";
}

}  // namespace

int main() {
  auto top = cli("--help");
  std::vector<std::string> first = subcommandsIn(top.out);
  check(top.status == 0 && first.size() >= 15, "p4wb --help lists the subcommands");
  std::vector<std::string> leaves;
  for (const auto& s : first) walk(s, leaves);
  std::cout << "walked " << leaves.size() << " commands\n";
  if (geteuid() != 0) {
    int rc = finish();
    if (rc != 0) return rc;
    std::cout << "SKIP: the --json part of cli_help needs root (loads a program)\n";
    return 77;
  }
  {
    VethLab lab("help");
    const std::string name = "help" + std::to_string(getpid());
    lab.onTeardown(kP4wb + " unload " + name + " >/dev/null 2>&1");
    check(lab.ok(), "veth lab");
    auto r = cli("load " + kBasic + " --dev " + lab.dev() + " --netns " + lab.netns() + " --name " + name);
    check(r.status == 0, "load " + name);
    if (lab.ok() && r.status == 0) {
      check(cli("table add " + name + " ipv4_fwd 10.0.0.1 drop").status == 0, "an entry for table get");
      // Read-only commands and their JSON.
      const std::vector<std::string> readOnly = {
          "check " + kBasic, "status", "status " + name, "targets", "targets --netns " + lab.netns(), "lab list",
          "table dump " + name + " ipv4_fwd", "table get " + name + " ipv4_fwd 10.0.0.1", "counters " + name,
          "run " + name + " --packet dst=10.0.0.1", "externs " + name};
      for (const std::string& args : readOnly) jsonParses(args);
    }
  }
  return finish();
}
