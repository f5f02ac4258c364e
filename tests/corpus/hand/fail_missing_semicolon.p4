// a missing semicolon is reported and parsing resumes
#include "harness.p4"
control Impl() { apply { bit<8> v = 1  // expected-error {{expected ';' after declaration}}
  bit<8> w = 2; } }
Test(Impl()) main;
