// a chain of states with direct transitions
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; h_t g; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start { p.extract(hs.h); transition second; }
  state second { p.extract(hs.g); transition accept; }
}
Pk(Impl()) main;
