// STF (the simple test format p4c's test drivers use) run through BPF_PROG_TEST_RUN:
// table setup, packets in, expected packets out, with a report of every mismatch.
//
//   # comment
//   add <table> [<priority>] <key>:<value>... <action>(<param>:<value>, ...)
//   setdefault <table> <action>(<param>:<value>, ...)
//   packet <port> <hex bytes>
//   expect <port> <hex bytes, '*' = any nibble>[$]     packet leaves on <port>
//   expect <verdict> [<hex bytes>]   p4wb extension: checks the packet line just before,
//                                    e.g. "expect XDP_DROP" or "expect XDP_TX 0200*"
//
// A test run has no ports: a packet that the program sends on (XDP_TX, XDP_PASS, tc
// TC_ACT_OK) "leaves" on the port it came in on; XDP_DROP/XDP_ABORTED/TC_ACT_SHOT
// produce nothing. Port expectations are matched per port in order (ports without any
// expectation are not checked). Key and parameter names
// are matched to the schema (full name or last component), else taken positionally.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"

namespace p4wb::runtime {

struct StfReport {
  bool passed = false;
  unsigned packets = 0;  // packets run
  unsigned expectations = 0;  // expect lines checked
  std::vector<std::string> failures;  // "line 12: expected ... on port 0, got ..."
  std::vector<std::string> log;  // one line per packet: port, verdict, output hex
};

// Runs the script against prog (table entries it adds stay in the maps). Errors are
// for scripts that cannot run at all (syntax, unknown table); a failed expectation is a
// report with passed == false.
Result<StfReport> runStf(const LoadedProgram& prog, std::string_view script);

}  // namespace p4wb::runtime
