// a generic struct instantiated with a concrete type argument
#include "harness.p4"
struct pair_t<T> { T first; T second; }
control Impl() {
  apply {
    pair_t<bit<8>> p = { first = 1, second = 2 };
    bit<8> s = p.first + p.second;
  }
}
Test(Impl()) main;
