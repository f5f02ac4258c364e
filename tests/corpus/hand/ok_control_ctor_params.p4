// a control with constructor parameters
#include "harness.p4"
control Inner(inout bit<8> v)(bit<8> step) { apply { v = v + step; } }
control Impl() { Inner(8w2) i; apply { bit<8> x = 0; i.apply(x); } }
Test(Impl()) main;
