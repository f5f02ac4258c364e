// constant folding: widths from constant expressions
#include "harness.p4"
const int W = 4 * 2;
typedef bit<W> byte_t;
const bit<16> M = (16w1 << 4) | 16w0xF;
control Impl() { apply { byte_t b = 8w255; bit<16> m = M; } }
Test(Impl()) main;
