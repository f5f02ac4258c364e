// varbit: IPv4 options extracted with a run-time length ((ihl - 5) * 32 bits, at most
// 320), a header with fixed fields before a varbit, minSizeInBits/maxSizeInBits, varbit
// equality and assignment. The control copies the options into a local header and
// compares; the headers stay where they are (no head rebuild), a TTL write goes through.
// ihl < 5 fails `verify`, a length past the packet or over 320 bits rejects (drop).
#include "common.p4"
#include "ipv4.p4"
header opts_t { varbit<320> options; }
header tag_t { bit<8> kind; varbit<24> body; }
header out_t { bit<8> same; bit<8> minBits; bit<16> maxBits; bit<8> tagMax; }
struct H { eth_t eth; ipv4_t ip; opts_t opts; tag_t tag; out_t res; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.ip);
        verify(hdr.ip.ihl >= 5, error.ParserInvalidArgument);
        pk.extract(hdr.opts, (bit<32>)(hdr.ip.ihl - 5) * 32);
        pk.extract(hdr.tag, 16);
        pk.extract(hdr.res);
        transition accept;
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    opts_t copy;
    apply {
        copy = hdr.opts;
        hdr.res.same = copy.options == hdr.opts.options ? 8w1 : 8w0;
        if (hdr.tag.kind == 0xee) { copy.options = hdr.opts.options; hdr.res.same = hdr.res.same + 1; }
        hdr.res.minBits = (bit<8>)hdr.tag.minSizeInBits();
        hdr.res.maxBits = (bit<16>)hdr.opts.maxSizeInBits();
        hdr.res.tagMax = (bit<8>)hdr.tag.maxSizeInBytes();
        hdr.ip.ttl = hdr.ip.ttl - 1;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) {
    apply { pk.emit(hdr.eth); pk.emit(hdr.ip); pk.emit(hdr.opts); pk.emit(hdr.tag); pk.emit(hdr.res); }
}
xdp(P(), C(), D()) main;
