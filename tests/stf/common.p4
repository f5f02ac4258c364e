/* common.p4: what every STF program of tests/stf shares: the core library, both
 * eBPF architectures (xdp_model.p4 includes ebpf_model.p4) and an Ethernet header.
 * Test packets start with 00000000000d 00000000000e TTTT (dst, src, type). */
#ifndef STF_COMMON_P4
#define STF_COMMON_P4
#include <core.p4>
#include <xdp_model.p4>

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}
#endif
