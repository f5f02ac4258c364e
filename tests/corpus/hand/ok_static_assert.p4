// static_assert on compile-time constants
#include "harness.p4"
const bit<8> K = 4;
const bool ok1 = static_assert(K == 4);
const bool ok2 = static_assert(K + 1 == 5, "K + 1 is 5");
control Impl() { apply {} }
Test(Impl()) main;
