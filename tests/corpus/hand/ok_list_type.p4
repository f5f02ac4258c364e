// list<T>: typed compile-time lists, list expressions and iteration over them
#include "harness.p4"
extern Table8 {
  Table8(list<bit<8>> values);
  bit<8> lookup(in bit<8> i);
}
const list<bit<8>> PRIMES = {2, 3, 5, 7};
control Impl() {
  Table8({1, 2, 3}) t8;
  apply {
    bit<8> sum = 0;
    for (bit<8> p in PRIMES) { sum = sum + p; }
    for (bit<8> q in {8w1, 8w2}) { sum = sum |+| q; }
    sum = t8.lookup(sum);
  }
}
Test(Impl()) main;
