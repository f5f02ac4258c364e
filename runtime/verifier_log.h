// Reading a kernel verifier log: which instruction was rejected, why, and — when the
// object carries BTF line info, as objects from our compiler do — which source line
// (the P4 line for compiled P4) that instruction came from. Pure text processing.
#pragma once

#include <string>
#include <string_view>

namespace p4wb::runtime {

struct VerifierFailure {
  int insn = -1;  // index of the rejected instruction; -1 when the log names none
  std::string instruction;  // its text as the verifier printed it, e.g. "r1 = *(u8 *)(r1 +12)"
  std::string reason;  // the verifier's complaint, e.g. "invalid access to packet, off=12 size=1, ..."
  std::string file;  // source of that instruction from the line info; empty without line info
  int line = 0;
  std::string sourceText;  // that source line's text as embedded in the line info
};

// Finds the failure in a verifier log (log level 1 or 2). The failing instruction is the
// last one printed; its source position is the last "; TEXT @ FILE:LINE" line before it.
VerifierFailure summarizeVerifierLog(std::string_view log);

// One line: "at basic_fwd.p4:40 (`hdr.ipv4.ttl = ...`), insn 12: invalid access to packet
// ...". Without line info "insn 12: ..."; with nothing recognised, "".
std::string describeVerifierFailure(const VerifierFailure& failure);

}  // namespace p4wb::runtime
