// #line numbers must fit in 32 bits (found by the fuzzer: no overflow, an error)
#include "harness.p4"
// expected-error@+1 {{#line directive requires a positive integer argument}}
#line 4444444444444444444
control Impl() { apply { } }
Test(Impl()) main;
