// a type variable of the block type must stand for one type in all its parameters
#include <core.p4>
parser Prs<H>(packet_in p, out H a, out H b);
package Pkg<H>(Prs<H> p);
header h1_t { bit<8> f; }
header h2_t { bit<16> g; }
parser MyP(packet_in p, out h1_t a, out h2_t b) { // expected-error {{parameter 'b' of 'MyP' is out header 'h2_t', but 'Prs' expects out header 'h1_t'}}
  state start { transition accept; }
}
Pkg(MyP()) main;
