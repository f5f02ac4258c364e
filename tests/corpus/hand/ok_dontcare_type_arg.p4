// `_` as a don't-care type argument lets the compiler infer it
#include "harness.p4"
extern void show<T>(in T v);
control Impl() { apply { bit<8> v = 1; show<_>(v); } }
Test(Impl()) main;
