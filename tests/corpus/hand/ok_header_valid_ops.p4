// setValid, setInvalid and isValid on a header
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() { h_t h; apply { h.setValid(); h.setInvalid(); bool b = h.isValid(); } }
Test(Impl()) main;
