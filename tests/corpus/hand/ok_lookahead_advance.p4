// lookahead and advance on packet_in
#include <core.p4>
header h_t { bit<8> v; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    bit<8> peek = p.lookahead<bit<8>>();
    p.advance(8);
    transition select(peek) { 0: accept; default: reject; }
  }
}
Pk(Impl()) main;
