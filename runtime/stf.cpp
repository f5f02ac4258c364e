#include "runtime/stf.h"

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

struct Expectation {
  unsigned line = 0;
  std::string pattern;  // hex digits and '*', no separators
  bool exactLength = false;  // trailing '$'
  std::string verdict;  // extension: "XDP_DROP" etc.; empty for port expectations
};

struct Output {
  unsigned line = 0;  // of the packet command
  std::string verdict;
  std::string hex;  // packed hex digits; empty when the packet was dropped
};

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string lastComponent(const std::string& name) {
  std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

// Orders "name:value" pairs by the schema's field names, or keeps them positional.
template <typename Fields>
Result<std::vector<std::string>> orderByName(const std::vector<std::pair<std::string, std::string>>& given,
                                             const Fields& fields, const std::string& what) {
  if (given.size() != fields.size())
    return makeError(EINVAL, what + " expects " + std::to_string(fields.size()) + " value(s), got " +
                                 std::to_string(given.size()));
  std::vector<std::string> out(fields.size());
  std::vector<bool> used(fields.size(), false);
  bool byName = true;
  for (const auto& [name, value] : given) {
    bool found = false;
    for (std::size_t i = 0; i < fields.size() && !found; ++i)
      if (!used[i] && !name.empty() && (fields[i].name == name || lastComponent(fields[i].name) == lastComponent(name))) {
        out[i] = value;
        used[i] = found = true;
      }
    byName = byName && found;
  }
  if (byName) return out;
  for (std::size_t i = 0; i < given.size(); ++i) out[i] = given[i].second;
  return out;
}

std::pair<std::string, std::string> splitNameValue(const std::string& word) {
  std::size_t colon = word.find(':');
  if (colon == std::string::npos || colon == 0) return {"", word};
  // MAC/IPv6 values contain ':' too: "02:00:..." starts with a hex group, not a name.
  std::string head = word.substr(0, colon);
  bool hexGroup = head.size() <= 4 && std::all_of(head.begin(), head.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c));
  });
  if (hexGroup) return {"", word};
  return {head, word.substr(colon + 1)};
}

// "<action>(a:1, b:2)" -> action name and (name, value) args.
Result<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> parseCall(const std::string& text) {
  std::size_t open = text.find('('), close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open)
    return makeError(EINVAL, "expected <action>(<param>:<value>, ...), got '" + text + "'");
  std::pair<std::string, std::vector<std::pair<std::string, std::string>>> call;
  call.first = trim(text.substr(0, open));
  std::string args = text.substr(open + 1, close - open - 1);
  std::size_t pos = 0;
  while (pos < args.size()) {
    std::size_t comma = args.find(',', pos);
    if (comma == std::string::npos) comma = args.size();
    std::string arg = trim(std::string_view(args).substr(pos, comma - pos));
    if (!arg.empty()) call.second.push_back(splitNameValue(arg));
    pos = comma + 1;
  }
  return call;
}

bool matches(const Expectation& e, const std::string& hex) {
  if (e.exactLength ? hex.size() != e.pattern.size() : hex.size() < e.pattern.size()) return false;
  for (std::size_t i = 0; i < e.pattern.size(); ++i)
    if (e.pattern[i] != '*' && std::tolower(static_cast<unsigned char>(e.pattern[i])) != hex[i]) return false;
  return true;
}

bool emits(const LoadedProgram& prog, std::uint32_t retval) {
  if (prog.schema().program.arch == "ebpfFilter") return retval == 0;  // TC_ACT_OK
  return retval == 2 || retval == 3;  // XDP_PASS, XDP_TX
}

std::string verdictName(const LoadedProgram& prog, std::uint32_t retval) {
  if (prog.schema().program.arch == "ebpfFilter")
    return retval == 0 ? "accept" : retval == 2 ? "reject" : "tc(" + std::to_string(retval) + ")";
  return xdpVerdictName(retval);
}

