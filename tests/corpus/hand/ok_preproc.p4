// object- and function-like macros, #if with defined() and arithmetic
#include "harness.p4"
#define W 8
#define ADD(a, b) ((a) + (b))
#if defined(W) && W * 2 == 16
const bit<W> K = ADD(1, 2);
#else
#error "W is wrong"
#endif
#undef W
#ifdef W
#error "still defined"
#endif
control Impl() { apply { bit<8> k = K; } }
Test(Impl()) main;
