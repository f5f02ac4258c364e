// a concrete type argument in the package parameter must be what the block uses
#include <core.p4>
header a_t { bit<8> x; }
struct m_t { bit<8> v; }
struct other_t { bit<16> w; }
control Ctl<H, M>(inout H h, inout M m);
package Pkg<H>(Ctl<H, m_t> c);
control MyCtl(inout a_t h, inout other_t m) { apply { } } // expected-error {{type argument 'M' of package parameter 'c' must be struct 'm_t', but 'MyCtl' makes it struct 'other_t'}}
Pkg(MyCtl()) main;
