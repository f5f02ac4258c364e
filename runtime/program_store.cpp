#include "runtime/program_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "runtime/attach.h"
#include "runtime/table.h"

namespace p4wb::runtime {

namespace fs = std::filesystem;
using nlohmann::json;

StorePaths StorePaths::defaults() {
  StorePaths paths;
  if (const char* pin = std::getenv("P4WB_PIN_DIR"); pin && *pin) paths.pinRoot = pin;
  if (const char* state = std::getenv("P4WB_STATE_DIR"); state && *state) paths.stateRoot = state;
  return paths;
}

namespace {

Status checkName(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  if (!ok) return makeError(EINVAL, "invalid program name '" + name + "' (use 1-64 letters, digits, '_' or '-')");
  return {};
}

Status makePrivateDir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return makeError(ec.value(), "cannot create " + dir);
  if (chmod(dir.c_str(), 0700) != 0) return makeError(errno, "cannot chmod " + dir);
  return {};
}

Status writeFile(const std::string& path, const void* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) return makeError(EIO, "cannot write " + path);
  return {};
}

json recordToJson(const ProgramRecord& r) {
  return json{{"name", r.name},
              {"netns", r.target.netns},
              {"ifname", r.target.ifname},
              {"hook", std::string(hookName(r.target.hook))},
              {"mode", std::string(xdpModeName(r.target.mode))},
              {"attached_mode", std::string(xdpModeName(r.attachedMode))},
              {"ifindex", r.ifindex},
              {"prog_id", r.progId},
              {"source", r.source},
              {"loaded_at", r.loadedAtUnix}};
}

Result<ProgramRecord> recordFromJson(const std::string& text, const StorePaths& paths) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(EINVAL, "corrupt program record");
  try {
    ProgramRecord r;
    r.name = j.at("name").get<std::string>();
    r.target.netns = j.value("netns", "");
    r.target.ifname = j.value("ifname", "");
    Result<Hook> hook = parseHook(j.value("hook", "xdp"));
    Result<XdpMode> mode = parseXdpMode(j.value("mode", "auto"));
    Result<XdpMode> attached = parseXdpMode(j.value("attached_mode", "auto"));
    if (!hook || !mode || !attached) return makeError(EINVAL, "corrupt program record for " + r.name);
    r.target.hook = *hook;
    r.target.mode = *mode;
    r.attachedMode = *attached;
    r.ifindex = j.value("ifindex", 0u);
    r.progId = j.value("prog_id", 0u);
    r.source = j.value("source", "");
    r.loadedAtUnix = j.value("loaded_at", std::int64_t{0});
    r.pinDir = paths.pinRoot + "/" + r.name;
    r.stateDir = paths.stateRoot + "/" + r.name;
    std::error_code ec;
    r.pinned = fs::exists(r.pinDir + "/prog", ec);
    return r;
  } catch (const json::exception& e) {
    return makeError(EINVAL, std::string("corrupt program record: ") + e.what());
  }
}

Result<std::string> readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ENOENT, "cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string entryText(const std::string& table, const Entry& e) {
  std::string text = table;
  for (const std::string& k : e.keys) text += " " + k;
  text += " -> " + e.action;
  if (!e.params.empty()) {
    text += "(";
    for (std::size_t i = 0; i < e.params.size(); ++i) text += (i ? ", " : "") + e.params[i];
    text += ")";
  }
  return text;
}

// Copies entries and user-set defaults of every table from `from` into `to` by their
// display strings; collects what could not be moved.
void migrateTables(const LoadedProgram& from, const LoadedProgram& to, ReloadReport& report) {
  for (const TableSchema& old : from.schema().tables) {
    Result<std::vector<Entry>> entries = dumpTable(from, old.name);
    if (!entries) {
      report.notMoved.push_back(old.name + ": cannot read the old entries: " + entries.error().render());
      continue;
    }
    bool exists = false;
    for (const TableSchema& t : to.schema().tables) exists = exists || t.name == old.name;
    if (!exists) {
      if (!entries->empty())
        report.notMoved.push_back(old.name + ": the table no longer exists; " + std::to_string(entries->size()) +
                                  " entries dropped");
      continue;
    }
    for (const Entry& e : *entries) {
      Status s = addEntry(to, old.name, e.keys, e.action, e.params, e.priority);
      if (s) {
        ++report.entriesMoved;
        continue;
      }
      // The new program may already hold this key as one of its const entries.
      if (s.error().errnum == EEXIST) {
        Result<Entry> now = lookupEntry(to, old.name, e.keys, e.priority);
        if (now && now->action == e.action && now->params == e.params) continue;
        report.notMoved.push_back(entryText(old.name, e) + ": the new program's const entry for this key wins");
        continue;
      }
      report.notMoved.push_back(entryText(old.name, e) + ": " + s.error().message);
    }
    Result<Entry> def = readDefault(from, old.name);
    if (def && !def->compiledDefault) {
      Status s = setDefault(to, old.name, def->action, def->params);
      if (s) ++report.defaultsMoved;
      else report.notMoved.push_back(old.name + " default " + def->action + ": " + s.error().message);
    }
  }
}

