// select with masks, ranges, tuples and don't-care
#include <core.p4>
header h_t { bit<8> a; bit<8> b; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.a, hs.h.b) {
      (8w1 &&& 8w0xF, _): accept;
      (8w10 .. 8w20, 8w3): reject;
      (_, default): accept;
    }
  }
}
Pk(Impl()) main;
