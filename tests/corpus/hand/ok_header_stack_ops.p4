// header stacks: indexing, next/last/lastIndex/size, push_front/pop_front
#include "harness.p4"
header h_t { bit<8> v; }
struct hs_t { h_t[4] s; }
control Impl() {
  hs_t hs;
  apply {
    hs.s[0].setValid();
    hs.s[0].v = 1;
    bit<32> n = hs.s.size;
    hs.s.push_front(1);
    hs.s.pop_front(2);
    bool b = hs.s[1].isValid();
  }
}
Test(Impl()) main;
