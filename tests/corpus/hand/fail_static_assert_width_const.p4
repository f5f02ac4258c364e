// a failing static_assert on a width constant
#include "harness.p4"
const bit<32> W = 8;
const bool ok = static_assert(W == 16, "W must be 16");  // expected-error {{static assertion failed: W must be 16}}
control Impl() { apply {} }
Test(Impl()) main;
