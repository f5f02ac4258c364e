// typedef aliases freely; type introduces a new type needing casts
#include "harness.p4"
typedef bit<32> addr_t;
type bit<16> port_t;
control Impl() {
  apply {
    addr_t a = 32w1;
    bit<32> b = a;
    port_t p = (port_t)16w80;
    bit<16> q = (bit<16>)p;
  }
}
Test(Impl()) main;