// The schema must list the hook we attach to (xdp-generic counts for generic XDP).
Status checkHook(const ProgramSchema& schema, const Target& target) {
  const std::vector<std::string>& hooks = schema.program.hooks;
  if (target.ifname.empty() || hooks.empty()) return {};
  std::string hook(hookName(target.hook));
  auto supports = [&](const std::string& h) { return std::find(hooks.begin(), hooks.end(), h) != hooks.end(); };
  bool generic = target.hook == Hook::Xdp && target.mode == XdpMode::Generic;
  if (supports(hook) || (generic && supports("xdp-generic"))) return {};
  std::string list;
  for (const std::string& h : hooks) list += (list.empty() ? "" : ", ") + h;
  return makeError(EINVAL, "this program cannot attach to " + hook + " (it supports " + list + ")");
}

// schema.json, object.o, then record.json: its presence makes the name "loaded" for
// other processes.
Status writeState(const ProgramRecord& rec, const ObjectSpec& spec) {
  const std::string& schemaText = spec.schema().json;
  std::string recordText = recordToJson(rec).dump(2) + "\n";
  if (Status s = writeFile(rec.stateDir + "/schema.json", schemaText.data(), schemaText.size()); !s) return s;
  if (Status s = writeFile(rec.stateDir + "/object.o", spec.bytes().data(), spec.bytes().size()); !s) return s;
  return writeFile(rec.stateDir + "/record.json", recordText.data(), recordText.size());
}

}  // namespace

ProgramStore::ProgramStore(StorePaths paths) : m_paths(std::move(paths)) {}

Result<LoadedProgram> ProgramStore::loadAndAttach(const ObjectSpec& spec, const Target& target,
                                                  const std::string& name, const LoadOptions& options,
                                                  bool replace) {
  if (Status s = checkName(name); !s) return s.error();
  ProgramRecord rec;
  rec.name = name;
  rec.target = target;
  rec.pinDir = m_paths.pinRoot + "/" + name;
  rec.stateDir = m_paths.stateRoot + "/" + name;
  std::error_code ec;
  // Left over from a crash or a bpffs remount: clean up what holds no live program.
  if (StaleName st = stale(name); !st.reason.empty()) {
    if (!st.recoverable)
      return makeError(EEXIST, "stale pin/state directory for " + name + " (" + rec.pinDir + ": " + st.reason +
                                   "); `p4wb unload " + name + "` removes it");
    if (Status s = unload(name); !s) return s.error();
  }
  if (fs::exists(rec.stateDir + "/record.json", ec))
    return makeError(EEXIST, "a program named " + name + " is already loaded; unload it first");
  if (m_paths.pinRoot.rfind("/sys/fs/bpf", 0) == 0)
    if (Status s = ensureBpffs("/sys/fs/bpf"); !s) return s.error();

  if (Status s = checkHook(spec.schema(), target); !s) return s.error();
  // Claim the name atomically (mkdir), so two loads racing for it cannot both win.
  if (Status s = makePrivateDir(m_paths.stateRoot); !s) return s.error();
  if (mkdir(rec.stateDir.c_str(), 0700) != 0)
    return makeError(errno, errno == EEXIST ? "a program named " + name + " is already loaded; unload it first"
                                            : "cannot create " + rec.stateDir);
  LoadOptions effective = options;
  if (effective.section.empty()) effective.section = spec.schema().sectionFor(hookName(target.hook));
  Result<LoadedProgram> prog = LoadedProgram::load(spec, effective);
  if (!prog) {
    fs::remove_all(rec.stateDir, ec);
    return prog;
  }
  // From here on every failure removes what was already created.
  auto undo = [&](const Error& error, bool attached) -> Result<LoadedProgram> {
    if (attached) (void)detach(target, prog->programId());
    std::error_code ignored;
    fs::remove_all(rec.pinDir, ignored);
    fs::remove_all(rec.stateDir, ignored);
    return error;
  };
  if (Status s = makePrivateDir(m_paths.pinRoot); !s) return undo(s.error(), false);
  if (Status s = prog->pin(rec.pinDir); !s) return undo(s.error(), false);
  bool attached = false;
  if (!target.ifname.empty()) {
    Result<Attachment> a = attach(prog->programFd(), target, replace);
    if (!a) return undo(a.error(), false);
    attached = true;
    rec.ifindex = a->ifindex;
    rec.attachedMode = a->mode;
  }
  rec.progId = prog->programId();
  rec.source = spec.schema().program.source;
  rec.loadedAtUnix = static_cast<std::int64_t>(std::time(nullptr));
  if (Status s = writeState(rec, spec); !s) return undo(s.error(), attached);
  return prog;
}

