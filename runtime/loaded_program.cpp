#include "runtime/loaded_program.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <cstring>
#include <filesystem>
#include <memory>

#include "runtime/libbpf_capture.h"
#include "runtime/table.h"
#include "runtime/verifier_log.h"

namespace p4wb::runtime {

namespace {

constexpr std::size_t kVerifierLogSize = 16u << 20;
constexpr long kBpffsMagic = 0xcafe4a11;

struct ObjectCloser {
  void operator()(bpf_object* obj) const { bpf_object__close(obj); }
};
using ObjectPtr = std::unique_ptr<bpf_object, ObjectCloser>;

Result<UniqueFd> dupFd(int fd, const std::string& what) {
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return makeError(errno, "cannot duplicate the fd of " + what);
  return UniqueFd(copy);
}

Result<std::pair<std::uint32_t, std::string>> progIdAndName(int fd) {
  bpf_prog_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0)
    return makeError(errno, "cannot query the loaded program");
  return std::make_pair(info.id, std::string(info.name));
}

std::string joinDetail(const std::string& log, const std::string& libbpfText) {
  if (log.empty()) return libbpfText;
  if (libbpfText.empty()) return log;
  return log + "\n-- libbpf --\n" + libbpfText;
}

bpf_program* pickProgram(bpf_object* obj, const ProgramSchema& schema, const std::string& section) {
  std::string wanted = section.empty() ? schema.sectionFor("xdp") : section;
  if (wanted.empty() && schema.program.sections.size() > 0) wanted = schema.program.sections.front().second;
  bpf_program* prog = nullptr;
  bpf_program* first = nullptr;
  bpf_object__for_each_program(prog, obj) {
    if (!first) first = prog;
    if (!wanted.empty() && (wanted == bpf_program__section_name(prog) || wanted == bpf_program__name(prog)))
      return prog;
  }
  return section.empty() ? first : nullptr;
}

}  // namespace

std::string pinFileNameForMap(std::string_view mapName) {
  // Reversible: map names are C identifiers plus '.', and bpffs refuses '.'.
  std::string out = "map_";
  for (char c : mapName) out += c == '.' ? std::string("%2e") : std::string(1, c);
  return out;
}

namespace {
std::string mapNameFromPinFile(const std::string& file) {
  std::string out;
  for (std::size_t i = 4; i < file.size(); ++i) {
    if (file.compare(i, 3, "%2e") == 0) {
      out += '.';
      i += 2;
    } else {
      out += file[i];
    }
  }
  return out;
}
}  // namespace

Result<LoadedProgram> LoadedProgram::load(const ObjectSpec& spec, const LoadOptions& options) {
  Result<LoadedProgram> loaded = loadOnce(spec, options);
  // The kernel fails a load whose requested log overflows the buffer (ENOSPC) even when
  // the program verified; the caller asked for a log, not for a failure.
  if (!loaded && loaded.error().errnum == ENOSPC && options.logLevel != 0 && options.logLevel != 4) {
    LoadOptions statsOnly = options;
    statsOnly.logLevel = 4;
    loaded = loadOnce(spec, statsOnly);
    if (loaded) loaded->m_verifierLog = "(the full verifier log exceeded 16 MiB; statistics only)\n" + loaded->m_verifierLog;
  }
  if (loaded && options.installConstEntries)
    if (Status s = installConstEntries(*loaded); !s) return s.error();
  return loaded;
}

Result<LoadedProgram> LoadedProgram::loadOnce(const ObjectSpec& spec, const LoadOptions& options) {
  detail::LibbpfCapture capture;
  auto logBuf = std::make_unique<char[]>(kVerifierLogSize);
  logBuf[0] = '\0';
  // The object name prefixes libbpf's internal maps ("p4wb.rodata").
  LIBBPF_OPTS(bpf_object_open_opts, opts, .object_name = "p4wb",
              .kernel_log_buf = logBuf.get(), .kernel_log_size = kVerifierLogSize,
              .kernel_log_level = options.logLevel);
  ObjectPtr obj(bpf_object__open_mem(spec.bytes().data(), spec.bytes().size(), &opts));
  if (!obj) return makeError(errno, "libbpf cannot open the object", capture.text());

  bpf_program* main = pickProgram(obj.get(), spec.schema(), options.section);
  if (!main)
    return makeError(ENOENT, options.section.empty() ? "the object contains no program"
                                                     : "the object has no program in section " + options.section,
                     capture.text());
  int err = bpf_object__load(obj.get());
  if (err) {
    // EFAULT ("sequence of N jumps is too complex"), E2BIG and ENOSPC also come from the
    // verifier, which then leaves its log.
    const bool rejected =
        (err == -EACCES || err == -EINVAL || err == -EFAULT || err == -E2BIG || err == -ENOSPC) && logBuf[0] != '\0';
    std::string what = rejected ? "the verifier rejected the program" : "loading the object into the kernel failed";
    // Name the rejected instruction and its source line (BTF line info) in the one line.
    if (rejected)
      if (std::string where = describeVerifierFailure(summarizeVerifierLog(logBuf.get())); !where.empty())
        what += " " + where;
    return makeError(err, what, joinDetail(logBuf.get(), capture.text()));
  }

  LoadedProgram loaded;
  loaded.m_schema = spec.schema();
  loaded.m_verifierLog = logBuf.get();
  Result<UniqueFd> progFd = dupFd(bpf_program__fd(main), "the program");
  if (!progFd) return progFd.error();
  loaded.m_progFd = std::move(*progFd);
  auto idName = progIdAndName(loaded.m_progFd.get());
  if (!idName) return idName.error();
  loaded.m_progId = idName->first;
  loaded.m_progName = bpf_program__name(main);
  bpf_map* map = nullptr;
  bpf_object__for_each_map(map, obj.get()) {
    Result<UniqueFd> fd = dupFd(bpf_map__fd(map), std::string("map ") + bpf_map__name(map));
    if (!fd) return fd.error();
    loaded.m_maps.emplace_back(bpf_map__name(map), std::move(*fd));
  }
  return loaded;  // obj closes here; our duplicated fds keep program and maps alive
}

