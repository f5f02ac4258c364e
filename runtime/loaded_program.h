// LoadedProgram: a program and its maps living in the kernel, held by file descriptors
// this object owns (RAII; closing them does not detach or unpin anything). Made by
// loading an ObjectSpec or by reopening pins; either way it carries the schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/object_spec.h"
#include "runtime/result.h"
#include "runtime/schema.h"
#include "runtime/unique_fd.h"

namespace p4wb::runtime {

struct LoadOptions {
  // ELF section of the program to treat as the main one; default: the schema's
  // section for "xdp" (or the first program in the object).
  std::string section;
  // Verifier log level for a *successful* load (0 = no log, 1 = full, 2 = verbose,
  // 4 = stats only). A full log larger than 16 MiB falls back to stats only. A failed
  // load is always retried with level 1 and the log returned in Error::detail.
  std::uint32_t logLevel = 0;
  // Write the schema's const_entries into the table maps right after loading.
  bool installConstEntries = true;
};

// What the kernel says about one map of the program.
struct MapInfo {
  std::string name;  // ELF name (the kernel's own copy is truncated to 15 chars)
  std::uint32_t id = 0;
  std::uint32_t type = 0;  // BPF_MAP_TYPE_* value
  std::string typeName;  // "hash", "array", "percpu_array", ... ("type N" if unknown)
  std::uint32_t keySize = 0;
  std::uint32_t valueSize = 0;
  std::uint32_t maxEntries = 0;
};

// Methods are const and fd-based, so one LoadedProgram may be used from several threads
// at once (e.g. a GUI poller reading counters while the user edits a table).
class LoadedProgram {
 public:
  // Opens the object with libbpf (bpf_object__open_mem), loads it into the kernel and
  // keeps duplicated fds of the main program and of every map. On a verifier rejection
  // the Error's detail holds the verifier log.
  static Result<LoadedProgram> load(const ObjectSpec& spec, const LoadOptions& options = {});

  // Reopens a program pinned by pin() under dir, with the schema it was loaded with.
  static Result<LoadedProgram> openPinned(const std::string& dir, ProgramSchema schema);

  LoadedProgram(LoadedProgram&&) noexcept = default;
  LoadedProgram& operator=(LoadedProgram&&) noexcept = default;

  int programFd() const { return m_progFd.get(); }
  std::uint32_t programId() const { return m_progId; }
  const std::string& programName() const { return m_progName; }
  const ProgramSchema& schema() const { return m_schema; }
  // Log of a successful load when LoadOptions::logLevel > 0.
  const std::string& verifierLog() const { return m_verifierLog; }

  // fd of the map with this ELF name (e.g. "ingress_ipv4_fwd"); ENOENT names the maps
  // that do exist.
  Result<int> mapFd(std::string_view mapName) const;
  std::vector<std::string> mapNames() const;
  Result<MapInfo> mapInfo(std::string_view mapName) const;
  Result<std::vector<MapInfo>> mapInfos() const;  // in load order

  // Pins the program as <dir>/prog and every map as <dir>/<pinFileNameForMap(name)>,
  // creating dir with mode 0700. dir must be on bpffs.
  Status pin(const std::string& dir) const;

 private:
  LoadedProgram() = default;
  static Result<LoadedProgram> loadOnce(const ObjectSpec& spec, const LoadOptions& options);

  ProgramSchema m_schema;
  UniqueFd m_progFd;
  std::uint32_t m_progId = 0;
  std::string m_progName;
  std::vector<std::pair<std::string, UniqueFd>> m_maps;
  std::string m_verifierLog;
};

// File name a map gets when pinned: "map_" + name with '.' written as "%2e" (bpffs
// refuses dots; reversible, so reopened maps keep their ELF names).
std::string pinFileNameForMap(std::string_view mapName);

// Mounts bpffs at /sys/fs/bpf when nothing is mounted there (needs CAP_SYS_ADMIN).
Status ensureBpffs(const std::string& mountPoint = "/sys/fs/bpf");

}  // namespace p4wb::runtime
