// using an undeclared name inside a parser state
#include <core.p4>
struct hs_t { bit<8> a; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start { hs.a = nothere; transition accept; }  // expected-error {{use of undeclared identifier 'nothere'}}
}
Pk(Impl()) main;
