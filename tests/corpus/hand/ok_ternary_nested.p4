// nested ?: with comparisons and int literals
#include "harness.p4"
control Impl() { apply { bit<8> a = 5; bit<8> c = a > 3 ? (a > 4 ? 8w2 : 8w1) : 8w0; } }
Test(Impl()) main;