class StfRunner {
 public:
  explicit StfRunner(const LoadedProgram& prog) : m_prog(prog) {}
  Status line(unsigned no, const std::string& text);
  StfReport finish();

 private:
  Status add(const std::string& rest);
  Status setDefaultCmd(const std::string& rest);
  Status packet(unsigned no, const std::string& rest);
  Status expect(unsigned no, const std::string& rest);

  const LoadedProgram& m_prog;
  StfReport m_report;
  std::map<std::string, std::deque<Output>> m_outputs;  // by port
  std::map<std::string, std::deque<Expectation>> m_expected;  // by port
  std::optional<Output> m_last;  // the latest packet, for verdict expectations
};

Status StfRunner::line(unsigned no, const std::string& text) {
  std::string body = trim(text.substr(0, text.find('#')));
  if (body.empty()) return {};
  std::size_t space = body.find_first_of(" \t");
  std::string verb = body.substr(0, space);
  std::string rest = space == std::string::npos ? "" : trim(std::string_view(body).substr(space));
  if (verb == "add") return add(rest);
  if (verb == "setdefault") return setDefaultCmd(rest);
  if (verb == "packet") return packet(no, rest);
  if (verb == "expect") return expect(no, rest);
  return makeError(ENOTSUP, "unsupported STF command '" + verb + "'");
}

Status StfRunner::add(const std::string& rest) {
  std::size_t open = rest.find('(');
  std::size_t actionStart = rest.find_last_of(" \t", open);
  if (open == std::string::npos || actionStart == std::string::npos)
    return makeError(EINVAL, "usage: add <table> [<priority>] <key>:<value>... <action>(<args>)");
  std::vector<std::string> words;
  for (std::size_t p = 0; p < actionStart;) {
    std::size_t b = rest.find_first_not_of(" \t", p);
    if (b == std::string::npos || b >= actionStart) break;
    std::size_t e = std::min(rest.find_first_of(" \t", b), actionStart);
    words.push_back(rest.substr(b, e - b));
    p = e;
  }
  if (words.empty()) return makeError(EINVAL, "add: missing table name");
  Result<const TableSchema*> table = m_prog.schema().findTable(words[0]);
  if (!table) return table.error();
  std::vector<std::pair<std::string, std::string>> keys;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (i == 1 && words[i].find_first_not_of("0123456789") == std::string::npos) continue;  // priority
    keys.push_back(splitNameValue(words[i]));
  }
  auto call = parseCall(rest.substr(actionStart + 1));
  if (!call) return call.error();
  Result<std::vector<std::string>> keyValues = orderByName(keys, (*table)->keys, "table " + (*table)->name);
  if (!keyValues) return keyValues.error();
  Result<const ActionSchema*> action = (*table)->findAction(call->first);
  if (!action) return action.error();
  Result<std::vector<std::string>> params = orderByName(call->second, (*action)->params, "action " + (*action)->name);
  if (!params) return params.error();
  return addEntry(m_prog, (*table)->name, *keyValues, (*action)->name, *params);
}

Status StfRunner::setDefaultCmd(const std::string& rest) {
  std::size_t space = rest.find_first_of(" \t");
  if (space == std::string::npos) return makeError(EINVAL, "usage: setdefault <table> <action>(<args>)");
  Result<const TableSchema*> table = m_prog.schema().findTable(rest.substr(0, space));
  if (!table) return table.error();
  auto call = parseCall(trim(std::string_view(rest).substr(space)));
  if (!call) return call.error();
  Result<const ActionSchema*> action = (*table)->findAction(call->first);
  if (!action) return action.error();
  Result<std::vector<std::string>> params = orderByName(call->second, (*action)->params, "action " + (*action)->name);
  if (!params) return params.error();
  return setDefault(m_prog, (*table)->name, (*action)->name, *params);
}

