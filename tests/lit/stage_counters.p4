// Stage counters: one PERCPU_ARRAY entry whose value is u64[N], looked up once at program
// entry. By default (--stage-counters=edges) the program counts only the chords of a
// maximum spanning tree that some stage needs (edges and marked blocks) and the schema
// gives each stage its count as a signed sum of slots; --stage-counters=all adds 1 to slot `id`
// wherever a packet enters stage `id`, and the schema has no formulas.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o -O 0 --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t2.o --emit-asm %t.s
// RUN: FileCheck %s --check-prefix=ASM < %t.s
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t3.o -O 0 --stage-counters=all --emit-llvm %t3.ll --emit-schema %t3.json
// RUN: FileCheck %s --check-prefix=ALL < %t3.ll
// RUN: FileCheck %s --check-prefix=ALLSCHEMA < %t3.json

// The single lookup of entry 0, before the parser runs; a NULL answer returns XDP_ABORTED.
// IR: define {{.*}} @p4wb_xdp(
// IR: store i32 0, ptr %zero_key
// IR: %[[SLOTS:[0-9]+]] = call align 8 ptr inttoptr (i64 1 to ptr)(ptr @p4wb_stages, ptr %zero_key)
// IR-NEXT: %[[NULL:[0-9]+]] = icmp eq ptr %[[SLOTS]], null
// IR-NEXT: br i1 %[[NULL]], label %common.ret, label %stage.ok
// IR: common.ret:
// IR: [ 0, %entry ]
// IR-NOT: @p4wb_stages, ptr
// IR-NOT: p4wb.stage
// A counter on a rarely taken edge (a failed bounds check), in a block of its own.
// IR: stage.edge:
// IR-NEXT: %[[S0:[0-9]+]] = getelementptr inbounds i64, ptr %[[SLOTS]], i64 {{[0-9]+}}
// IR-NEXT: %[[C0:[0-9]+]] = load i64, ptr %[[S0]], align 8
// IR-NEXT: %[[N0:[0-9]+]] = add i64 %[[C0]], 1
// IR-NEXT: store i64 %[[N0]], ptr %[[S0]], align 8
// IR-NOT: @p4wb_stages, ptr
// IR-NOT: p4wb.stage
// BTF value type: u64[9] (9 counters for the 16 stages); the map holds one entry.
// IR-DAG: !DICompositeType(tag: DW_TAG_array_type, baseType: !{{[0-9]+}}, size: 576, align: 64

// SCHEMA: "stage_counters": {
// SCHEMA-NEXT: "map": "p4wb_stages",
// SCHEMA-NEXT: "count": 9,
// SCHEMA-NEXT: "layout": "array_value",
// SCHEMA-NEXT: "key_size": 4,
// SCHEMA-NEXT: "value_size": 72,
// SCHEMA-NEXT: "max_entries": 1,
// SCHEMA-NEXT: "placement": "edges"
// SCHEMA-NEXT: },
// Every stage has a formula: a table hit is a signed sum, a verdict no packet can reach
// has no terms, XDP_TX is one counter.
// SCHEMA: "kind": "table_hit",
// SCHEMA: "count": [
// SCHEMA: -1
// SCHEMA: "name": "XDP_ABORTED",
// SCHEMA: "count": []
// SCHEMA: "name": "XDP_TX",
// SCHEMA: "count": [
// SCHEMA-NEXT: [
// SCHEMA-NEXT: {{[0-9]+}},
// SCHEMA-NEXT: 1
// SCHEMA-NEXT: ]
// SCHEMA-NEXT: ]

// Optimised: exactly one helper call on the counter map in the whole program.
// ASM: p4wb_xdp:
// ASM: ; p4wb_stages
// ASM-NEXT: call 1
// ASM-NOT: ; p4wb_stages
// ASM: exit

// ALL: %[[SLOTS:[0-9]+]] = call align 8 ptr inttoptr (i64 1 to ptr)(ptr @p4wb_stages, ptr %zero_key)
// ALL-NEXT: %[[NULL:[0-9]+]] = icmp eq ptr %[[SLOTS]], null
// ALL-NEXT: br i1 %[[NULL]], label %stage.nomap, label %stage.ok
// ALL: stage.nomap:
// ALL-NEXT: ret i32 0
// ALL: state.start:
// ALL-NEXT: %[[S0:[0-9]+]] = getelementptr inbounds i64, ptr %[[SLOTS]], i64 0
// ALL-NEXT: %[[C0:[0-9]+]] = load i64, ptr %[[S0]], align 8
// ALL-NEXT: %[[N0:[0-9]+]] = add i64 %[[C0]], 1
// ALL-NEXT: store i64 %[[N0]], ptr %[[S0]], align 8
// ALL: getelementptr inbounds i64, ptr %[[SLOTS]], i64 15
// BTF value type: u64[16] (16 stages * 64 bits, prs.reject.PacketTooShort among them).
// ALL-DAG: !DICompositeType(tag: DW_TAG_array_type, baseType: !{{[0-9]+}}, size: 1024, align: 64

// ALLSCHEMA: "count": 16,
// ALLSCHEMA: "value_size": 128,
// ALLSCHEMA: "placement": "stages"
// ALLSCHEMA-NOT: "count"