Result<ProgramRecord> ProgramStore::record(const std::string& name) const {
  if (Status s = checkName(name); !s) return s.error();
  std::string dir = m_paths.stateRoot + "/" + name;
  std::error_code ec;
  if (!fs::exists(dir + "/record.json", ec)) return makeError(ENOENT, "no program named " + name + " is loaded");
  Result<std::string> text = readText(dir + "/record.json");
  if (!text) return text.error();
  return recordFromJson(*text, m_paths);
}

Result<LoadedProgram> ProgramStore::open(const std::string& name) const {
  Result<ProgramRecord> rec = record(name);
  if (!rec) return rec.error();
  Result<std::string> schemaText = readText(rec->stateDir + "/schema.json");
  if (!schemaText) return schemaText.error();
  Result<ProgramSchema> schema = parseSchema(*schemaText);
  if (!schema) return schema.error();
  return LoadedProgram::openPinned(rec->pinDir, std::move(*schema));
}

Result<std::vector<ProgramRecord>> ProgramStore::list() const {
  std::vector<ProgramRecord> out;
  std::error_code ec;
  if (!fs::exists(m_paths.stateRoot, ec)) return out;
  for (const auto& entry : fs::directory_iterator(m_paths.stateRoot, ec)) {
    Result<ProgramRecord> rec = record(entry.path().filename().string());
    if (rec) out.push_back(std::move(*rec));
  }
  if (ec) return makeError(ec.value(), "cannot list " + m_paths.stateRoot);
  std::sort(out.begin(), out.end(), [](const ProgramRecord& a, const ProgramRecord& b) { return a.name < b.name; });
  return out;
}

Result<std::vector<std::uint8_t>> ProgramStore::objectBytes(const std::string& name) const {
  Result<ProgramRecord> rec = record(name);
  if (!rec) return rec.error();
  return readFileBytes(rec->stateDir + "/object.o");
}

StaleName ProgramStore::stale(const std::string& name) const {
  StaleName out;
  out.name = name;
  if (!checkName(name)) return out;
  const std::string pinDir = m_paths.pinRoot + "/" + name;
  const std::string stateDir = m_paths.stateRoot + "/" + name;
  std::error_code ec;
  const bool progPinned = fs::exists(pinDir + "/prog", ec);
  if (fs::exists(stateDir + "/record.json", ec)) {
    if (!progPinned) {
      out.reason = "its pinned program is gone (" + pinDir + "/prog missing)";
      out.recoverable = true;
    }
    return out;
  }
  if (progPinned) {
    out.reason = "a program is pinned but there is no record of it";
  } else if (fs::exists(pinDir, ec) || fs::exists(stateDir, ec)) {
    out.reason = "directories without a program or record";
    out.recoverable = true;
  }
  return out;
}

std::vector<StaleName> ProgramStore::listStale() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const std::string& root : {m_paths.pinRoot, m_paths.stateRoot})
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      std::string n = entry.path().filename().string();
      // Skips non-names such as ".logs" and a reload's "NAME__reload" staging area.
      if (checkName(n) && n.find("__reload") == std::string::npos) names.push_back(n);
    }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<StaleName> out;
  for (const std::string& n : names)
    if (StaleName st = stale(n); !st.reason.empty()) out.push_back(std::move(st));
  return out;
}

