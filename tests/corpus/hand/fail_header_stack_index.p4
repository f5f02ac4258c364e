// indexing a non-stack
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() { h_t h; apply { h[0].v = 1; } }  // expected-error {{invalid operand to '[]': header 'h_t'}}
Test(Impl()) main;
