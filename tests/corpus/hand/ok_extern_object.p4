// an extern object with a constructor, overloads and a generic method
#include "harness.p4"
extern Thing {
  Thing(bit<32> size);
  void put(in bit<8> v);
  void put(in bit<8> v, in bit<8> w);
  T get<T>();
}
extern void log_value<T>(in T v);
control Impl() {
  Thing(32w16) th;
  apply {
    th.put(1);
    th.put(1, 2);
    bit<8> x = th.get<bit<8>>();
    log_value(x);
  }
}
Test(Impl()) main;
