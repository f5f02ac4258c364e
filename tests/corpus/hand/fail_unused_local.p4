// locals that are never used are warned about ([-Wunused-variable]); '_' names are not
#include "harness.p4"
control Impl() {
  bit<8> spare; // expected-warning {{variable 'spare' is declared but never used}}
  bit<8> used;
  apply {
    const bit<8> K = 3; // expected-warning {{constant 'K' is declared but never used}}
    bit<8> _scratch;
    used = 1;
    bool b = 8w1; // expected-error {{cannot convert bit<8> to bool}}
  }
}
Test(Impl()) main;
