// a select case of the wrong type
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.a) { true: accept; default: reject; }  // expected-error {{cannot convert bool to bit<8>}}
  }
}
Pk(Impl()) main;
