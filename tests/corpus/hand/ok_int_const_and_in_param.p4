// int constants, int compile-time arguments and their use as widths are fine
#include "harness.p4"
const int W = 8;
const int BIG = 1 << 70;
extern void takes_int(in int v);
control Impl() {
  apply {
    bit<W> b = (bit<W>)(BIG >> 70);
    takes_int(W + 1);
    b = b + 1;
  }
}
Test(Impl()) main;
