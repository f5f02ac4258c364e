// select on a serializable enum field
#include <core.p4>
enum bit<8> Kind { A = 1, B = 2 }
header h_t { Kind k; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.k) { Kind.A: accept; default: reject; }
  }
}
Pk(Impl()) main;
