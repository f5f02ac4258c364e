// two parser states with the same name
#include <core.p4>
struct hs_t { bit<8> a; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start { transition accept; }
  state start { transition reject; }  // expected-error {{redefinition of 'start'}}
}
Pk(Impl()) main;
