#include "runtime/stf_script.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "runtime/hex.h"

namespace p4wb::runtime {

namespace {

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool isDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && isSpace(s[b])) ++b;
  while (e > b && isSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t p = 0;
  while (p < s.size()) {
    while (p < s.size() && isSpace(s[p])) ++p;
    std::size_t b = p;
    while (p < s.size() && !isSpace(s[p])) ++p;
    if (p > b) out.emplace_back(s.substr(b, p - b));
  }
  return out;
}

std::string flatten(std::string s) {
  std::replace(s.begin(), s.end(), '.', '_');
  return s;
}

std::string lastComponent(const std::string& name) {
  std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

// A MAC ("02:00:00:00:00:01") or IPv6 ("fe80::1", "2001:db8::/32") literal, i.e. a
// value without a name: what comes before the first ':' is 0-4 hex digits (names have
// dots or longer words), and there is a "::" or 6 (MAC) or 8 (IPv6) groups.
bool isColonLiteral(std::string_view w) {
  std::string_view head = w.substr(0, w.find(':'));
  if (head.size() > 4 || !std::all_of(head.begin(), head.end(), isHex)) return false;
  if (w.find("::") != std::string_view::npos) return true;
  std::string_view body = w.substr(0, w.find_first_of("/&."));
  return std::count(body.begin(), body.end(), ':') == 5 || std::count(body.begin(), body.end(), ':') == 7;
}

StfNamedValue splitNameValue(const std::string& word) {
  std::size_t colon = word.find(':');
  if (colon == std::string::npos || colon == 0 || isColonLiteral(word)) return {"", word};
  return {trim(std::string_view(word).substr(0, colon)), trim(std::string_view(word).substr(colon + 1))};
}

// "<action>(a:1, b:2)" -> action name and (name, value) args.
Result<std::pair<std::string, std::vector<StfNamedValue>>> parseCall(std::string_view text) {
  std::size_t open = text.find('('), close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open || !trim(text.substr(close + 1)).empty())
    return makeError(EINVAL, "expected <action>(<param>:<value>, ...), got '" + std::string(text) + "'");
  std::pair<std::string, std::vector<StfNamedValue>> call;
  call.first = trim(text.substr(0, open));
  if (call.first.empty() || call.first.find_first_of(" \t") != std::string::npos)
    return makeError(EINVAL, "expected one action name before '(' in '" + std::string(text) + "'");
  std::string_view args = text.substr(open + 1, close - open - 1);
  std::size_t pos = 0;
  while (pos < args.size()) {
    std::size_t comma = std::min(args.find(',', pos), args.size());
    std::string arg = trim(args.substr(pos, comma - pos));
    if (!arg.empty()) call.second.push_back(splitNameValue(arg));
    pos = comma + 1;
  }
  return call;
}

Result<StfCommand> parseAdd(StfCommand c, std::string_view rest) {
  std::size_t open = rest.find('(');
  if (open == std::string::npos) return makeError(EINVAL, "usage: add <table> [<priority>] <key>:<value>... <action>(<args>)");
  std::size_t actionStart = rest.find_last_of(" \t", open);
  if (actionStart == std::string::npos) return makeError(EINVAL, "add: missing table name");
  std::size_t close = rest.find(')', open);
  if (close == std::string::npos) return makeError(EINVAL, "add: missing ')' after the action arguments");
  // p4c allows "= <id>" after the action: a name for the entry, ignored here.
  std::string tail = trim(rest.substr(close + 1));
  if (!tail.empty() && tail[0] != '=') return makeError(EINVAL, "add: unexpected '" + tail + "' after the action");
  std::vector<std::string> head = words(rest.substr(0, actionStart));
  if (head.empty()) return makeError(EINVAL, "add: missing table name");
  c.table = head[0];
  for (std::size_t i = 1; i < head.size(); ++i) {
    if (i == 1 && isDigits(head[i]) && head.size() > 1) {
      c.priority = std::stoi(head[i].substr(0, 9));
      continue;
    }
    c.keys.push_back(splitNameValue(head[i]));
  }
  auto call = parseCall(rest.substr(actionStart + 1, close - actionStart));
  if (!call) return call.error();
  c.action = call->first;
  c.args = std::move(call->second);
  return c;
}

Result<StfCommand> parseSetDefault(StfCommand c, std::string_view rest) {
  std::size_t space = rest.find_first_of(" \t");
  if (space == std::string::npos) return makeError(EINVAL, "usage: setdefault <table> <action>(<args>)");
  c.table = std::string(rest.substr(0, space));
  auto call = parseCall(trim(rest.substr(space)));
  if (!call) return call.error();
  c.action = call->first;
  c.args = std::move(call->second);
  return c;
}

Result<StfCommand> parsePacket(StfCommand c, std::string_view rest) {
  std::vector<std::string> w = words(rest);
  if (w.size() < 2 || !isDigits(w[0])) return makeError(EINVAL, "usage: packet <port> <hex bytes>");
  c.port = w[0];
  std::string hex = trim(rest.substr(rest.find(w[0]) + w[0].size()));
  Result<std::vector<std::uint8_t>> bytes = parseHex(hex);
  if (!bytes) return bytes.error();
  c.data = formatHex(*bytes, "");
  return c;
}

Result<StfCommand> parseExpect(StfCommand c, std::string_view rest) {
  std::vector<std::string> w = words(rest);
  if (w.empty()) return makeError(EINVAL, "usage: expect <port> [<hex bytes>]");
  c.port = w[0];
  std::string pattern = trim(rest.substr(rest.find(w[0]) + w[0].size()));
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if (isHex(ch) || ch == '*') {
      c.data += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (ch == '$' && trim(std::string_view(pattern).substr(i + 1)).empty()) {
      c.exactLength = true;
    } else if (!isSpace(ch)) {
      return makeError(EINVAL, "unexpected '" + std::string(1, ch) + "' in expected packet");
    }
  }
  c.anyPacket = c.data.empty() && !c.isVerdictExpect();
  return c;
}

Result<StfCommand> parseCheckCounter(StfCommand c, std::string_view rest) {
  const char* usage = "usage: check_counter <counter>(<index>) [packets|bytes] [==|!=|<|<=|>|>= <value>]";
  std::size_t open = rest.find('('), close = rest.find(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return makeError(EINVAL, usage);
  c.counter = trim(rest.substr(0, open));
  std::string index = trim(rest.substr(open + 1, close - open - 1));
  try {
    std::size_t used = 0;
    unsigned long v = std::stoul(index, &used, 0);
    if (used != index.size() || v > 0xffffffffUL) throw std::invalid_argument("index");
    c.index = static_cast<std::uint32_t>(v);
  } catch (const std::exception&) {
    return makeError(EINVAL, "check_counter: the index must be a number, got '" + index + "'");
  }
  std::vector<std::string> w = words(rest.substr(close + 1));
  std::size_t i = 0;
  if (i < w.size() && (lower(w[i]) == "packets" || lower(w[i]) == "bytes")) c.countType = lower(w[i++]);
  if (i == w.size()) return c;
  static const char* kOps[] = {"==", "!=", "<=", "<", ">=", ">"};
  if (std::find(std::begin(kOps), std::end(kOps), w[i]) == std::end(kOps) || i + 2 != w.size())
    return makeError(EINVAL, usage);
  c.op = w[i];
  try {
    std::size_t used = 0;
    c.expected = std::stoull(w[i + 1], &used, 0);
    if (used != w[i + 1].size()) throw std::invalid_argument("value");
  } catch (const std::exception&) {
    return makeError(EINVAL, "check_counter: expected a number after " + c.op + ", got '" + w[i + 1] + "'");
  }
  return c;
}

}  // namespace

Result<StfCommand> parseStfLine(std::string_view text) {
  StfCommand c;
  std::string body = trim(text.substr(0, text.find('#')));
  if (body.empty()) return c;
  std::size_t space = body.find_first_of(" \t");
  std::string verb = lower(body.substr(0, space));
  std::string rest = space == std::string::npos ? "" : trim(std::string_view(body).substr(space));
  if (verb == "add") {
    c.kind = StfCommand::Kind::Add;
    return parseAdd(std::move(c), rest);
  }
  if (verb == "setdefault") {
    c.kind = StfCommand::Kind::SetDefault;
    return parseSetDefault(std::move(c), rest);
  }
  if (verb == "packet") {
    c.kind = StfCommand::Kind::Packet;
    return parsePacket(std::move(c), rest);
  }
  if (verb == "expect") {
    c.kind = StfCommand::Kind::Expect;
    return parseExpect(std::move(c), rest);
  }
  if (verb == "check_counter") {
    c.kind = StfCommand::Kind::CheckCounter;
    return parseCheckCounter(std::move(c), rest);
  }
  if (verb == "remove" && lower(rest) == "all") {
    c.kind = StfCommand::Kind::RemoveAll;
    return c;
  }
  if ((verb == "wait" || verb == "no_packet") && rest.empty()) return c;
  return makeError(ENOTSUP, "unsupported STF command '" + verb + "'");
}

Result<std::vector<StfCommand>> parseStfScript(std::string_view script) {
  std::vector<StfCommand> out;
  unsigned no = 0;
  std::size_t pos = 0;
  while (pos < script.size()) {
    std::size_t end = std::min(script.find('\n', pos), script.size());
    ++no;
    Result<StfCommand> c = parseStfLine(script.substr(pos, end - pos));
    if (!c) return makeError(c.error().errnum, "line " + std::to_string(no) + ": " + c.error().message);
    c->line = no;
    if (c->kind != StfCommand::Kind::Nothing) out.push_back(std::move(*c));
    pos = end + 1;
  }
  return out;
}

std::string stfTernaryValue(std::string_view v) {
  if (v.size() < 3 || v[0] != '0' || v.find('*') == std::string_view::npos) return std::string(v);
  char base = static_cast<char>(std::tolower(static_cast<unsigned char>(v[1])));
  if (base != 'x' && base != 'b') return std::string(v);
  std::string value(v.substr(0, 2)), mask(v.substr(0, 2));
  for (char c : v.substr(2)) {
    value += c == '*' ? '0' : c;
    mask += c == '*' ? '0' : base == 'x' ? 'f' : '1';
  }
  return value + "&&&" + mask;
}

Result<const TableSchema*> stfFindTable(const ProgramSchema& schema, std::string_view name) {
  Result<const TableSchema*> found = schema.findTable(name);
  if (found || found.error().errnum != ENOENT) return found;
  for (const TableSchema& t : schema.tables)
    if (flatten(t.name) == name) return &t;
  return found;
}

Result<const ActionSchema*> stfFindAction(const TableSchema& table, std::string_view name) {
  bool noAction = name == "_NoAction" || name == "NoAction";
  Result<const ActionSchema*> found = table.findAction(noAction ? "NoAction" : name);
  if (found) return found;
  if (noAction) return static_cast<const ActionSchema*>(nullptr);
  if (found.error().errnum != ENOENT) return found;
  for (const ActionSchema& a : table.actions)
    if (flatten(a.name) == name) return &a;
  return found;
}

namespace {

// "key.field3" -> 3
std::optional<std::size_t> fieldIndex(const std::string& name) {
  static const std::string kPrefix = "key.field";
  if (name.rfind(kPrefix, 0) != 0 || !isDigits(std::string_view(name).substr(kPrefix.size()))) return std::nullopt;
  return std::stoul(name.substr(kPrefix.size()));
}

std::string fieldList(const std::vector<FieldLayout>& fields) {
  std::string s;
  for (const FieldLayout& f : fields) s += (s.empty() ? "" : ", ") + f.name;
  return s;
}

// Places each named value at the index of its field; positional when names do not all
// resolve (scripts written for another compiler's key names still run).
template <typename Fields>
Result<std::vector<std::string>> order(const std::vector<StfNamedValue>& given, const Fields& fields,
                                       const std::string& what, bool keys) {
  if (given.size() != fields.size()) {
    std::vector<FieldLayout> plain(fields.begin(), fields.end());
    return makeError(EINVAL, what + " expects " + std::to_string(fields.size()) + " value(s)" +
                                 (fields.empty() ? "" : " (" + fieldList(plain) + ")") + ", got " +
                                 std::to_string(given.size()));
  }
  std::vector<std::string> out(fields.size());
  std::vector<bool> used(fields.size(), false);
  bool byName = true;
  for (const auto& [name, value] : given) {
    std::optional<std::size_t> at;
    if (keys) at = fieldIndex(name);
    if (at && *at >= fields.size())
      return makeError(EINVAL, name + ": " + what + " has only " + std::to_string(fields.size()) + " key field(s)");
    for (std::size_t i = 0; i < fields.size() && !at && !name.empty(); ++i)
      if (!used[i] && fields[i].name == name) at = i;
    for (std::size_t i = 0; i < fields.size() && !at && !name.empty(); ++i)
      if (!used[i] && lastComponent(fields[i].name) == lastComponent(name)) at = i;
    if (!at || used[*at]) {
      byName = false;
      break;
    }
    used[*at] = true;
    out[*at] = value;
  }
  if (byName) return out;
  for (std::size_t i = 0; i < given.size(); ++i) out[i] = given[i].second;
  return out;
}

}  // namespace

Result<std::vector<std::string>> stfOrderKeys(const TableSchema& table, const std::vector<StfNamedValue>& keys) {
  auto ordered = order(keys, table.keys, "table " + table.name, true);
  if (ordered)
    for (std::string& v : *ordered) v = stfTernaryValue(v);
  return ordered;
}

Result<std::vector<std::string>> stfOrderArgs(const ActionSchema* action, const std::vector<StfNamedValue>& args) {
  if (!action) {
    if (!args.empty()) return makeError(EINVAL, "NoAction takes no arguments");
    return std::vector<std::string>{};
  }
  return order(args, action->params, "action " + action->name, false);
}

Result<StfCounter> stfFindCounter(const ProgramSchema& schema, std::string_view name) {
  nlohmann::json externs = nlohmann::json::parse(schema.externsJson, nullptr, false);
  std::vector<StfCounter> all;
  if (externs.is_array())
    for (const auto& e : externs) {
      if (!e.is_object() || e.value("kind", "") != "counter_array") continue;
      StfCounter c{e.value("name", ""), e.value("map", ""), e.value("map_type", "array"), 0};
      if (auto it = e.find("max_entries"); it != e.end() && it->is_number_unsigned())
        c.maxEntries = it->get<std::uint32_t>();
      all.push_back(std::move(c));
    }
  std::vector<const StfCounter*> hits;
  for (const StfCounter& c : all) {
    bool suffix = c.name.size() > name.size() && c.name.ends_with(name) && c.name[c.name.size() - name.size() - 1] == '.';
    if (c.name == name || c.map == name || flatten(c.name) == name) return c;
    if (suffix) hits.push_back(&c);
  }
  if (hits.size() == 1) return *hits[0];
  std::string names;
  for (const StfCounter& c : all) names += (names.empty() ? "" : ", ") + c.name;
  return makeError(hits.empty() ? ENOENT : EINVAL,
                   (hits.empty() ? "no counter named '" : "ambiguous counter name '") + std::string(name) + "'" +
                       (names.empty() ? " (the program has no CounterArray)" : " (known: " + names + ")"));
}

bool stfCompare(std::uint64_t got, std::string_view op, std::uint64_t expected) {
  if (op == "==") return got == expected;
  if (op == "!=") return got != expected;
  if (op == "<") return got < expected;
  if (op == "<=") return got <= expected;
  if (op == ">") return got > expected;
  if (op == ">=") return got >= expected;
  return false;
}

}  // namespace p4wb::runtime
