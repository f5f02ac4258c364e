// a loop body may not run; a switch without default may run no case
#include "harness.p4"
control Impl() {
  apply {
    bit<8> n = 3;
    bit<8> inLoop;
    for (bit<8> i = 0; i < n; i = i + 1) { inLoop = i; }
    n = inLoop; // expected-warning {{'inLoop' may be uninitialized}}
    bit<8> all;
    bit<8> some;
    switch (n) {
      1: { all = 1; some = 1; }
      2: { all = 2; some = 2; }
      default: { all = 3; }
    }
    bit<8> s;
    switch (n) {
      1: { s = 1; }
    }
    n = all + s; // expected-warning {{'s' may be uninitialized}}
    n = n + some; // expected-warning {{'some' may be uninitialized}}
  }
}
Test(Impl()) main;
