// actions with directed and directionless parameters called directly
#include "harness.p4"
control Impl() {
  bit<8> r = 0;
  action set(out bit<8> o, bit<8> v) { o = v; }
  action incr(inout bit<8> x) { x = x + 1; }
  apply {
    set(r, 5);
    incr(r);
  }
}
Test(Impl()) main;
