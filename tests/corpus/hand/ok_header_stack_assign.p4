// assignment to header stack elements and their fields with a variable index
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() {
  h_t[3] s;
  apply { bit<32> i = 1; s[i].setValid(); s[i].v = 7; s[0] = s[i]; }
}
Test(Impl()) main;
