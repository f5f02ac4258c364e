// serializable enums cast to and from their underlying type
#include "harness.p4"
enum bit<8> color_t { RED = 1, GREEN = 2 }
enum plain_t { A, B }
control Impl() {
  apply {
    color_t c = color_t.RED;
    bit<8> v = (bit<8>)c;
    color_t d = (color_t)v;
    plain_t p = plain_t.B;
    bool same = p == plain_t.A;
  }
}
Test(Impl()) main;
