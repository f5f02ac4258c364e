// a variadic macro still needs its named parameters
#include "harness.p4"
#define TWO_PLUS(a, b, ...) (a + b)
// expected-error@+2 {{macro 'TWO_PLUS' expects 3 arguments, given 1}}
// expected-error@+1 {{expected an expression, found ';'}}
const bit<8> X = TWO_PLUS(1);
control Impl() { apply { } }
Test(Impl()) main;
