#include "runtime/stf.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <optional>

#include "runtime/hex.h"
#include "runtime/table.h"
#include "runtime/test_run.h"

namespace p4wb::runtime {

namespace {

struct Output {
  unsigned line = 0;  // of the packet command
  std::string port;  // the packet came in (and leaves, if it does) on
  std::string verdict;
  std::string hex;  // packed hex digits
  bool verdictChecked = false;  // an `expect <verdict>` accounted for it
};

bool matches(const StfCommand& e, const std::string& hex) {
  if (e.anyPacket) return true;
  if (e.exactLength ? hex.size() != e.data.size() : hex.size() < e.data.size()) return false;
  for (std::size_t i = 0; i < e.data.size(); ++i)
    if (e.data[i] != '*' && e.data[i] != hex[i]) return false;
  return true;
}

// The hook the loaded program runs on decides what its return value means.
bool isXdpProgram(int progFd) {
  bpf_prog_info info{};
  __u32 len = sizeof(info);
  if (bpf_obj_get_info_by_fd(progFd, &info, &len) != 0) return true;
  return info.type == BPF_PROG_TYPE_XDP;
}

// Whether the packet leaves on the port it came in on.
bool emits(bool xdp, std::uint32_t retval) {
  return xdp ? retval == 2 || retval == 3 : retval == 0;  // XDP_PASS, XDP_TX; TC_ACT_OK
}

std::string verdictName(bool xdp, std::uint32_t retval) {
  if (xdp) return xdpVerdictName(retval);
  switch (retval) {
    case 0: return "TC_ACT_OK";
    case 2: return "TC_ACT_SHOT";
    case 7: return "TC_ACT_REDIRECT";
    default: return "TC_ACT(" + std::to_string(retval) + ")";
  }
}

// ebpfFilter's "accept"/"reject" name the verdicts of either hook.
bool sameVerdict(const std::string& expected, const std::string& got) {
  if (expected == got) return true;
  if (expected == "accept") return got == "XDP_PASS" || got == "TC_ACT_OK";
  if (expected == "reject") return got == "XDP_DROP" || got == "TC_ACT_SHOT";
  return false;
}

std::string at(unsigned line) { return "line " + std::to_string(line) + ": "; }

// An entry whose action is NoAction while the table does not list it: action id 0.
Status addNoActionEntry(const LoadedProgram& prog, const TableSchema& table, const std::vector<std::string>& keys) {
  Result<std::vector<std::uint8_t>> key = encodeKey(table, keys);
  if (!key) return key.error();
  Result<int> fd = prog.mapFd(table.map);
  if (!fd) return fd.error();
  std::vector<std::uint8_t> value(table.valueSize, 0);
  if (bpf_map_update_elem(*fd, key->data(), value.data(), BPF_NOEXIST) != 0)
    return makeError(errno, "cannot add the NoAction entry to table " + table.name);
  return {};
}

class StfRunner {
 public:
  explicit StfRunner(const LoadedProgram& prog) : m_prog(prog), m_xdp(isXdpProgram(prog.programFd())) {}
  Status run(const StfCommand& c);
  StfReport finish();

 private:
  Status add(const StfCommand& c);
  Status setDefaultCmd(const StfCommand& c);
  Status packet(const StfCommand& c);
  Status expectVerdict(const StfCommand& c);
  Status checkCounter(const StfCommand& c);
  Status removeAll();
  void check(bool ok, const std::string& failure);

