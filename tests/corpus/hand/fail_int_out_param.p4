// an int parameter cannot be out or inout: its value exists only at compile time
#include "harness.p4"
extern void widen(in int v); // fine: in
extern void result(out int v); // expected-error {{out parameter 'v' cannot have type int}}
extern void both(inout int v); // expected-error {{inout parameter 'v' cannot have type int}}
control Impl() { apply { widen(3); } }
Test(Impl()) main;
