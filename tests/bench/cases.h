// The benchmark cases: for each example program, its P4 source, its hand-written C
// baseline object, the table contents both get, and the packet mix they are timed on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "tests/bench/packets.h"

namespace p4wb::bench {

struct Case {
  std::string name;
  std::string p4;        // P4 source
  std::string baseline;  // hand-written object (clang-19 -O2 -target bpf)
  // Table contents (same calls for the generated and the C program: the C program
  // has the generated program's map layout).
  std::function<void(const runtime::LoadedProgram&)> fill;
  std::vector<Bytes> packets;  // the mix, equally weighted
};

// Every example of resources/examples with a baseline, basic_fwd first.
std::vector<Case> allCases();
Case vswitch();  // cases.cpp
Case aclFirewall();  // cases_more.cpp: the examples with scans, header moves and state
Case vxlanGateway();
Case l4Lb();
Case conntrack();

// Shared by the case files.
constexpr Mac kHostMac = 0x020000000001;
constexpr Mac kRouterMac = 0x0200000000fe;
void add(const runtime::LoadedProgram& p, const std::string& table,
         const std::vector<std::string>& keys, const std::string& action,
         const std::vector<std::string>& params);
std::string example(const std::string& name);   // resources/examples/NAME.p4
std::string baseline(const std::string& name);  // the built baseline object NAME.o

// Prints "p4wb-bench: what: why" and exits 1 (the bench is a program, not a library).
[[noreturn]] void die(const std::string& what);
void check(const runtime::Status& s, const std::string& what);

}  // namespace p4wb::bench
