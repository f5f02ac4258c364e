// switch on a value with several labels sharing one block and a default
#include "harness.p4"
control Impl() {
  bit<8> x = 0;
  apply {
    switch (x) {
      1:
      2: { x = 3; }
      default: { x = 0; }
    }
  }
}
Test(Impl()) main;
