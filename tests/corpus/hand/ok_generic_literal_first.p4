// an unsized literal before the argument that fixes T takes T's width
#include "harness.p4"
extern void same<T>(in T a, in T b);
extern T pick<T>(in T a, in T b);
control Impl() {
  apply {
    same(1, 8w2);
    same(8w1, 2);
    bit<16> w = pick(3, 16w4);
    w = pick(w, 1) + 1;
  }
}
Test(Impl()) main;
