// like p4c, `type` applies to bit<N>, int<N>, bool and other `type`s only
#include "harness.p4"
struct s_t { bit<8> f; }
type s_t S2; // expected-error {{'type S2': 'type' can only be applied to bit<N>, int<N>, bool or another 'type', not struct 's_t'}}
type varbit<8> V; // expected-error {{'type V': 'type' can only be applied}}
control Impl() { apply { } }
Test(Impl()) main;
