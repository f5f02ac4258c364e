// STF (the simple test format p4c's test drivers use) run through BPF_PROG_TEST_RUN:
// table setup, packets in, expected packets out, counter checks, with a report of every
// mismatch. The command syntax and the names it accepts are in runtime/stf_script.h.
//
// A test run has no ports: a packet that the program sends on (XDP_TX, XDP_PASS,
// ebpfFilter accept) "leaves" on the port it came in on; XDP_DROP/XDP_ABORTED/reject
// produce nothing. XDP_REDIRECT leaves on a port a test run cannot observe: such a
// packet must be checked with `expect XDP_REDIRECT [<hex>]`.
// As in p4c's eBPF test driver, every port's output is checked: its packets are matched
// in order against that port's `expect` lines, and a packet with no `expect` left for
// it is a failure (a `packet` without an `expect` means the packet must be dropped),
// unless the packet was checked by a verdict expectation (`expect XDP_TX ...`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/stf_script.h"

namespace p4wb::runtime {

struct StfReport {
  bool passed = false;
  unsigned packets = 0;  // packets run
  unsigned expectations = 0;  // expect and check_counter lines checked
  unsigned passedChecks = 0;  // of those, how many held
  std::vector<std::string> failures;  // "line 12: expected ... on port 0, got ..."
  std::vector<std::string> log;  // one line per packet: port, verdict, output hex
};

// Runs the script against prog (table entries it adds stay in the maps). Errors are
// for scripts that cannot run at all (syntax, unknown table or counter); a failed
// expectation is a report with passed == false.
Result<StfReport> runStf(const LoadedProgram& prog, std::string_view script);

}  // namespace p4wb::runtime
