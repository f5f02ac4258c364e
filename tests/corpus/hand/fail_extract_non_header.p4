// extracting into a bit<8> variable instead of a header
#include <core.p4>
struct hs_t { bit<8> a; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start { p.extract(hs.a); transition accept; }  // expected-error {{extract expects a header, found bit<8>}}
}
Pk(Impl()) main;
