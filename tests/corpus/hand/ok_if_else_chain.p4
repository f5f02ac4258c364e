// an if / else if / else chain
#include "harness.p4"
control Impl() {
  apply {
    bit<8> v = 3;
    if (v == 1) { v = 10; } else if (v == 2) { v = 20; } else { v = 30; }
  }
}
Test(Impl()) main;
