// `p4wb load`, `p4wb unload`, `p4wb status`: named programs attached to interfaces in
// any network namespace, kept pinned between commands.
#include "app/cli/cli.h"
#include "app/cli/program_source.h"
#include "runtime/attach.h"
#include "runtime/attach_link.h"
#include "runtime/program_store.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

namespace p4wb::app::cli {
namespace {

struct LoadArgs {
  std::string program, dev, netns, hook = "xdp", mode, name;
  bool replace = false, json = false, noPin = false, showLog = false;
  double seconds = 0;  // --no-pin: detach after this long (0 = until a signal)
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

// Waits for SIGINT/SIGTERM/SIGHUP (blocked by the caller), the deadline, or the link
// losing its interface; returns the signal number, 0 for the deadline, -1 for a lost link.
int waitForEnd(const runtime::AttachLink& link, const sigset_t& signals, double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  for (;;) {
    timespec tick{0, 200 * 1000 * 1000};
    int sig = sigtimedwait(&signals, nullptr, &tick);
    if (sig > 0) return sig;
    if (!link.live()) return -1;
    if (seconds > 0 && Clock::now() >= deadline) return 0;
  }
}

// `load --no-pin`: no name, no pins, no record. The program is attached through a BPF
// link this process owns, so it is detached when the process ends, however it ends; on
// SIGINT/SIGTERM/SIGHUP it detaches and exits 0.
void runForegroundLoad(const LoadArgs& a, const runtime::Target& target, const runtime::ObjectSpec& spec) {
  if (a.dev.empty()) throw CLI::ValidationError("--no-pin", "needs --dev: a program that is not pinned must be attached");
  if (a.replace) throw CLI::ValidationError("--no-pin", "cannot be combined with --replace");
  // Blocked before any thread starts (namespace workers inherit the mask), so a signal
  // that comes while loading is taken once the program is attached, and then detaches it.
  sigset_t signals;
  sigemptyset(&signals);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    sigaddset(&signals, sig);
    signal(sig, SIG_DFL);  // a shell starts background jobs with SIGINT ignored: take it anyway
  }
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  runtime::LoadOptions options;
  options.section = spec.schema().sectionFor(runtime::hookName(target.hook));
  auto prog = orFailLoad(runtime::LoadedProgram::load(spec, options), "no-pin-" + std::to_string(getpid()), "load",
                         a.showLog);
  auto link = orFail(runtime::AttachLink::create(prog.programFd(), target), "load");
  if (a.json) {
    printJson({{"prog_id", prog.programId()}, {"netns", target.netns}, {"dev", target.ifname},
               {"hook", std::string(runtime::hookName(target.hook))}, {"pinned", false}});
  } else {
    std::cout << "attached prog id " << prog.programId() << ": " << runtime::describeTarget(target)
              << "; not pinned, detached when this process ends (Ctrl-C)\n";
  }
  std::cout.flush();
  const int why = waitForEnd(link, signals, a.seconds);
  const auto t0 = std::chrono::steady_clock::now();
  link.close();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (why < 0) throw Failure("interface " + target.ifname + " went away; program " + std::to_string(prog.programId()) + " is gone with it");
  std::cerr << "detached prog id " << prog.programId() << " from " << target.ifname << " ("
            << (why == 0 ? std::string("time is up") : "SIG" + std::string(sigabbrev_np(why) ? sigabbrev_np(why) : "NAL"))
            << ", " << static_cast<int>(ms + 0.5) << " ms)\n";
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
  if (a.noPin) return runForegroundLoad(a, target, spec);
  const std::string name = a.name.empty() ? defaultName(a.program) : a.name;
  runtime::ProgramStore store;
  orFailLoad(store.loadAndAttach(spec, target, name, {}, a.replace), name, "load " + name, a.showLog);
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
// "attached", "not attached", "stale: ...", "interface gone: ...",
// "detached: prog N is attached there now".
std::string liveState(const runtime::ProgramRecord& r) {
  if (!r.pinned) return "stale: its pinned program is gone; `p4wb unload " + r.name + "` or a new load under this name cleans up";
  if (r.target.ifname.empty()) return "not attached";
  auto a = runtime::queryAttached(r.target);
  if (!a) return "interface gone: " + a.error().message;
  if (a->progId == r.progId) return "attached";
  if (a->progId == 0) return "detached (nothing attached there now)";
  return "detached: prog " + std::to_string(a->progId) + " is attached there now";
}

// Names with leftover pins/state and no usable record (records are listed with their state).
std::vector<runtime::StaleName> staleNames(const runtime::ProgramStore& store, const std::string& name,
                                           const std::vector<runtime::ProgramRecord>& records) {
  std::vector<runtime::StaleName> out;
  for (auto& st : name.empty() ? store.listStale() : std::vector<runtime::StaleName>{store.stale(name)}) {
    bool listed = false;
    for (const auto& r : records) listed = listed || r.name == st.name;
    if (!listed && !st.reason.empty()) out.push_back(std::move(st));
  }
  return out;
}

std::string staleText(const runtime::StaleName& st) {
  return "stale: " + st.reason + "; `p4wb unload " + st.name + "` removes it" +
         (st.recoverable ? " (a new load under this name also does)" : "");
}

void runStatus(const std::string& name, bool json) {
  runtime::ProgramStore store;
  std::vector<runtime::ProgramRecord> records;
  if (name.empty()) {
    records = orFail(store.list());
  } else if (auto r = store.record(name)) {
    records.push_back(std::move(*r));
  } else if (store.stale(name).reason.empty()) {
    fail(r.error());
  }
  const auto stale = staleNames(store, name, records);
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : records) {
      auto j = recordJson(r);
      j["state"] = liveState(r);
      j["stale"] = !r.pinned;
      arr.push_back(j);
    }
    for (const auto& st : stale)
      arr.push_back({{"name", st.name}, {"state", staleText(st)}, {"stale", true}, {"recoverable", st.recoverable}});
    printJson(arr);
    return;
  }
  if (records.empty() && stale.empty()) std::cout << "no programs loaded\n";
  for (const auto& r : records) {
    std::cout << r.name << "  prog id " << r.progId << "  "
              << (r.target.ifname.empty() ? std::string("not attached")
                                          : runtime::describeTarget(r.target))
              << "  (" << r.source << ")  " << liveState(r) << "\n";
  }
  for (const auto& st : stale) std::cout << st.name << "  " << staleText(st) << "\n";
}

}  // namespace

void addTargetCommands(CLI::App& app, Context& ctx) {
  auto la = std::make_shared<LoadArgs>();
  auto* load = app.add_subcommand(
      "load", "Load a program (.p4 is compiled first, or a .o), pin it as NAME and attach it "
                "(--no-pin: attached only while this process runs)");
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
  load->add_flag("--no-pin", la->noPin,
                 "Do not pin or name it: stay in the foreground and detach when this process ends "
                 "(Ctrl-C, SIGTERM, SIGHUP, --seconds, or killed)");
  load->add_flag("--verifier-log", la->showLog, "On a verifier rejection also print the whole log on stderr");
  load->add_option("--seconds", la->seconds, "With --no-pin: detach and exit after S seconds")
      ->check(CLI::PositiveNumber)->type_name("S");
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
