// `p4wb check --arch NAME` rejects a program written for another architecture, and an
// unknown NAME.
// RUN: not %p4wb check --arch ebpfFilter %examples/basic_fwd.p4 2>&1 | FileCheck %s --check-prefix=OTHER
// RUN: not %p4wb check --arch tofino %examples/basic_fwd.p4 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// OTHER: error: --arch ebpfFilter: `main` must instantiate package 'ebpfFilter' (from ebpf_model.p4); the program uses 'xdp'
// UNKNOWN: error: --arch tofino: unknown architecture (known: xdp, ebpfFilter, any)
