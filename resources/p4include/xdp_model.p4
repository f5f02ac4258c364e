/* xdp_model.p4 -- the xdp architecture: parser, switch control and deparser run as
 * one program on the XDP hook. The control tells the kernel what to do with the frame
 * through xdp_output. The packet-filter model of ebpf_model.p4 stays available.
 * Declarations follow p4c's xdp_model.p4 so programs written for p4c compile
 * unchanged; the wording here is our own.
 */
#ifndef _XDP_MODEL_P4
#define _XDP_MODEL_P4

#include <core.p4>
#include <ebpf_model.p4>

/* The verdict, in the order of the kernel's enum xdp_action. */
enum xdp_action {
    XDP_ABORTED,  // error: drop and raise the xdp_exception tracepoint
    XDP_DROP,     // drop the frame
    XDP_PASS,     // hand the frame to the Linux network stack
    XDP_TX,       // send the frame back out of the interface it came in on
    XDP_REDIRECT  // send the frame out of another interface
}

/* What the switch control receives about the frame. */
struct xdp_input {
    bit<32> input_port;
}

/* What the switch control decides. */
struct xdp_output {
    xdp_action output_action;
    bit<32> output_port;  // used with XDP_REDIRECT
}

/* IPv4 header checksum over the given header fields. */
extern bit<16> ebpf_ipv4_checksum(in bit<4> version, in bit<4> ihl, in bit<8> diffserv,
                                  in bit<16> totalLen, in bit<16> identification, in bit<3> flags,
                                  in bit<13> fragOffset, in bit<8> ttl, in bit<8> protocol,
                                  in bit<32> srcAddr, in bit<32> dstAddr);

/* Incremental checksum update (RFC 1624) when a 16-bit or 32-bit field changes from
 * old to new. */
extern bit<16> csum_replace2(in bit<16> csum,
                             in bit<16> old,
                             in bit<16> new);
extern bit<16> csum_replace4(in bit<16> csum,
                             in bit<32> old,
                             in bit<32> new);

/* Thin wrappers over BPF helpers. */
extern bit<32> BPF_PERF_EVENT_OUTPUT();
extern bit<32> BPF_KTIME_GET_NS();

/* The three blocks of an xdp program and the package that ties them together. */
parser xdp_parse<H>(packet_in packet, out H headers);
control xdp_switch<H>(inout H headers, in xdp_input imd, out xdp_output omd);
control xdp_deparse<H>(in H headers, packet_out packet);

package xdp<H>(xdp_parse<H> p, xdp_switch<H> s, xdp_deparse<H> d);

#endif  /* _XDP_MODEL_P4 */
