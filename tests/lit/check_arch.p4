// `p4wb check --arch NAME` accepts a program whose `main` instantiates NAME's package
// (and `any` accepts every architecture).
// RUN: %p4wb check --arch xdp %examples/basic_fwd.p4 2>&1 | FileCheck %s --allow-empty
// RUN: %p4wb check --arch any %examples/basic_fwd.p4 2>&1 | FileCheck %s --allow-empty
// CHECK-NOT: error
