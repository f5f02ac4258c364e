// packet_out.emit of headers in a deparser control
#include <core.p4>
header h_t { bit<8> v; }
struct hs_t { h_t a; h_t b; }
control D(packet_out p, in hs_t hs);
package Pk(D d);
control Impl(packet_out p, in hs_t hs) { apply { p.emit(hs.a); p.emit(hs.b); } }
Pk(Impl()) main;
