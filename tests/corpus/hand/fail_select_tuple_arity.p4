// a select case tuple with too many elements
#include <core.p4>
header h_t { bit<8> a; bit<8> b; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.a, hs.h.b) { (1, 2, 3): accept; default: reject; }  // expected-error {{'select' expects 2 arguments, given 3}}
  }
}
Pk(Impl()) main;
