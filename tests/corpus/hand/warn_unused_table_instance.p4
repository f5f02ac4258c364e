// a table never applied and a local instance never used ([-Wunused-table],
// [-Wunused-instance]); instances used by a table property count as used
#include "harness.p4"
extern Counter { Counter(bit<32> n); void count(in bit<32> i); }
extern Profile { Profile(bit<32> n); }
control Impl() {
  bit<8> k = 0;
  Counter(4) used;
  Counter(4) idle; // expected-warning {{instance 'idle' is never used}}
  Profile(8) prof;
  action a() { used.count(0); }
  table applied {
    key = { k : exact; }
    actions = { a; }
    implementation = prof;
  }
  table forgotten { // expected-warning {{table 'forgotten' is never applied}}
    key = { k : exact; }
    actions = { a; }
  }
  apply { applied.apply(); }
}
Test(Impl()) main;
