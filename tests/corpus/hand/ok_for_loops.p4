// both for-loop forms, break and continue
#include "harness.p4"
control Impl() {
  apply {
    bit<8> s = 0;
    for (bit<8> i = 0; i < 4; i = i + 1) {
      if (i == 2) { continue; }
      s = s + i;
    }
    tuple<bit<8>, bit<8>> t = { 1, 2 };
    for (bit<8> v in t) { s = s + v; if (s > 10) { break; } }
  }
}
Test(Impl()) main;
