// an extern method that does not exist
#include "harness.p4"
extern E { E(); void go(); }
control Impl() { E() e; apply { e.stop(); } }  // expected-error {{no method 'stop' in extern 'E'}}
Test(Impl()) main;