Status StfRunner::packet(unsigned no, const std::string& rest) {
  std::size_t space = rest.find_first_of(" \t");
  if (space == std::string::npos) return makeError(EINVAL, "usage: packet <port> <hex>");
  std::string port = rest.substr(0, space);
  Result<std::vector<std::uint8_t>> bytes = parseHex(rest.substr(space));
  if (!bytes) return bytes.error();
  Result<TestRunResult> run = testRun(m_prog.programFd(), *bytes);
  if (!run) return run.error();
  ++m_report.packets;
  Output out{no, verdictName(m_prog, run->retval), ""};
  if (emits(m_prog, run->retval)) out.hex = formatHex(run->output, "");
  m_report.log.push_back("line " + std::to_string(no) + ": port " + port + " -> " + out.verdict +
                         (out.hex.empty() ? "" : " " + out.hex));
  if (!out.hex.empty()) m_outputs[port].push_back(out);
  m_last = out;
  return {};
}

Status StfRunner::expect(unsigned no, const std::string& rest) {
  std::size_t space = rest.find_first_of(" \t");
  std::string target = rest.substr(0, space);
  if (target.empty()) return makeError(EINVAL, "usage: expect <port> <hex>");
  Expectation e;
  e.line = no;
  std::string pattern = space == std::string::npos ? "" : rest.substr(space);
  for (char c : pattern) {
    if (std::isxdigit(static_cast<unsigned char>(c)) || c == '*') e.pattern += static_cast<char>(std::tolower(c));
    else if (c == '$') e.exactLength = true;
    else if (!std::isspace(static_cast<unsigned char>(c)))
      return makeError(EINVAL, "unexpected '" + std::string(1, c) + "' in expected packet");
  }
  bool isPort = target.find_first_not_of("0123456789") == std::string::npos;
  if (isPort) {
    m_expected[target].push_back(e);
    return {};
  }
  // A verdict expectation checks the packet sent just before it.
  if (!m_last) return makeError(EINVAL, "'expect " + target + "' must follow the packet line it checks");
  ++m_report.expectations;
  e.verdict = target;
  if (m_last->verdict != e.verdict || (!e.pattern.empty() && !matches(e, m_last->hex)))
    m_report.failures.push_back("line " + std::to_string(no) + ": expected " + e.verdict +
                                (e.pattern.empty() ? "" : " " + e.pattern) + ", got " + m_last->verdict +
                                (m_last->hex.empty() ? "" : " " + m_last->hex) + " (packet of line " +
                                std::to_string(m_last->line) + ")");
  return {};
}

StfReport StfRunner::finish() {
  for (auto& [port, expectations] : m_expected) {
    std::deque<Output>& outs = m_outputs[port];
    for (const Expectation& e : expectations) {
      ++m_report.expectations;
      if (outs.empty()) {
        m_report.failures.push_back("line " + std::to_string(e.line) + ": expected a packet on port " + port +
                                    ", none left");
        continue;
      }
      Output got = outs.front();
      outs.pop_front();
      if (!matches(e, got.hex))
        m_report.failures.push_back("line " + std::to_string(e.line) + ": expected " + e.pattern + " on port " + port +
                                    ", got " + got.hex + " (packet of line " + std::to_string(got.line) + ")");
    }
  }
  for (auto& [port, outs] : m_outputs)
    for (const Output& o : outs)
      if (m_expected.count(port))
        m_report.failures.push_back("line " + std::to_string(o.line) + ": unexpected packet on port " + port + ": " + o.hex);
  m_report.passed = m_report.failures.empty();
  return m_report;
}

}  // namespace

Result<StfReport> runStf(const LoadedProgram& prog, std::string_view script) {
  StfRunner runner(prog);
  unsigned no = 0;
  std::size_t pos = 0;
  while (pos <= script.size()) {
    std::size_t end = script.find('\n', pos);
    if (end == std::string_view::npos) end = script.size();
    ++no;
    Status s = runner.line(no, std::string(script.substr(pos, end - pos)));
    if (!s) return makeError(s.error().errnum, "line " + std::to_string(no) + ": " + s.error().message);
    pos = end + 1;
  }
  return runner.finish();
}

}  // namespace p4wb::runtime
