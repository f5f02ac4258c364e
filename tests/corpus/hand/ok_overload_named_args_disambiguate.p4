// named arguments choose between overloads of the same arity
#include "harness.p4"
extern void cfg(in bit<8> speed);
extern void cfg(in bit<16> mtu);
control Impl() {
  apply {
    cfg(speed = 1);
    cfg(mtu = 1500);
  }
}
Test(Impl()) main;
