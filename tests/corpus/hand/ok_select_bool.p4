// select on a bool expression
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.a == 0) { true: accept; false: reject; }
  }
}
Pk(Impl()) main;
