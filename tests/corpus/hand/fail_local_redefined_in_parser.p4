// the same local declared twice in a parser state
#include <core.p4>
struct hs_t { bit<8> a; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start { bit<8> v = 1; bit<8> v = 2; transition accept; }  // expected-error {{redefinition of 'v'}}
}
Pk(Impl()) main;
