// labels with different values in different spellings are fine
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 1;
    switch (x) {
      1: {}
      8w2: {}
      0x3: {}
      0b100: {}
      default: {}
    }
  }
}
Test(Impl()) main;
