// Table commands as text, in the dialects users bring from other P4 tools, parsed once
// here so the CLI (`p4wb table exec FILE`) and the GUI share one reading of them.
//
//   runtime_CLI (BMv2 simple_switch_CLI); keys replace BMv2's entry handles:
//     table_add <table> <action> <key>... => <param>... [<priority>]
//     table_modify <table> <action> <key>... => <param>...
//     table_delete <table> <key>...
//     table_set_default <table> <action> [<param>...]
//     table_reset_default <table>
//     table_clear <table>
//     table_dump <table>
//     counter_read <counter> [<index>]         (no index: every non-zero counter)
//     counter_reset <counter> [<index>]
//     register_read <register> [<index>]       (no index: every non-zero slot)
//     register_write <register> <index> <value>...   (one value per field of T)
//     register_reset <register> [<index>]
//   nikss-ctl (PSA-eBPF); the leading "nikss-ctl" and "pipe <id>" are optional:
//     table add|update pipe <id> <table> [action] (name <a> | id <n>) key <k>... [data <p>...]
//           [priority <n>]
//     table delete pipe <id> <table> [key <k>...]        (no key: delete all entries)
//     table get pipe <id> <table> [key <k>...]           (no key: dump)
//     table default set pipe <id> <table> action (name <a> | id <n>) [data <p>...]
//     table default reset pipe <id> <table>
// '#' starts a comment; blank lines are skipped. Tables are found by P4 name, unique
// suffix or map name (nikss style "ingress_ipv4_fwd"); counters and registers (the
// CounterArray and Register externs, runtime/externs.h) likewise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/table.h"

namespace p4wb::runtime {

struct TableCommand {
  enum class Op {
    Add, Modify, Delete, SetDefault, ResetDefault, Clear, Dump,
    // Externs: `table` names the extern, `keys` holds the index (empty: every slot),
    // `params` the values register_write writes.
    CounterRead, CounterReset, RegisterRead, RegisterWrite, RegisterReset
  };
  Op op = Op::Dump;
  std::string table;  // the table, or the extern for the extern ops
  std::vector<std::string> keys;
  std::string action;  // empty when given by id
  std::optional<std::uint32_t> actionId;  // nikss-ctl "action id N"
  std::vector<std::string> params;
  std::optional<int> priority;  // ternary/range tables: P4 semantics (nikss `priority N`)
  bool bmv2 = false;  // runtime_CLI: a trailing priority after the params, smallest wins
  unsigned line = 0;  // 1-based line in the script, 0 for a single command
};

// One command; EINVAL with a sentence saying what was expected.
Result<TableCommand> parseTableCommand(std::string_view line);

// A whole script; errors are prefixed "line N: ". Comment-only lines yield nothing.
Result<std::vector<TableCommand>> parseTableScript(std::string_view text);

// runtime_CLI's table_add/table_modify on a scanned (ternary/range) table take a BMv2
// priority after the action parameters (the smallest number wins): moves it from
// `params` to `priority` as the table's P4 priority (priorityFromBmv2, table_scan.h).
// Other commands and tables are left alone.
Status normalizePriority(const TableSchema& table, TableCommand& command);

// Whether the command acts on an extern (counter_*, register_*) rather than a table.
bool isExternCommand(const TableCommand& command);

// Runs one command against prog. Dump returns the table's entries (or the one entry its
// keys name); counter_read/register_read return one Entry per slot read (keys = {index},
// action empty, params = the value's fields); every other command returns an empty list.
Result<std::vector<Entry>> runTableCommand(const LoadedProgram& prog, const TableCommand& command);

// Checks a parsed script against prog without writing anything: every table, key,
// action and parameter encodes; adds name keys that are absent (in the map and earlier in
// the script), modifies/deletes name keys that are present; no table would exceed its
// max_entries. The error is prefixed "line N: " (the command's line) and says why.
Status checkTableScript(const LoadedProgram& prog, const std::vector<TableCommand>& commands);

// What runTableScript did.
struct ScriptOutcome {
  std::size_t applied = 0;  // commands run successfully (before any rollback)
  bool rolledBack = false;  // a command failed after the check and earlier ones were undone
  // (line, entries) per table_dump, counter_read and register_read.
  std::vector<std::pair<unsigned, std::vector<Entry>>> dumps;
};

// checkTableScript, then runs every command in order. Should one still fail (only a
// concurrent writer or the kernel can cause that after a successful check), the commands
// already run are undone in reverse order (entries re-added/restored/deleted, defaults
// restored) and the error, prefixed "line N: ", is returned.
Status runTableScript(const LoadedProgram& prog, const std::vector<TableCommand>& commands,
                      ScriptOutcome* outcome = nullptr);

}  // namespace p4wb::runtime
