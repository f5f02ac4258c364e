// arbitrary-precision int constants fold and take a width on assignment
#include "harness.p4"
const int BIG = 1 << 40;
control Impl() { apply { bit<64> v = BIG; const int x = 5; } }
Test(Impl()) main;
