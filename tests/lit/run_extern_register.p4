// extern_register.p4 in the kernel: each packet reads the count its dst MAC's last byte
// indexes and writes count + 1, so the next packet of the same run sees it; index 9 is
// past the register's 4 slots (reads 0, writes nothing). A struct register counts all.
// REQUIRES: root
// RUN: %p4wb stf %S/extern_register.p4 %S/Inputs/extern_register.stf | FileCheck %s

// CHECK: 6 passed, 0 failed
