// bool <-> bit<1> casts
#include "harness.p4"
control Impl() {
  apply {
    bool b = true;
    bit<1> one = (bit<1>)b;
    bool back = (bool)one;
  }
}
Test(Impl()) main;
