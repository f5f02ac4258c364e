// Golden test of --dump-types: the sema type of every declaration of the main file.
// Update with tests/lit/update_goldens.py (review the diff).
// RUN: cd %S && %p4wb check --dump-types dump_types.p4 > %t.out
// RUN: diff %S/Inputs/dump_types.expected %t.out
// GOLDEN: --dump-types
#include <core.p4>
typedef bit<48> mac_t;
type bit<9> Port;
header eth_t { mac_t dst; mac_t src; bit<16> type; }
struct hdrs_t { eth_t eth; eth_t[2] stack; }
enum bit<8> Kind { A = 1, B = 2 }
const list<bit<8>> L = {1, 2};
extern Counter<T> { Counter(bit<32> n); void count(in T i); }
control Check();
package Test(Check c);
control Impl() {
  Counter<bit<8>>(4) ctr;
  action hit(Port p) { }
  table t { actions = { hit; } }
  apply { t.apply(); }
}
Test(Impl()) main;
