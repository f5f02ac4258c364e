// a select case naming a parser state that does not exist
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.h);
    transition select(hs.h.a) { 1: nowhere; default: accept; }  // expected-error {{no parser state named 'nowhere'}}
  }
}
Pk(Impl()) main;
