// __LINE__ folds into constants like any literal: a static_assert can check it
#include "harness.p4"
const bit<32> WHERE = __LINE__;
const bool _at_where = static_assert(WHERE == 4, "not line 4"); // expected-error {{static assertion failed: not line 4}}
control Impl() { apply { } }
Test(Impl()) main;
