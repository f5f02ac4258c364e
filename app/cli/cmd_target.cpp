// `p4wb load`, `p4wb unload`, `p4wb status`: named programs attached to interfaces in
// any network namespace, kept pinned between commands.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/attach.h"
#include "runtime/program_store.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct LoadArgs {
  std::string program, dev, netns, hook = "xdp", mode, name;
  bool replace = false, json = false;
  ProgramSourceArgs source;
};

std::string defaultName(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') c = '_';
  return stem.empty() ? "prog" : stem.substr(0, 64);
}

nlohmann::json recordJson(const runtime::ProgramRecord& r) {
  return {{"name", r.name},       {"netns", r.target.netns},
          {"dev", r.target.ifname}, {"ifindex", r.ifindex},
          {"hook", std::string(runtime::hookName(r.target.hook))},
          {"mode", std::string(runtime::xdpModeName(r.attachedMode))},
          {"prog_id", r.progId},  {"source", r.source},
          {"pin_dir", r.pinDir},  {"loaded_at", r.loadedAtUnix}};
}

void runLoad(const LoadArgs& a) {
  requirePrivileges("load");
  runtime::Target target;
  target.netns = a.netns;
  target.ifname = a.dev;
  target.hook = orFail(runtime::parseHook(a.hook, &target.mode), "--hook");
  if (!a.mode.empty()) target.mode = orFail(runtime::parseXdpMode(a.mode), "--mode");
  ProgramSourceArgs source = a.source;
  source.tcProgram = target.hook != runtime::Hook::Xdp;
  runtime::ObjectSpec spec = objectFromPath(a.program, source);
  const std::string name = a.name.empty() ? defaultName(a.program) : a.name;
  runtime::ProgramStore store;
  orFail(store.loadAndAttach(spec, target, name, {}, a.replace), "load " + name);
  auto rec = orFail(store.record(name));
  if (a.json) {
    printJson(recordJson(rec));
  } else {
    std::cout << "loaded " << name << " (prog id " << rec.progId << ")";
    if (!a.dev.empty()) std::cout << ": " << runtime::describeTarget(rec.target);
    std::cout << "\n";
  }
}

// What the kernel says now, since an interface or namespace can vanish under a program:
// "attached", "not attached", "pins missing (stale)", "interface gone: ...",
// "detached: prog N is attached there now".
std::string liveState(const runtime::ProgramRecord& r) {
  if (!r.pinned) return "pins missing (stale; p4wb unload " + r.name + " cleans up)";
  if (r.target.ifname.empty()) return "not attached";
  auto a = runtime::queryAttached(r.target);
  if (!a) return "interface gone: " + a.error().message;
  if (a->progId == r.progId) return "attached";
  if (a->progId == 0) return "detached (nothing attached there now)";
  return "detached: prog " + std::to_string(a->progId) + " is attached there now";
}

void runStatus(const std::string& name, bool json) {
  runtime::ProgramStore store;
  std::vector<runtime::ProgramRecord> records;
  if (name.empty()) records = orFail(store.list());
  else records.push_back(orFail(store.record(name)));
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : records) {
      auto j = recordJson(r);
      j["state"] = liveState(r);
      arr.push_back(j);
    }
    printJson(arr);
    return;
  }
  if (records.empty()) std::cout << "no programs loaded\n";
  for (const auto& r : records) {
    std::cout << r.name << "  prog id " << r.progId << "  "
              << (r.target.ifname.empty() ? std::string("not attached")
                                          : runtime::describeTarget(r.target))
              << "  (" << r.source << ")  " << liveState(r) << "\n";
  }
}

}  // namespace

void addTargetCommands(CLI::App& app, Context& ctx) {
  auto la = std::make_shared<LoadArgs>();
  auto* load = app.add_subcommand(
      "load", "Load a program (.p4 is compiled first, or a .o), pin it as NAME and attach it");
  load->add_option("PROGRAM", la->program, "P4 source or compiled object")
      ->required()->check(CLI::ExistingFile);
  load->add_option("--dev", la->dev, "Interface to attach to (omit to load and pin only)")
      ->type_name("IF");
  load->add_option("--netns", la->netns, "Named network namespace of the interface")
      ->type_name("NS");
  load->add_option("--hook", la->hook, "xdp | xdp-native | xdp-generic | tc-ingress | tc-egress")
      ->type_name("HOOK");
  load->add_option("--mode", la->mode, "XDP mode: auto | native | generic")->type_name("MODE");
  load->add_option("--name", la->name, "Name for later commands (default: file stem)");
  load->add_flag("--replace", la->replace, "Replace a program already attached there");
  load->add_flag("--json", la->json, "Print the record as JSON");
  addProgramSourceOptions(load, la->source);
  load->callback([la] { runLoad(*la); });

  auto uname = std::make_shared<std::string>();
  auto ujson = std::make_shared<bool>(false);
  auto* unload = app.add_subcommand("unload", "Detach, unpin and forget a named program");
  unload->add_option("NAME", *uname, "Program name given at load")->required();
  unload->add_flag("--json", *ujson, "JSON output");
  unload->callback([uname, ujson] {
    runtime::ProgramStore store;
    orFail(store.unload(*uname), "unload " + *uname);
    if (*ujson) printJson({{"unloaded", *uname}});
    else std::cout << "unloaded " << *uname << "\n";
  });

  auto sname = std::make_shared<std::string>();
  auto sjson = std::make_shared<bool>(false);
  auto* status = app.add_subcommand("status", "List loaded programs, or show one");
  status->add_option("NAME", *sname, "Program name");
  status->add_flag("--json", *sjson, "JSON output");
  status->callback([sname, sjson] { runStatus(*sname, *sjson); });
  (void)ctx;
}

}  // namespace p4wb::app::cli
