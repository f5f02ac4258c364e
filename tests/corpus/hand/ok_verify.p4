// verify() in a parser with an error code
#include <core.p4>
header h_t { bit<8> v; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start { p.extract(hs.h); verify(hs.h.v != 0, error.PacketTooShort); transition accept; }
}
Pk(Impl()) main;
