// nested structs with headers and member access chains
#include "harness.p4"
header h_t { bit<8> v; }
struct inner_t { h_t h; bit<4> n; }
struct outer_t { inner_t i; bool f; }
control Impl() { outer_t o; apply { o.i.h.setValid(); o.i.h.v = 1; o.i.n = 4w3; o.f = true; } }
Test(Impl()) main;
