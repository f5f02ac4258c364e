// ProgramStore: programs known by a user-chosen name across processes. A named program
// is pinned under <pinRoot>/<name>/ (bpffs, mode 0700) and described in
// <stateRoot>/<name>/ (record.json, schema.json, object.o), so `p4wb load` in one
// process and `p4wb table`/`unload` in later ones find the same maps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/object_spec.h"
#include "runtime/result.h"
#include "runtime/target.h"

namespace p4wb::runtime {

struct StorePaths {
  std::string pinRoot = "/sys/fs/bpf/p4wb";
  std::string stateRoot = "/run/p4wb";
  // The defaults above, overridden by env P4WB_PIN_DIR / P4WB_STATE_DIR when set.
  static StorePaths defaults();
};

// What the store remembers about one named program.
struct ProgramRecord {
  std::string name;
  Target target;  // target.ifname empty: loaded and pinned, not attached
  unsigned ifindex = 0;
  XdpMode attachedMode = XdpMode::Auto;  // the mode the kernel chose
  std::uint32_t progId = 0;
  std::string source;  // schema program.source
  std::string pinDir;
  std::string stateDir;
  std::int64_t loadedAtUnix = 0;
  bool pinned = false;  // <pinDir>/prog exists (false after e.g. bpffs was remounted)
};

// A name whose pins or state are left over, e.g. from a crash or a bpffs remount.
struct StaleName {
  std::string name;
  std::string reason;  // "its pinned program is gone", "pins without a record", ...
  // True when no live program is pinned under the name, so load may clean it up.
  bool recoverable = false;
};

// What a reload did with the old program's state.
struct ReloadReport {
  std::uint32_t oldProgId = 0;
  std::uint32_t newProgId = 0;
  std::size_t entriesMoved = 0;
  std::size_t defaultsMoved = 0;
  // One sentence per entry, default or table that could not be moved, e.g.
  // "ingress.ipv4_fwd 10.0.0.2 -> ingress.forward: action ingress.forward takes 1 ...".
  std::vector<std::string> notMoved;
};

class ProgramStore {
 public:
  explicit ProgramStore(StorePaths paths = StorePaths::defaults());

  // Loads spec, pins it, attaches it to target (unless target.ifname is empty) and
  // writes the record. EEXIST when `name` is taken; EINVAL when the schema's hooks do not
  // include target.hook; any failure undoes what was done. The program loaded is the
  // schema's section for the hook unless options.section says otherwise.
  // Names: 1-64 chars of [A-Za-z0-9_-]. A recoverable stale name (see stale()) is
  // cleaned up first (detaching its program if still attached); an unrecoverable one
  // (a live pinned program without a record) is EEXIST saying `unload` removes it.
  Result<LoadedProgram> loadAndAttach(const ObjectSpec& spec, const Target& target,
                                      const std::string& name, const LoadOptions& options = {},
                                      bool replace = false);

  // Reopens a named program from its pins (ENOENT "no program named X").
  Result<LoadedProgram> open(const std::string& name) const;
  Result<ProgramRecord> record(const std::string& name) const;
  Result<std::vector<ProgramRecord>> list() const;  // sorted by name
  Result<std::vector<std::uint8_t>> objectBytes(const std::string& name) const;
  // Whether `name` is stale; reason is empty when it is loaded fine or not known at all.
  StaleName stale(const std::string& name) const;
  // Every stale name under the pin and state roots, sorted.
  std::vector<StaleName> listStale() const;

  // Hot reload: loads spec, copies every table entry and changed default action of the
  // running program into it (through their display strings, so renumbered actions and
  // moved fields carry over; anything that no longer fits is listed in notMoved), swaps
  // the attachment atomically, and repins/records the new program under the same name.
  // On failure before the swap the old program keeps running untouched.
  Result<ReloadReport> reload(const std::string& name, const ObjectSpec& spec,
                              const LoadOptions& options = {});

  // Attaches a loaded (not attached) named program to target and records it; EBUSY when
  // it is attached somewhere already (detach it first).
  Result<ProgramRecord> attachNamed(const std::string& name, const Target& target, bool replace = false);
  // Detaches a named program (only if it is still the attached one) and records that it
  // is no longer attached; the program stays loaded and pinned.
  Result<ProgramRecord> detachNamed(const std::string& name);

  // Detaches (only if our program is still the attached one), unpins and removes the
  // state. A detach that fails for lack of privileges (or any reason but the interface,
  // namespace or our program being gone) stops before anything is removed, so the
  // program is not left attached and forgotten; later steps are best effort.
  Status unload(const std::string& name);

  const StorePaths& paths() const { return m_paths; }

 private:
  StorePaths m_paths;
};

}  // namespace p4wb::runtime
