// The schema lists the parser's transitions (docs/schema.md "Transitions") so the
// pipeline view can draw select cases as edges.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --emit-schema %t.json
// RUN: FileCheck %s < %t.json

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
