// `p4wb lab up|down|list` (recorded throwaway namespaces with veth pairs) and
// `p4wb targets [--netns NS]` (namespaces -> interfaces -> attached programs).
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/lab_store.h"
#include "runtime/program_store.h"
#include "runtime/targets.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

namespace p4wb::app::cli {
namespace {

nlohmann::json labJson(const runtime::LabRecord& r) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& p : r.pairs)
    pairs.push_back({{"dev", p.dev}, {"peer", p.peer}, {"dev_addr", p.devAddr}, {"peer_addr", p.peerAddr}});
  return {{"name", r.name}, {"netns", r.netns}, {"peer_netns", r.peerNetns}, {"pairs", pairs}};
}

void printLab(const runtime::LabRecord& r) {
  std::cout << "lab " << r.name << ": netns " << r.netns << " <-> netns " << r.peerNetns << "\n";
  for (const auto& p : r.pairs)
    std::cout << "  " << p.dev << " " << p.devAddr << "  <->  " << p.peer << " " << p.peerAddr << "\n";
}

struct LabArgs {
  std::string name;
  unsigned pairs = 1;
  bool json = false;
};

// Which of our named programs has which kernel program id, to mark ours in listings.
std::map<std::uint32_t, std::string> ourPrograms() {
  std::map<std::uint32_t, std::string> out;
  runtime::ProgramStore store;
  if (auto list = store.list())
    for (const auto& r : *list) out[r.progId] = r.name;
  return out;
}

nlohmann::json progJson(std::uint32_t id, const std::map<std::uint32_t, std::string>& ours) {
  if (id == 0) return nullptr;
  nlohmann::json j = {{"prog_id", id}};
  if (auto it = ours.find(id); it != ours.end()) j["name"] = it->second;
  return j;
}

std::string progText(const char* hook, std::uint32_t id, const std::map<std::uint32_t, std::string>& ours) {
  if (id == 0) return {};
  std::string s = std::string("  ") + hook + " id " + std::to_string(id);
  if (auto it = ours.find(id); it != ours.end()) s += " [" + it->second + "]";
  return s;
}

// Every tc program of an interface (ours and other tools'), for --json.
nlohmann::json tcJson(const runtime::InterfaceInfo& i, const std::map<std::uint32_t, std::string>& ours) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& t : i.tc) {
    nlohmann::json j = progJson(t.progId, ours);
    j["hook"] = std::string(runtime::hookName(t.hook));
    j["prog_name"] = t.progName;
    j["tcx"] = t.tcx;
    if (!t.tcx) {
      j["handle"] = t.handle;
      j["priority"] = t.priority;
      j["filter_name"] = t.filterName;
    }
    arr.push_back(j);
  }
  return arr;
}

std::string tcText(const runtime::TcProgram& t, const std::map<std::uint32_t, std::string>& ours) {
  std::string s = progText(runtime::hookName(t.hook).data(), t.progId, ours);
  if (!t.progName.empty()) s += " " + t.progName;
  if (t.tcx) return s + " (tcx)";
  char where[64];
  std::snprintf(where, sizeof where, " (pref %u handle 0x%x)", t.priority, t.handle);
  return s + where;
}

void printTargetsText(const std::vector<runtime::NetnsInfo>& all, const std::map<std::uint32_t, std::string>& ours) {
  for (const auto& ns : all) {
    std::cout << "netns " << (ns.name.empty() ? "(current, unnamed)" : ns.name)
              << (ns.current && !ns.name.empty() ? " (current)" : "") << "\n";
    if (!ns.error.empty()) std::cout << "  error: " << ns.error << "\n";
    for (const auto& i : ns.interfaces) {
      std::cout << "  " << i.index << ": " << i.name << " " << (i.up ? (i.running ? "UP" : "UP,NO-CARRIER") : "DOWN");
      for (const auto& a : i.addresses) std::cout << " " << a;
      if (i.xdp.progId)
        std::cout << progText("xdp", i.xdp.progId, ours) << (i.xdpProgName.empty() ? "" : " " + i.xdpProgName)
                  << " (" << runtime::xdpModeName(i.xdp.mode) << ")";
      for (const auto& t : i.tc) std::cout << tcText(t, ours);
      std::cout << "\n";
    }
  }
}

