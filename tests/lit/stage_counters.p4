// Stage counters: one PERCPU_ARRAY entry whose value is u64[N] (one element per stage id),
// looked up once at program entry; every stage is then a plain add at a constant offset.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o -O 0 --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t2.o --emit-asm %t.s
// RUN: FileCheck %s --check-prefix=ASM < %t.s

// The single lookup of entry 0, before the parser runs; a NULL answer returns XDP_ABORTED.
// IR: define {{.*}} @p4wb_xdp(
// IR: store i32 0, ptr %zero_key
// IR: %[[SLOTS:[0-9]+]] = call align 8 ptr inttoptr (i64 1 to ptr)(ptr @p4wb_stages, ptr %zero_key)
// IR-NEXT: %[[NULL:[0-9]+]] = icmp eq ptr %[[SLOTS]], null
// IR-NEXT: br i1 %[[NULL]], label %stage.nomap, label %stage.ok
// IR: stage.nomap:
// IR-NEXT: ret i32 0
// IR-NOT: @p4wb_stages, ptr
// IR: state.start:
// IR-NEXT: %[[S0:[0-9]+]] = getelementptr inbounds i64, ptr %[[SLOTS]], i64 0
// IR-NEXT: %[[C0:[0-9]+]] = load i64, ptr %[[S0]], align 8
// IR-NEXT: %[[N0:[0-9]+]] = add i64 %[[C0]], 1
// IR-NEXT: store i64 %[[N0]], ptr %[[S0]], align 8
// IR-NOT: @p4wb_stages, ptr
// IR: getelementptr inbounds i64, ptr %[[SLOTS]], i64 15
// IR-NOT: @p4wb_stages, ptr
// IR: ret i32
// BTF value type: u64[16] (16 stages * 64 bits, prs.reject.PacketTooShort among them); the map holds one entry.
// IR-DAG: !DICompositeType(tag: DW_TAG_array_type, baseType: !{{[0-9]+}}, size: 1024, align: 64

// SCHEMA: "stage_counters": {
// SCHEMA-NEXT: "map": "p4wb_stages",
// SCHEMA-NEXT: "count": 16,
// SCHEMA-NEXT: "layout": "array_value",
// SCHEMA-NEXT: "key_size": 4,
// SCHEMA-NEXT: "value_size": 128,
// SCHEMA-NEXT: "max_entries": 1
// SCHEMA-NEXT: },

// Optimised: exactly one helper call on the counter map in the whole program.
// ASM: p4wb_xdp:
// ASM: ; p4wb_stages
// ASM-NEXT: call 1
// ASM-NOT: ; p4wb_stages
// ASM: exit
