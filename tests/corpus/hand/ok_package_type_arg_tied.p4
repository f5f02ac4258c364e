// blocks that agree on the package's type variable (and a concrete type argument)
#include <core.p4>
header a_t { bit<8> x; }
struct m_t { bit<8> v; }
parser Prs<H, M>(packet_in p, out H h, inout M m);
control Ctl<H, M>(inout H h, inout M m);
package Pkg<H>(Prs<H, m_t> p, Ctl<H, m_t> c);
parser MyPrs(packet_in p, out a_t h, inout m_t m) { state start { p.extract(h); transition accept; } }
control MyCtl(inout a_t h, inout m_t m) { apply { m.v = h.x; } }
Pkg(MyPrs(), MyCtl()) main;
