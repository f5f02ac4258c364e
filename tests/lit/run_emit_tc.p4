// The tc program rebuilds the head too: emit_vxlan.p4 loaded for tc-ingress (pinned
// only, no interface) encapsulates with bpf_skb_change_head and decapsulates with
// bpf_skb_adjust_room (the inner frame's first 14 bytes are moved before the MAC-layer
// shrink). XDP_TX on tc is a redirect (TC_ACT_REDIRECT, 7).
// REQUIRES: root
// RUN: %p4wb unload lit_emit_tc || true
// RUN: %p4wb load %S/emit_vxlan.p4 --hook tc-ingress --name lit_emit_tc
// RUN: %p4wb run lit_emit_tc "aaaaaaaaaaaa bbbbbbbbbbbb 0800 45000020000100004011 0000 0a000001 0a000002 04d2 12b5 0018 0000 08000000 00002a00 cccccccccccc dddddddddddd 0800 45000014000000004006 0000 0a000001 0a000002" > %t.decap
// RUN: %p4wb run lit_emit_tc "aaaaaaaaaaaa bbbbbbbbbbbb 0800 45000020000100004006 0000 0a000001 0a000002 dead" > %t.encap
// RUN: %p4wb unload lit_emit_tc
// RUN: FileCheck %s --check-prefix=DECAP < %t.decap
// RUN: FileCheck %s --check-prefix=ENCAP < %t.encap

// DECAP: output:
// DECAP-NEXT: cc cc cc cc cc cc dd dd dd dd dd dd 08 00 45 00
// DECAP-NEXT: 00 14 00 00 00 00 40 06 00 00 0a 00 00 01 0a 00
// DECAP-NEXT: 00 02
// ENCAP: output:
// ENCAP-NEXT: 02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00
// ENCAP-NEXT: 00 52 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00
// ENCAP-NEXT: 00 02 04 d2 12 b5 00 3e 00 00 08 00 00 00 00 00
// ENCAP-NEXT: 2a 00 aa aa aa aa aa aa bb bb bb bb bb bb 08 00
