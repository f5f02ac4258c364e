// extern_hash.p4 in the kernel: the values are FNV-1a 32 of 0a000001 0a000002 11
// (0x36768ae3) and of 0a000001 (low 16 bits 0x6a2c), as a C baseline computes them
// (see tests/unit/compiler/test_extern_hash.cpp); the list and struct forms agree (TX).
// REQUIRES: root
// RUN: %p4wb stf %S/extern_hash.p4 %S/Inputs/extern_hash.stf | FileCheck %s

// CHECK: 2 passed, 0 failed
