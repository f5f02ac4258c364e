/* ebpf_model.p4 -- the ebpfFilter architecture: a parser and a filter control that
 * decides whether a packet is accepted. Also declares the eBPF table implementations
 * and the counter array extern. Declarations follow p4c's ebpf_model.p4 so programs
 * written for p4c compile unchanged; the wording here is our own.
 */
#ifndef _EBPF_MODEL_P4_
#define _EBPF_MODEL_P4_

#include <core.p4>
#include <p4wb_externs.p4>  /* p4wb extensions: Register, FlowTable, p4wb_hash */

/* An array of 32-bit packet counters visible to the control plane as one BPF map
 * (an array, or a hash map when sparse). The data plane can only increment them. */
extern CounterArray {
    // max_index: largest index used; sparse: expect few of the indices to be used.
    CounterArray(bit<32> max_index, bool sparse);
    // Adds one to the counter at index.
    void increment(in bit<32> index);
    // Adds value to the counter at index.
    void add(in bit<32> index, in bit<32> value);
}

/* Table implementation backed by a BPF array map (LPM tables still use an LPM trie;
 * then only the size is taken from here). */
extern array_table {
    array_table(bit<32> size);  // size: maximum number of entries
}

/* Table implementation backed by a BPF hash map. */
extern hash_table {
    hash_table(bit<32> size);   // size: maximum number of entries
}

/* The two blocks of the filter and the package that ties them together. */
parser parse<H>(packet_in packet, out H headers);
control filter<H>(inout H headers, out bool accept);

package ebpfFilter<H>(parse<H> prs,
                      filter<H> filt);

#endif  /* _EBPF_MODEL_P4_ */
