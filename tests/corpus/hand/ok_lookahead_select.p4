// selecting on lookahead before extracting
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    transition select(p.lookahead<bit<8>>()) { 1: take; default: accept; }
  }
  state take { p.extract(hs.h); transition accept; }
}
Pk(Impl()) main;
