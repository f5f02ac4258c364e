// list elements must convert to the list's element type
#include "harness.p4"
// expected-error@+1 {{cannot convert bool to bit<8>}}
const list<bit<8>> L = {1, true};
control Impl() { apply { } }
Test(Impl()) main;
