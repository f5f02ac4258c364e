// a constant passed to an out parameter
#include "harness.p4"
action set(out bit<8> o) { o = 1; }
control Impl() { apply { set(8w3); } }  // expected-error {{argument for 'out' parameter 'o' must be assignable}}
Test(Impl()) main;
