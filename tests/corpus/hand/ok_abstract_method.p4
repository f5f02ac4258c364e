// an abstract extern method implemented in the instantiation
#include "harness.p4"
extern Hook {
  Hook();
  abstract bit<8> compute(in bit<8> x);
  void run();
}
control Impl() {
  Hook() h = { bit<8> compute(in bit<8> x) { return x + 1; } };
  apply { h.run(); }
}
Test(Impl()) main;
