// an explicit cast converts between a `type` and its base type both ways
#include "harness.p4"
type bit<9> Port_t;
control Impl() {
  apply {
    bit<9> raw = 3;
    Port_t p = (Port_t)raw;
    Port_t q = 5;
    Port_t r = p;
    bit<9> back = (bit<9>)r;
    if (p == q) { raw = back; }
  }
}
Test(Impl()) main;
