// header stack .next/.last/.lastIndex in a parser loop
#include <core.p4>
header h_t { bit<8> v; }
struct hs_t { h_t[4] s; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.s.next);
    transition select(hs.s.last.v) { 0: accept; default: more; }
  }
  state more {
    bit<32> i = hs.s.lastIndex;
    transition start;
  }
}
Pk(Impl()) main;
