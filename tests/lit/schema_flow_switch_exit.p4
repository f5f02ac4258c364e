// The schema's control_flow follows switch cases (labelled "case <action>") and
// return/exit (an exit ends the path; a return from a control instance joins its end),
// and transitions enter a sub-parser from the state that applies it (docs/schema.md).
// RUN: %p4wb compile %examples/../../tests/stf/151_table_apply_in_branches.p4 -o %t1.o --emit-schema %t1.json
// RUN: FileCheck %s --check-prefix=SWITCH < %t1.json
// RUN: %p4wb compile %examples/../../tests/stf/160_nested_control_exit.p4 -o %t2.o --emit-schema %t2.json
// RUN: FileCheck %s --check-prefix=EXIT < %t2.json
// RUN: %p4wb compile %examples/../../tests/stf/165_sub_parser.p4 -o %t3.o --emit-schema %t3.json
// RUN: FileCheck %s --check-prefix=SUB < %t3.json

// SWITCH: "control_flow": [
// SWITCH: "from": "C.t",
// SWITCH-NEXT: "to": "C.u",
// SWITCH-NEXT: "label": "case set"

// EXIT: "control_flow": [
// EXIT-NEXT: {
// EXIT-NEXT: "from": "C",
// EXIT-NEXT: "to": "C.first.t",
// EXIT-NEXT: "label": ""
// EXIT-NEXT: },
// EXIT-NEXT: {
// EXIT-NEXT: "from": "C.first.t",
// EXIT-NEXT: "to": "C.outer.inner.t",
// EXIT-NEXT: "label": ""
// EXIT-NEXT: },
// EXIT-NEXT: {
// EXIT-NEXT: "from": "C",
// EXIT-NEXT: "to": "C.outer.inner.t",
// EXIT-NEXT: "label": "if k == 9"
// EXIT-NEXT: }
// EXIT-NEXT: ],

// SUB: "transitions": [
// SUB-NEXT: {
// SUB-NEXT: "from": "P.start",
// SUB-NEXT: "to": "P.pair.start",
// SUB-NEXT: "label": "pair.apply()"
// SUB: "from": "P.again",
// SUB-NEXT: "to": "P.pair.start",
// SUB-NEXT: "label": "pair.apply()"
