// a generic extern function whose type argument is inferred
#include "harness.p4"
extern T pick<T>(in bool c, in T a, in T b);
control Impl() {
  apply {
    bit<8> x = pick(true, 8w1, 8w2);
  }
}
Test(Impl()) main;