void runTargets(const std::string& netns, bool json) {
  std::vector<runtime::NetnsInfo> all;
  if (netns.empty()) all = orFail(runtime::listTargets(), "targets");
  else all.push_back(orFail(runtime::describeNetns(netns), "netns " + netns));
  const auto ours = ourPrograms();
  if (!json) return printTargetsText(all, ours);
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& ns : all) {
    nlohmann::json ifs = nlohmann::json::array();
    for (const auto& i : ns.interfaces) {
      nlohmann::json xdp = progJson(i.xdp.progId, ours);
      if (!xdp.is_null()) {
        xdp["mode"] = std::string(runtime::xdpModeName(i.xdp.mode));
        xdp["prog_name"] = i.xdpProgName;
      }
      ifs.push_back({{"index", i.index}, {"name", i.name}, {"up", i.up}, {"running", i.running},
                     {"addresses", i.addresses}, {"xdp", xdp},
                     {"tc_ingress", progJson(i.tcIngressProgId, ours)},
                     {"tc_egress", progJson(i.tcEgressProgId, ours)}, {"tc", tcJson(i, ours)}});
    }
    nlohmann::json j = {{"netns", ns.name}, {"current", ns.current}, {"interfaces", ifs}};
    if (!ns.error.empty()) j["error"] = ns.error;
    arr.push_back(j);
  }
  printJson(arr);
}

}  // namespace

void addLabCommands(CLI::App& app, Context& ctx) {
  auto* lab = app.add_subcommand("lab", "Throwaway namespaces with veth pairs to experiment in");
  lab->require_subcommand(1);
  auto up = std::make_shared<LabArgs>();
  auto* u = lab->add_subcommand("up", "Create lab LAB: netns LAB and LAB-peer joined by N veth pairs "
                                      "(vethI 10.0.I.1/24 <-> peerI 10.0.I.2/24)");
  u->add_option("LAB", up->name, "Lab name")->required();
  u->add_option("--pairs", up->pairs, "Number of veth pairs")->check(CLI::Range(1u, 64u));
  u->add_flag("--json", up->json, "JSON output");
  u->callback([up] {
    requirePrivileges("lab up");
    auto r = orFail(runtime::labUp(up->name, up->pairs), "lab up " + up->name);
    if (up->json) printJson(labJson(r));
    else printLab(r);
  });
  auto down = std::make_shared<LabArgs>();
  auto* d = lab->add_subcommand("down", "Remove exactly what `lab up LAB` created");
  d->add_option("LAB", down->name, "Lab name")->required();
  d->add_flag("--json", down->json, "JSON output");
  d->callback([down] {
    requirePrivileges("lab down");
    auto r = orFail(runtime::labDown(down->name), "lab down " + down->name);
    if (down->json) printJson({{"removed", labJson(r)}});
    else std::cout << "removed lab " << r.name << " (netns " << r.netns << ", " << r.peerNetns << ")\n";
  });
  auto list = std::make_shared<LabArgs>();
  auto* l = lab->add_subcommand("list", "List the labs that exist");
  l->add_flag("--json", list->json, "JSON output");
  l->callback([list] {
    auto labs = orFail(runtime::listLabs(), "lab list");
    if (list->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& r : labs) arr.push_back(labJson(r));
      printJson(arr);
      return;
    }
    if (labs.empty()) std::cout << "no labs\n";
    for (const auto& r : labs) printLab(r);
  });

  auto t = std::make_shared<LabArgs>();
  auto* targets = app.add_subcommand(
      "targets", "List network namespaces, their interfaces and every XDP/tc program attached, "
                 "ours (marked [NAME]) and other tools'");
  targets->add_option("--netns", t->name, "Only this namespace")->type_name("NS");
  targets->add_flag("--json", t->json, "JSON output");
  targets->callback([t] { runTargets(t->name, t->json); });
  (void)ctx;
}

}  // namespace p4wb::app::cli
