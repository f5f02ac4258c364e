// extern_flow.p4 in the kernel: a flow's packet count lives in the LRU_HASH map across
// the packets of one STF run (ip.id shows it); each direction is its own flow; ttl 1
// removes the flow, so the next packet starts at 1 again.
// REQUIRES: root
// RUN: %p4wb stf %S/extern_flow.p4 %S/Inputs/extern_flow.stf | FileCheck %s

// CHECK: 5 passed, 0 failed
