// extract of a header with a varbit field takes a length
#include <core.p4>
header opt_t { varbit<320> data; }
header len_t { bit<8> n; }
struct hs_t { len_t l; opt_t o; }
parser P(packet_in p, out hs_t hs);
package Pk(P p);
parser Impl(packet_in p, out hs_t hs) {
  state start {
    p.extract(hs.l);
    p.extract(hs.o, (bit<32>)hs.l.n * 8);
    transition accept;
  }
}
Pk(Impl()) main;
