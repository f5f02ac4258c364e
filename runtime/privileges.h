// What the current process may do with BPF and namespaces, read from its effective
// capabilities, so front ends can disable actions up front and say why.
#pragma once

#include <string>

#include "runtime/result.h"

namespace p4wb::runtime {

struct Privileges {
  bool bpf = false;  // CAP_BPF (or CAP_SYS_ADMIN): load programs, create maps
  bool netAdmin = false;  // CAP_NET_ADMIN: attach XDP/tc, create veths
  bool sysAdmin = false;  // CAP_SYS_ADMIN: setns, mount bpffs, create namespaces
  bool canLoad() const { return bpf && netAdmin; }
  bool canUseNamespaces() const { return sysAdmin; }
  // "" when everything is allowed, else one sentence naming what is missing.
  std::string missingSummary() const;
};

// Reads CapEff from /proc/self/status.
Result<Privileges> currentPrivileges();

}  // namespace p4wb::runtime
