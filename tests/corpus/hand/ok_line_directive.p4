// #line changes the reported line numbers without breaking checking
#include "harness.p4"
#line 100
control Impl() { apply {} }
Test(Impl()) main;
