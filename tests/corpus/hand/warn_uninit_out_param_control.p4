// an out parameter not assigned on every path when the control ends
#include <core.p4>
control Calc(in bool c, out bit<8> v, out bit<8> w);
package Pkg(Calc calc);
control Impl(in bool c, out bit<8> v, out bit<8> w) { // expected-warning {{out parameter 'v' may be uninitialized when 'Impl' terminates}}
  apply {
    if (c) { v = 1; }
    w = 2;
  }
}
Pkg(Impl()) main;
