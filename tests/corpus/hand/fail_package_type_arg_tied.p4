// the package's type variable H is one type for all its blocks: a parser fixing
// H = a_t and a control fixing H = b_t do not fit the same package
#include <core.p4>
header a_t { bit<8> x; }
header b_t { bit<16> y; }
parser Prs<H>(packet_in p, out H h);
control Ctl<H>(inout H h);
package Pkg<H>(Prs<H> p, Ctl<H> c);
parser MyPrs(packet_in p, out a_t h) { state start { p.extract(h); transition accept; } }
control MyCtl(inout b_t h) { apply { } } // expected-error {{type argument 'H' of package parameter 'c' must be header 'a_t', but 'MyCtl' makes it header 'b_t'}}
Pkg(MyPrs(), MyCtl()) main;
