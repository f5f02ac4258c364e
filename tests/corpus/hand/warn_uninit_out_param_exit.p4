// `exit` ends the control too: the out parameter must be assigned before it
#include <core.p4>
control Calc(in bool c, out bit<8> v, out bit<8> w);
package Pkg(Calc calc);
control Impl(in bool c, out bit<8> v, out bit<8> w) { // expected-warning {{out parameter 'v' may be uninitialized when 'Impl' terminates}}
  apply {
    w = 0;
    if (c) { exit; }
    v = 1;
  }
}
Pkg(Impl()) main;
