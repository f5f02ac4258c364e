// an extern method writing an out argument
#include "harness.p4"
extern Counter {
  Counter();
  void take(out bit<32> v);
}
control Impl() {
  Counter() c;
  apply { bit<32> v; c.take(v); }
}
Test(Impl()) main;
