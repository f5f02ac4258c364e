// The schema lists the parser's transitions and each control's table applies with the
// conditions leading there (docs/schema.md "Transitions"), for the pipeline view.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --emit-schema %t.json
// RUN: FileCheck %s < %t.json
// RUN: %p4wb compile %examples/l3_router.p4 -o %t3.o --emit-schema %t3.json
// RUN: FileCheck %s --check-prefix=FLOW < %t3.json

// CHECK: "transitions": [
// CHECK: "from": "prs.start",
// CHECK-NEXT: "to": "prs.parse_ipv4",
// CHECK-NEXT: "label": "ETHERTYPE_IPV4"
// CHECK: "from": "prs.start",
// CHECK-NEXT: "to": "accept",
// CHECK-NEXT: "label": "default"
// CHECK: "from": "prs.parse_ipv4",
// CHECK-NEXT: "to": "accept",
// CHECK-NEXT: "label": ""
// CHECK: "externs": [

// FLOW: "control_flow": [
// FLOW-NEXT: {
// FLOW-NEXT: "from": "ingress",
// FLOW-NEXT: "to": "ingress.ipv4_lpm",
// FLOW-NEXT: "label": "if hdr.ipv4.isValid(), else"
// FLOW-NEXT: }
// FLOW-NEXT: ],
