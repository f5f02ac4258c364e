// switch on a bit<8> value with fall-through labels and default
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 3;
    bit<8> y = 0;
    switch (x) {
      1:
      2: { y = 1; }
      3: { y = 2; }
      default: { y = 3; }
    }
  }
}
Test(Impl()) main;