Result<LoadedProgram> LoadedProgram::openPinned(const std::string& dir, ProgramSchema schema) {
  LoadedProgram loaded;
  loaded.m_schema = std::move(schema);
  std::string progPath = dir + "/prog";
  int fd = bpf_obj_get(progPath.c_str());
  if (fd < 0) return makeError(errno, "cannot open pinned program " + progPath);
  loaded.m_progFd.reset(fd);
  auto idName = progIdAndName(fd);
  if (!idName) return idName.error();
  loaded.m_progId = idName->first;
  loaded.m_progName = idName->second;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string file = entry.path().filename().string();
    if (file.rfind("map_", 0) != 0) continue;
    int mapFd = bpf_obj_get(entry.path().c_str());
    if (mapFd < 0) return makeError(errno, "cannot open pinned map " + entry.path().string());
    loaded.m_maps.emplace_back(mapNameFromPinFile(file), UniqueFd(mapFd));
  }
  if (ec) return makeError(ec.value(), "cannot list " + dir);
  return loaded;
}

Result<int> LoadedProgram::mapFd(std::string_view mapName) const {
  for (const auto& [name, fd] : m_maps)
    if (name == mapName) return fd.get();
  std::string known;
  for (const auto& [name, fd] : m_maps) known += (known.empty() ? "" : ", ") + name;
  return makeError(ENOENT, "the program has no map named " + std::string(mapName) + " (maps: " + known + ")");
}

namespace {
std::string mapTypeName(std::uint32_t type) {
  static const char* kNames[] = {"unspec", "hash", "array", "prog_array", "perf_event_array", "percpu_hash",
                                 "percpu_array", "stack_trace", "cgroup_array", "lru_hash", "lru_percpu_hash",
                                 "lpm_trie", "array_of_maps", "hash_of_maps", "devmap", "sockmap", "cpumap",
                                 "xskmap", "sockhash", "cgroup_storage", "reuseport_sockarray",
                                 "percpu_cgroup_storage", "queue", "stack", "sk_storage", "devmap_hash",
                                 "struct_ops", "ringbuf", "inode_storage", "task_storage", "bloom_filter"};
  if (type < sizeof kNames / sizeof kNames[0]) return kNames[type];
  return "type " + std::to_string(type);
}
}  // namespace

Result<MapInfo> LoadedProgram::mapInfo(std::string_view mapName) const {
  Result<int> fd = mapFd(mapName);
  if (!fd) return fd.error();
  bpf_map_info info{};
  std::uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(*fd, &info, &len) != 0)
    return makeError(errno, "cannot query map " + std::string(mapName));
  MapInfo out;
  out.name = std::string(mapName);
  out.id = info.id;
  out.type = info.type;
  out.typeName = mapTypeName(info.type);
  out.keySize = info.key_size;
  out.valueSize = info.value_size;
  out.maxEntries = info.max_entries;
  return out;
}

Result<std::vector<MapInfo>> LoadedProgram::mapInfos() const {
  std::vector<MapInfo> out;
  for (const auto& [name, fd] : m_maps) {
    Result<MapInfo> info = mapInfo(name);
    if (!info) return info.error();
    out.push_back(std::move(*info));
  }
  return out;
}

std::vector<std::string> LoadedProgram::mapNames() const {
  std::vector<std::string> names;
  for (const auto& [name, fd] : m_maps) names.push_back(name);
  return names;
}

Status LoadedProgram::pin(const std::string& dir) const {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return makeError(ec.value(), "cannot create pin directory " + dir);
  if (chmod(dir.c_str(), 0700) != 0) return makeError(errno, "cannot chmod " + dir);
  std::string progPath = dir + "/prog";
  if (bpf_obj_pin(m_progFd.get(), progPath.c_str()) != 0)
    return makeError(errno, "cannot pin the program at " + progPath);
  for (const auto& [name, fd] : m_maps) {
    std::string path = dir + "/" + pinFileNameForMap(name);
    if (bpf_obj_pin(fd.get(), path.c_str()) != 0) return makeError(errno, "cannot pin map " + name + " at " + path);
  }
  return {};
}

Status ensureBpffs(const std::string& mountPoint) {
  struct statfs st {};
  if (statfs(mountPoint.c_str(), &st) == 0 && st.f_type == kBpffsMagic) return {};
  std::error_code ec;
  std::filesystem::create_directories(mountPoint, ec);
  if (mount("bpf", mountPoint.c_str(), "bpf", 0, "mode=0700") != 0)
    return makeError(errno, "no bpffs at " + mountPoint + " and mounting one failed");
  return {};
}

}  // namespace p4wb::runtime
