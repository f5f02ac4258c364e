// a failing static_assert
#include "harness.p4"
const bool x = static_assert(1 == 2, "one is not two");  // expected-error {{static assertion failed: one is not two}}
control Impl() { apply {} }
Test(Impl()) main;
