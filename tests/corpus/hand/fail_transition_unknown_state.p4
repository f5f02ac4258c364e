// a transition to an undeclared state
#include "harness.p4"
parser Pp(packet_in p) { state start { transition nowhere; } }  // expected-error {{no parser state named 'nowhere'}}
control Impl() { apply {} }
Test(Impl()) main;
