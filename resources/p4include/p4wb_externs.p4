/* p4wb_externs.p4 -- P4 Workbench extensions for the xdp and ebpfFilter architectures:
 * data-plane state and a hash. p4c does not know these; a program that uses them
 * compiles with p4wb only. Included by ebpf_model.p4 (and so by xdp_model.p4).
 *
 * Every map these externs create is named <control>_<instance> and laid out like a table
 * key (docs/schema.md): the bit fields of a type, flattened in declaration order, each in
 * ceil(N/8) bytes, packed, network byte order, value in the low-order bits. Allowed
 * types: bit<N>, int<N>, bool (1 byte), serializable enums, and structs of those.
 */
#ifndef _P4WB_EXTERNS_P4_
#define _P4WB_EXTERNS_P4_

/* An array of `size` values of type T (at most 64 bytes) that the data plane and the
 * control plane both read and write: a BPF ARRAY map, key u32 index (host order), all
 * slots zero at load. An index >= size reads as 0 and writes nothing. I is bit<N>,
 * N <= 32. Shape as PSA's Register. */
extern Register<T, I> {
    Register(bit<32> size);
    T read(in I index);
    void write(in I index, in T value);
}

/* Per-flow state the data plane creates: a BPF LRU_HASH map of at most `size` entries
 * (the least recently used entry makes room when full), key K, value V (each at most
 * 64 bytes). lookup returns false and sets value to 0 when the key is absent. */
extern FlowTable<K, V> {
    FlowTable(bit<32> size);
    bool lookup(in K key, out V value);
    void update(in K key, in V value);  // insert or replace
    void remove(in K key);              // no-op when absent
}

/* 32-bit FNV-1a over the bytes of `data` laid out as above (fields in declaration order,
 * each ceil(N/8) bytes, network byte order): h = 0x811c9dc5; for each byte
 * { h ^= byte; h *= 0x01000193; } (mod 2^32). The result is truncated to O's width (or
 * zero-extended when O is wider). D: a bit<N>, a struct or a list { a, b, ... }.
 * P4 takes all type arguments or none, so call it as p4wb_hash<bit<32>, _>(data). */
extern O p4wb_hash<O, D>(in D data);

#endif  /* _P4WB_EXTERNS_P4_ */
