// a sub-parser called from a state
#include <core.p4>
header h_t { bit<8> v; }
struct hs_t { h_t a; h_t b; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Sub(packet_in p, out h_t h) { state start { p.extract(h); transition accept; } }
parser Impl(packet_in p, out hs_t hs) {
  Sub() sub;
  state start { sub.apply(p, hs.a); transition accept; }
}
Pk(Impl()) main;
