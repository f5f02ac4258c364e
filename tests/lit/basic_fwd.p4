// The starter example compiles to an XDP program with BTF maps, stage counters, line
// info and the embedded schema.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --emit-llvm %t.ll --emit-asm %t.s --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=ASM < %t.s
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// RUN: %llvm-readelf -S %t.o | FileCheck %s --check-prefix=ELF

// IR-DAG: @p4wb_stages = dso_local global {{.*}} section ".maps"
// IR-DAG: @ingress_ipv4_fwd = dso_local global {{.*}} section ".maps"
// IR-DAG: @ingress_ipv4_fwd_def = dso_local global {{.*}} section ".maps"
// IR-DAG: @_license = dso_local global [4 x i8] c"GPL\00", section "license"
// IR-DAG: @p4wb_schema = dso_local constant {{.*}} section ".p4wb.schema"
// IR: define dso_local {{.*}}i32 @p4wb_xdp(ptr {{.*}}%ctx) {{.*}}section "xdp"
// IR-DAG: !DIFile(filename: "{{.*}}basic_fwd.p4"{{.*}}source:
// IR-DAG: !DICompositeType(tag: DW_TAG_structure_type, name: "ingress_ipv4_fwd_key"
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "dstAddr"
// IR-DAG: !DICompositeType(tag: DW_TAG_structure_type, name: "ingress_ipv4_fwd_value"
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "dmac"

// ASM: Disassembly of section xdp:
// ASM: p4wb_xdp:
// ASM: basic_fwd.p4:{{[0-9]+}}: packet.extract(hdr.ethernet);
// ASM-DAG: ; ingress_ipv4_fwd
// ASM-DAG: exit

// SCHEMA: "arch": "xdp"
// SCHEMA: "stage_counters": {
// SCHEMA-NEXT: "map": "p4wb_stages"
// SCHEMA: "name": "ingress.ipv4_fwd"
// SCHEMA-NEXT: "map": "ingress_ipv4_fwd"
// SCHEMA-NEXT: "map_type": "hash"
// SCHEMA-NEXT: "max_entries": 1024
// SCHEMA-NEXT: "key_size": 4
// SCHEMA-NEXT: "value_size": 16
// SCHEMA: "name": "hdr.ipv4.dstAddr"
// SCHEMA: "format": "ipv4"
// SCHEMA: "name": "ingress.forward"
// SCHEMA-NEXT: "id": 1
// SCHEMA: "name": "dmac"
// SCHEMA: "offset": 4
// SCHEMA: "format": "mac"
// SCHEMA: "name": "smac"
// SCHEMA: "offset": 10
// SCHEMA: "default_map": "ingress_ipv4_fwd_def"
// SCHEMA: "action": "ingress.pass_to_kernel"
// SCHEMA: "kind": "parser_state"
// SCHEMA-NEXT: "name": "prs.start"
// SCHEMA: "kind": "verdict"
// SCHEMA-NEXT: "name": "XDP_ABORTED"
// SCHEMA: "kind": "verdict"
// SCHEMA-NEXT: "name": "XDP_DROP"
// SCHEMA: "name": "XDP_TX"

// ELF-DAG: xdp
// ELF-DAG: .p4wb.schema
// ELF-DAG: .maps
// ELF-DAG: license
// ELF-DAG: .BTF
// ELF-DAG: .BTF.ext
