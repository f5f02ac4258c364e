// list takes exactly one type argument
#include "harness.p4"
// expected-error@+1 {{'list' expects 1 type argument(s), given 2}}
const list<bit<8>, bit<4>> L = {1, 2};
control Impl() { apply { } }
Test(Impl()) main;
