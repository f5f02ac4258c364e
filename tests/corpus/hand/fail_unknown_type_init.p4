// an unknown type with an initializer is reported as an unknown type
#include "harness.p4"
control Impl() {
  apply {
    // expected-error@+1 {{unknown type name 'port_t'}}
    port_t p = 1;
  }
}
Test(Impl()) main;
