// a control passed to a package must have the parameters of the control type it fills
#include <core.p4>
control Ctl(inout bit<8> x);
package Pkg(Ctl c);
control MyC(inout bit<16> x) { apply { } } // expected-error {{parameter 'x' of 'MyC' is inout bit<16>, but 'Ctl' expects inout bit<8>}}
Pkg(MyC()) main;
