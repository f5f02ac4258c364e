// #pragma lines pass through the preprocessor
#include "harness.p4"
#pragma my_tool option 1
control Impl() { apply {} }
Test(Impl()) main;
