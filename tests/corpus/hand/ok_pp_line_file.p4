// #line N "file" renames the file and renumbers the following lines
#include "harness.p4"
#line 200 "generated_from.p4"
const bit<8> LATER = 1;
#line 10
control Impl() { apply { } }
Test(Impl()) main;
