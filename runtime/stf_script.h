// STF script text as commands, and STF names resolved against a program schema. Pure
// (no kernel), so the parsing rules are unit-tested apart from test runs (runtime/stf.h).
//
// Commands (keywords case-insensitive, '#' starts a comment, one command per line):
//   add <table> [<priority>] <key>:<value>... <action>(<param>:<value>, ...) [= <id>]
//   setdefault <table> <action>(<param>:<value>, ...)
//   packet <port> <hex bytes>
//   expect <port> [<hex bytes, '*' = any nibble>][$]   no data: any one packet
//   expect <verdict> [<hex>]                           p4wb: checks the packet just before
//   check_counter <counter>(<index>) [packets|bytes] [==|!=|<|<=|>|>= <value>]
//   remove all        wait        no_packet            (no_packet, wait: nothing to do)
// Names are P4 names (`ingress.tbl`, `hdr.ipv4.dstAddr`, `ingress.act`), unique dotted
// suffixes, map names, or the flattened forms of p4c's eBPF tests: `ingress_tbl`,
// `key.field0` for the first key field, `ingress_act(...)`, `_NoAction()`.
// Values with '*' digits (`0x**01`, `0b1*0`) become "value&&&mask" ternary literals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/result.h"
#include "runtime/schema.h"

namespace p4wb::runtime {

using StfNamedValue = std::pair<std::string, std::string>;  // (name or "", value)

struct StfCommand {
  enum class Kind { Add, SetDefault, Packet, Expect, CheckCounter, RemoveAll, Nothing };
  Kind kind = Kind::Nothing;
  unsigned line = 0;
  // add / setdefault
  std::string table;
  std::optional<int> priority;
  std::vector<StfNamedValue> keys;
  std::string action;
  std::vector<StfNamedValue> args;
  // packet / expect: port digits, or for expect a verdict name ("XDP_DROP", "accept")
  std::string port;
  std::string data;  // packet: hex digits; expect: lower-case hex digits and '*'
  bool exactLength = false;  // expect ... $
  bool anyPacket = false;  // expect <port> without data
  // check_counter
  std::string counter;
  std::uint32_t index = 0;
  std::string countType = "packets";  // packets | bytes
  std::string op;  // "==", "!=", "<", "<=", ">", ">="; empty: just read it
  std::uint64_t expected = 0;

  // expect <verdict> rather than expect <port>.
  bool isVerdictExpect() const { return kind == Kind::Expect && !port.empty() && (port[0] < '0' || port[0] > '9'); }
};

// One line; a blank or comment-only line gives Kind::Nothing. EINVAL says what was
// expected.
Result<StfCommand> parseStfLine(std::string_view line);
// The whole script; errors are prefixed "line N: ". Kind::Nothing lines are dropped.
Result<std::vector<StfCommand>> parseStfScript(std::string_view script);

// "0x**01" -> "0x0001&&&0x00ff", "0b1*" -> "0b10&&&0b10"; other values unchanged.
std::string stfTernaryValue(std::string_view value);

// P4 name, unique suffix, map name or flattened name (dots as '_').
Result<const TableSchema*> stfFindTable(const ProgramSchema& schema, std::string_view name);
// nullptr for NoAction/_NoAction when the table does not list it (action id 0).
Result<const ActionSchema*> stfFindAction(const TableSchema& table, std::string_view name);
// Key values in schema order: by `key.fieldN`, by P4 name (full or last component), or
// positionally when no name is given. EINVAL names the keys on a count mismatch.
Result<std::vector<std::string>> stfOrderKeys(const TableSchema& table, const std::vector<StfNamedValue>& keys);
// Action arguments in parameter order, by name or positionally.
Result<std::vector<std::string>> stfOrderArgs(const ActionSchema* action, const std::vector<StfNamedValue>& args);

// A CounterArray instance of the schema's "externs".
struct StfCounter {
  std::string name;  // "ingress.counters"
  std::string map;
  std::string mapType;  // "array" | "hash" | "percpu_array" | "percpu_hash"
  std::uint32_t maxEntries = 0;
};
// Finds a counter_array extern by P4 name, unique suffix, map or flattened name.
Result<StfCounter> stfFindCounter(const ProgramSchema& schema, std::string_view name);
// Applies op ("==", ...) to (got, expected); false for an unknown op.
bool stfCompare(std::uint64_t got, std::string_view op, std::uint64_t expected);

}  // namespace p4wb::runtime
