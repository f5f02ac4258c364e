// --no-stage-counters removes the p4wb_stages map and every increment; the schema says
// "stage_counters": null but still lists the stages.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --emit-llvm %t.ll --emit-schema %t.json --no-stage-counters
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json

// IR-NOT: p4wb_stages
// IR: @ingress_ipv4_fwd = dso_local global
// IR-NOT: p4wb_stages

// SCHEMA: "stage_counters": null
// SCHEMA: "stages": [
// SCHEMA: "kind": "parser_state"
