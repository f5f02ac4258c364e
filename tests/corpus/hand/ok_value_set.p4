// a value_set used as a select case
#include <core.p4>
header h_t { bit<16> t; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  value_set<bit<16>>(4) types;
  state start {
    p.extract(hs.h);
    transition select(hs.h.t) { types: accept; default: reject; }
  }
}
Pk(Impl()) main;
