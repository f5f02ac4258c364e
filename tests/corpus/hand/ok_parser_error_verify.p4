// verify with a user-declared error in a parser
#include <core.p4>
error { BadMagic }
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    verify(hs.h.a == 1, error.BadMagic);
    transition accept;
  }
}
Pk(Impl()) main;
