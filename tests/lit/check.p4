// `p4wb check` runs the front end only: no diagnostics and exit 0 for a good program,
// and --json reports the architecture.
// RUN: %p4wb check %examples/basic_fwd.p4 2>&1 | FileCheck %s --allow-empty --check-prefix=TEXT
// RUN: %p4wb check --json %examples/basic_fwd.p4 | FileCheck %s --check-prefix=JSON

// TEXT-NOT: error
// JSON: "architecture": "xdp"
// JSON: "ok": true
