// switch on an enum value
#include "harness.p4"
enum e_t { A, B, C }
control Impl() {
  apply {
    e_t e = e_t.B;
    bit<8> r = 0;
    switch (e) { e_t.A: { r = 1; } e_t.B: { r = 2; } default: {} }
  }
}
Test(Impl()) main;
