// type arguments inferred through tuples, lists, stacks and generic structs
#include "harness.p4"
struct pair_t<T> { T first; T second; }
header h_t { bit<8> v; }
extern T first_of<T>(in tuple<T, T> t);
extern T sum_of<T>(in list<T> l);
extern T pick<T>(in pair_t<T> p);
extern void scan<H>(in H[4] stack, out H top);
control Impl() {
  h_t[4] stack;
  h_t top;
  apply {
    bit<8> a = first_of({8w1, 8w2});
    bit<16> b = sum_of({16w1, 16w2});
    pair_t<bit<32>> p = { first = 1, second = 2 };
    bit<32> c = pick(p);
    scan(stack, top);
  }
}
Test(Impl()) main;
