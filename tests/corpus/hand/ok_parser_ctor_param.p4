// a parser with a constructor parameter used in a select
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs)(bit<8> magic) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.a) { magic: accept; default: reject; }
  }
}
Pk(Impl(8w7)) main;
