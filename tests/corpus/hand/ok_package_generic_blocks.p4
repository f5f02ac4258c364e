// a user-defined architecture with generic block types: parameters bind H and M
#include <core.p4>
parser Prs<H, M>(packet_in p, out H hdr, inout M meta);
control Ctl<H, M>(inout H hdr, inout M meta);
package Pipe<H, M>(Prs<H, M> p, Ctl<H, M> c);
header h_t { bit<8> f; }
struct m_t { bit<4> n; }
parser MyP(packet_in p, out h_t hdr, inout m_t meta) {
  state start { p.extract(hdr); transition accept; }
}
control MyC(inout h_t hdr, inout m_t meta) { apply { meta.n = 1; } }
Pipe(MyP(), MyC()) main;
