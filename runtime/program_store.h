// ProgramStore: programs known by a user-chosen name across processes. A named program
// is pinned under <pinRoot>/<name>/ (bpffs, mode 0700) and described in
// <stateRoot>/<name>/ (record.json, schema.json, object.o), so `p4wb load` in one
// process and `p4wb table`/`unload` in later ones find the same maps.
#pragma once

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
};

class ProgramStore {
 public:
  explicit ProgramStore(StorePaths paths = StorePaths::defaults());

  // Loads spec, pins it, attaches it to target (unless target.ifname is empty) and
  // writes the record. EEXIST when `name` is taken; any failure undoes what was done.
  // Names: 1-64 chars of [A-Za-z0-9_-].
  Result<LoadedProgram> loadAndAttach(const ObjectSpec& spec, const Target& target,
                                      const std::string& name, const LoadOptions& options = {},
                                      bool replace = false);

  // Reopens a named program from its pins (ENOENT "no program named X").
  Result<LoadedProgram> open(const std::string& name) const;
  Result<ProgramRecord> record(const std::string& name) const;
  Result<std::vector<ProgramRecord>> list() const;  // sorted by name
  Result<std::vector<std::uint8_t>> objectBytes(const std::string& name) const;

  // Detaches (only if our program is still the attached one), unpins and removes the
  // state. Best effort: carries on after a failure and reports the first one.
  Status unload(const std::string& name);

  const StorePaths& paths() const { return m_paths; }

 private:
  StorePaths m_paths;
};

}  // namespace p4wb::runtime
