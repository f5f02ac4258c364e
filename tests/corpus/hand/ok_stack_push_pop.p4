// push_front / pop_front and .size on a header stack
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() {
  h_t[3] s;
  apply {
    s.push_front(1);
    s.pop_front(2);
    bit<32> n = s.size;
    s[0].setValid();
  }
}
Test(Impl()) main;