  const LoadedProgram& m_prog;
  bool m_xdp;
  StfReport m_report;
  std::vector<Output> m_outputs;  // every packet run, in order
  std::map<std::string, std::vector<std::size_t>> m_byPort;  // port -> indexes of emitted outputs
  std::map<std::string, std::deque<StfCommand>> m_expected;  // by port
};

void StfRunner::check(bool ok, const std::string& failure) {
  ++m_report.expectations;
  if (ok) ++m_report.passedChecks;
  else m_report.failures.push_back(failure);
}

Status StfRunner::run(const StfCommand& c) {
  switch (c.kind) {
    case StfCommand::Kind::Add: return add(c);
    case StfCommand::Kind::SetDefault: return setDefaultCmd(c);
    case StfCommand::Kind::Packet: return packet(c);
    case StfCommand::Kind::Expect:
      if (c.isVerdictExpect()) return expectVerdict(c);
      m_expected[c.port].push_back(c);
      return {};
    case StfCommand::Kind::CheckCounter: return checkCounter(c);
    case StfCommand::Kind::RemoveAll: return removeAll();
    case StfCommand::Kind::Nothing: return {};
  }
  return {};
}

Status StfRunner::add(const StfCommand& c) {
  Result<const TableSchema*> table = stfFindTable(m_prog.schema(), c.table);
  if (!table) return table.error();
  std::vector<StfNamedValue> keys = c.keys;
  std::optional<int> priority = c.priority;
  // "add t 5 act()" on a one-key table: the 5 is the key, not a priority.
  if (priority && keys.size() + 1 == (*table)->keys.size()) {
    keys.insert(keys.begin(), {"", std::to_string(*priority)});
    priority.reset();
  }
  Result<std::vector<std::string>> keyValues = stfOrderKeys(**table, keys);
  if (!keyValues) return keyValues.error();
  Result<const ActionSchema*> action = stfFindAction(**table, c.action);
  if (!action) return action.error();
  Result<std::vector<std::string>> params = stfOrderArgs(*action, c.args);
  if (!params) return params.error();
  if (!*action) return addNoActionEntry(m_prog, **table, *keyValues);
  // Exact and lpm tables have no priorities; ternary/range entries pass it on here.
  std::optional<std::uint32_t> entryPriority;
  if (priority && (*table)->scan && *priority >= 0) entryPriority = static_cast<std::uint32_t>(*priority);
  return addEntry(m_prog, (*table)->name, *keyValues, (*action)->name, *params, entryPriority);
}

Status StfRunner::setDefaultCmd(const StfCommand& c) {
  Result<const TableSchema*> table = stfFindTable(m_prog.schema(), c.table);
  if (!table) return table.error();
  Result<const ActionSchema*> action = stfFindAction(**table, c.action);
  if (!action) return action.error();
  Result<std::vector<std::string>> params = stfOrderArgs(*action, c.args);
  if (!params) return params.error();
  if (!*action)
    return makeError(ENOTSUP, "table " + (*table)->name + " does not list NoAction among its actions");
  return setDefault(m_prog, (*table)->name, (*action)->name, *params);
}

Status StfRunner::packet(const StfCommand& c) {
  Result<std::vector<std::uint8_t>> bytes = parseHex(c.data);
  if (!bytes) return bytes.error();
  Result<TestRunResult> run = testRun(m_prog.programFd(), *bytes);
  if (!run) return run.error();
  ++m_report.packets;
  Output out{c.line, c.port, verdictName(m_xdp, run->retval), "", false};
  bool emitted = emits(m_xdp, run->retval);
  bool redirected = m_xdp ? run->retval == 4 : run->retval == 7;
  if (emitted || redirected) out.hex = formatHex(run->output, "");
  m_report.log.push_back(at(c.line) + "port " + c.port + " -> " + out.verdict + (out.hex.empty() ? "" : " " + out.hex));
  m_outputs.push_back(out);
  if (emitted) m_byPort[c.port].push_back(m_outputs.size() - 1);
  return {};
}

Status StfRunner::expectVerdict(const StfCommand& c) {
  if (m_outputs.empty())
    return makeError(EINVAL, "'expect " + c.port + "' must follow the packet line it checks");
  Output& last = m_outputs.back();
  last.verdictChecked = true;
  // With bytes, the verdict expectation checks the whole packet: no port expect needed.
  std::vector<std::size_t>& onPort = m_byPort[last.port];
  if (!c.data.empty() && !onPort.empty() && onPort.back() == m_outputs.size() - 1) onPort.pop_back();
  bool ok = sameVerdict(c.port, last.verdict) && (c.data.empty() || matches(c, last.hex));
  check(ok, at(c.line) + "expected " + c.port + (c.data.empty() ? "" : " " + c.data) + ", got " + last.verdict +
                (last.hex.empty() ? "" : " " + last.hex) + " (packet of line " + std::to_string(last.line) + ")");
  return {};
}

Result<std::uint64_t> readCounter(const LoadedProgram& prog, const StfCounter& counter, std::uint32_t index) {
  Result<int> fd = prog.mapFd(counter.map);
  if (!fd) return fd.error();
  Result<MapInfo> info = prog.mapInfo(counter.map);
  if (!info) return info.error();
  bool perCpu = info->typeName.rfind("percpu", 0) == 0;
  int cpus = perCpu ? libbpf_num_possible_cpus() : 1;
  if (cpus <= 0) return makeError(-cpus, "cannot count the possible CPUs");
  unsigned stride = perCpu ? (info->valueSize + 7) / 8 * 8 : info->valueSize;
  std::vector<std::uint8_t> value(static_cast<std::size_t>(stride) * cpus, 0);
  if (bpf_map_lookup_elem(*fd, &index, value.data()) != 0) {
    if (errno == ENOENT) return std::uint64_t{0};  // sparse (hash) counters start absent
    return makeError(errno, "cannot read counter " + counter.name + "(" + std::to_string(index) + ")");
  }
  std::uint64_t sum = 0;
  for (int cpu = 0; cpu < cpus; ++cpu) {
    std::uint64_t v = 0;
    std::copy_n(value.begin() + static_cast<std::ptrdiff_t>(cpu) * stride, std::min<unsigned>(info->valueSize, 8),
                reinterpret_cast<std::uint8_t*>(&v));  // host order, like the program writes it
    sum += v;
  }
  return sum;
}

Status StfRunner::checkCounter(const StfCommand& c) {
  Result<StfCounter> counter = stfFindCounter(m_prog.schema(), c.counter);
  if (!counter) return counter.error();
  bool dense = counter->mapType.find("hash") == std::string::npos;  // sparse: any u32 index
  if (dense && counter->maxEntries && c.index >= counter->maxEntries)
    return makeError(EINVAL, "counter " + counter->name + " has " + std::to_string(counter->maxEntries) +
                                 " entries, index " + std::to_string(c.index) + " is past the end");
  Result<std::uint64_t> got = readCounter(m_prog, *counter, c.index);
  if (!got) return got.error();
  m_report.log.push_back(at(c.line) + counter->name + "(" + std::to_string(c.index) + ") = " + std::to_string(*got));
  if (c.op.empty()) return {};
  check(stfCompare(*got, c.op, c.expected), at(c.line) + "expected " + counter->name + "(" + std::to_string(c.index) +
                                                 ") " + c.countType + " " + c.op + " " + std::to_string(c.expected) +
                                                 ", got " + std::to_string(*got));
  return {};
}

Status StfRunner::removeAll() {
  for (const TableSchema& t : m_prog.schema().tables) {
    if (!t.constEntries.empty()) continue;  // the program fixed them
    if (Result<std::size_t> r = clearTable(m_prog, t.name); !r) return r.error();
  }
  return {};
}

StfReport StfRunner::finish() {
  std::map<std::string, bool> portsSeen;
  for (const auto& [port, outs] : m_byPort) portsSeen[port] = true;
  for (const auto& [port, exps] : m_expected) portsSeen[port] = true;
  for (const auto& [port, seen] : portsSeen) {
    std::vector<std::size_t> outs = m_byPort[port];
    std::deque<StfCommand>& exps = m_expected[port];
    // Packets a verdict expectation already accounted for may go without a port
    // expectation: while there are more packets than expectations left, skip those that
    // do not match the next expectation.
    std::size_t n = 0, left = exps.size();
    for (const StfCommand& e : exps) {
      std::size_t pick = n;
      while (pick < outs.size() && outs.size() - pick > left && m_outputs[outs[pick]].verdictChecked &&
             !matches(e, m_outputs[outs[pick]].hex))
        ++pick;
      --left;
      if (pick == outs.size()) pick = n;  // nothing better: report against the next packet
      if (pick == outs.size()) {
        check(false, at(e.line) + "expected a packet on port " + port + ", none left");
        continue;
      }
      n = pick + 1;
      const Output& got = m_outputs[outs[pick]];
      check(matches(e, got.hex), at(e.line) + "expected " + (e.anyPacket ? "a packet" : e.data) + " on port " + port +
                                     ", got " + got.hex + " (packet of line " + std::to_string(got.line) + ")");
    }
    for (; n < outs.size(); ++n) {
      const Output& o = m_outputs[outs[n]];
      if (o.verdictChecked) continue;
      m_report.failures.push_back(at(o.line) + "unexpected packet on port " + port + " (" + o.verdict +
                                  "; a packet without expect must be dropped): " + o.hex);
    }
  }
  for (const Output& o : m_outputs)
    if ((o.verdict == "XDP_REDIRECT" || o.verdict == "TC_ACT_REDIRECT") && !o.verdictChecked)
      m_report.failures.push_back(at(o.line) + "packet redirected (XDP_REDIRECT) without 'expect " + o.verdict + "'");
  m_report.passed = m_report.failures.empty();
  return m_report;
}

}  // namespace

Result<StfReport> runStf(const LoadedProgram& prog, std::string_view script) {
  Result<std::vector<StfCommand>> commands = parseStfScript(script);
  if (!commands) return commands.error();
  StfRunner runner(prog);
  for (const StfCommand& c : *commands)
    if (Status s = runner.run(c); !s) return makeError(s.error().errnum, at(c.line) + s.error().message);
  return runner.finish();
}

}  // namespace p4wb::runtime
