// Behaviour of const entries: ARP is dropped by the first entry, LLDP to the nearest-
// bridge address is bounced with a new source MAC, anything else takes the default.
// REQUIRES: root
// RUN: %p4wb run %S/const_entries.p4 "ffffffffffff 020000000009 0806 0001" | FileCheck %s --check-prefix=ARP
// RUN: %p4wb run %S/const_entries.p4 "0180c200000e 020000000009 88cc 0001" | FileCheck %s --check-prefix=LLDP
// RUN: %p4wb run %S/const_entries.p4 "0180c200000f 020000000009 88cc 0001" | FileCheck %s --check-prefix=OTHER

// ARP: verdict: XDP_DROP (1)
// LLDP: verdict: XDP_TX (3)
// LLDP: 01 80 c2 00 00 0e 02 00 00 00 00 01 88 cc
// OTHER: verdict: XDP_PASS (2)
