// parser-level local variables and constants used in states
#include <core.p4>
header h_t { bit<8> a; }
struct hs_t { h_t h; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  bit<8> count = 0;
  const bit<8> LIMIT = 3;
  state start {
    p.extract(hs.h);
    count = count + 1;
    transition select(count) { LIMIT: accept; default: start; }
  }
}
Pk(Impl()) main;
