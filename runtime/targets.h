// Where programs can go: every network namespace (named ones under /run/netns plus the
// current one) with its interfaces, their state and addresses, and which XDP and tc
// programs are attached to them (any program, ours or not: every cls_bpf filter on the
// clsact hooks and every tcx link, plus the XDP program).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/attach.h"
#include "runtime/result.h"

namespace p4wb::runtime {

// One BPF program on a tc hook, attached by anyone.
struct TcProgram {
  Hook hook = Hook::TcIngress;  // TcIngress or TcEgress
  std::uint32_t progId = 0;
  std::string progName;  // the kernel's name of the program ("" when it cannot be read)
  bool tcx = false;  // attached through a tcx link (no handle/priority then)
  std::uint32_t handle = 0;  // cls_bpf filter handle and priority ("pref")
  std::uint32_t priority = 0;
  std::string filterName;  // cls_bpf filter name, e.g. "prog.o:[tc]"
};

struct InterfaceInfo {
  unsigned index = 0;
  std::string name;
  bool up = false;  // IFF_UP
  bool running = false;  // IFF_RUNNING (carrier)
  std::vector<std::string> addresses;  // "10.0.0.1/24", "fe80::1/64"
  Attachment xdp;  // progId 0 when none
  std::string xdpProgName;  // the kernel's name of the XDP program
  std::vector<TcProgram> tc;  // every BPF program on the tc hooks, ingress first
  std::uint32_t tcIngressProgId = 0;  // the BPF filter in our clsact slot, 0 when none
  std::uint32_t tcEgressProgId = 0;
};

struct NetnsInfo {
  std::string name;  // "" for the namespace this process runs in
  bool current = false;  // the namespace of the calling thread
  std::vector<InterfaceInfo> interfaces;  // by index
  std::string error;  // set when the namespace could not be read (then no interfaces)
};

// One namespace ("" = current).
Result<NetnsInfo> describeNetns(const std::string& netns);

// The current namespace first, then every named one (sorted). A namespace that cannot be
// read is listed with `error` set rather than failing the whole list.
Result<std::vector<NetnsInfo>> listTargets();

}  // namespace p4wb::runtime
