// a new type converts to and from its base only with casts
#include "harness.p4"
type bit<9> Port_t;
control Impl() {
  apply {
    Port_t p = (Port_t)9w3;
    bit<9> raw = (bit<9>)p;
  }
}
Test(Impl()) main;