Result<ReloadReport> ProgramStore::reload(const std::string& name, const ObjectSpec& spec,
                                          const LoadOptions& options) {
  Result<ProgramRecord> rec = record(name);
  if (!rec) return rec.error();
  Result<LoadedProgram> old = open(name);
  if (!old) return old.error();
  LoadOptions effective = options;
  if (effective.section.empty()) effective.section = spec.schema().sectionFor(hookName(rec->target.hook));
  Result<LoadedProgram> fresh = LoadedProgram::load(spec, effective);
  if (!fresh) return fresh.error();
  ReloadReport report;
  report.oldProgId = old->programId();
  report.newProgId = fresh->programId();
  migrateTables(*old, *fresh, report);

  // Pin next to the old pins first ('.' is not allowed on bpffs), then swap directories.
  std::string staging = rec->pinDir + "__reload";
  std::error_code ec;
  fs::remove_all(staging, ec);
  if (Status s = fresh->pin(staging); !s) {
    fs::remove_all(staging, ec);
    return s.error();
  }
  ProgramRecord updated = *rec;
  if (!rec->target.ifname.empty()) {
    Target inUse = rec->target;
    inUse.mode = rec->attachedMode;
    Result<Attachment> a = replaceAttached(fresh->programFd(), old->programFd(), inUse);
    if (!a) {
      fs::remove_all(staging, ec);
      return a.error();
    }
    updated.ifindex = a->ifindex;
  }
  // The new program runs from here on; the rest only updates what we remember of it.
  updated.progId = fresh->programId();
  updated.source = spec.schema().program.source;
  updated.loadedAtUnix = static_cast<std::int64_t>(std::time(nullptr));
  fs::remove_all(rec->pinDir, ec);
  fs::rename(staging, rec->pinDir, ec);
  if (ec) return makeError(ec.value(), "the new program runs but could not be pinned at " + rec->pinDir);
  if (Status s = writeState(updated, spec); !s) return s.error();
  return report;
}

namespace {
Status saveRecord(const ProgramRecord& rec) {
  std::string text = recordToJson(rec).dump(2) + "\n";
  return writeFile(rec.stateDir + "/record.json", text.data(), text.size());
}
}  // namespace

Result<ProgramRecord> ProgramStore::attachNamed(const std::string& name, const Target& target, bool replace) {
  Result<ProgramRecord> rec = record(name);
  if (!rec) return rec.error();
  if (!rec->target.ifname.empty())
    return makeError(EBUSY, name + " is already attached (" + describeTarget(rec->target) + "); detach it first");
  if (target.ifname.empty()) return makeError(EINVAL, "no interface given to attach " + name + " to");
  Result<LoadedProgram> prog = open(name);
  if (!prog) return prog.error();
  Result<Attachment> a = attach(prog->programFd(), target, replace);
  if (!a) return a.error();
  rec->target = target;
  rec->ifindex = a->ifindex;
  rec->attachedMode = a->mode;
  if (Status s = saveRecord(*rec); !s) {
    (void)detach(target, prog->programId());
    return s.error();
  }
  return rec;
}

Result<ProgramRecord> ProgramStore::detachNamed(const std::string& name) {
  Result<ProgramRecord> rec = record(name);
  if (!rec) return rec.error();
  if (rec->target.ifname.empty()) return rec;  // nothing to do
  Status s = detach(rec->target, rec->progId);
  bool gone = !s && (s.error().errnum == ENOENT || s.error().errnum == ENODEV);
  if (!s && !gone) return s.error();
  rec->target.ifname.clear();
  rec->target.netns.clear();
  rec->ifindex = 0;
  rec->attachedMode = XdpMode::Auto;
  if (Status w = saveRecord(*rec); !w) return w.error();
  return rec;
}

Status ProgramStore::unload(const std::string& name) {
  if (Status s = checkName(name); !s) return s;
  std::string pinDir = m_paths.pinRoot + "/" + name;
  std::string stateDir = m_paths.stateRoot + "/" + name;
  std::error_code ec;
  if (!fs::exists(pinDir, ec) && !fs::exists(stateDir, ec))
    return makeError(ENOENT, "no program named " + name + " is loaded");
  Status first;
  Result<ProgramRecord> rec = record(name);
  if (rec && !rec->target.ifname.empty()) {
    Status s = detach(rec->target, rec->progId);
    // A vanished namespace or interface took the attachment with it; EBUSY: another
    // program replaced ours there. Anything else (EPERM...) keeps everything as it is.
    const int err = s ? 0 : s.error().errnum;
    if (err != 0 && err != ENOENT && err != ENODEV && err != EBUSY) return s;
    if (err == EBUSY) first = s;
  }
  fs::remove_all(pinDir, ec);
  if (ec && first.ok()) first = makeError(ec.value(), "cannot remove pins in " + pinDir);
  fs::remove_all(stateDir, ec);
  if (ec && first.ok()) first = makeError(ec.value(), "cannot remove " + stateDir);
  return first;
}

}  // namespace p4wb::runtime
