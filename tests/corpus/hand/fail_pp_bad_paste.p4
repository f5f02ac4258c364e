// pasting two tokens that do not form one token is an error
#include "harness.p4"
#define GLUE(a, b) a ## b
// expected-error@+1 {{pasting '+' and '-' does not give a valid token}}
const bit<8> x = 1 GLUE(+, -) 2;
control Impl() { apply { } }
Test(Impl()) main;
