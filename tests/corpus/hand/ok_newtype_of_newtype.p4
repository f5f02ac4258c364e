// a `type` of a `type`: casts go one step at a time
#include "harness.p4"
type bit<9> Port;
type Port EgressPort;
control Impl() {
  apply {
    Port p = (Port)9w3;
    EgressPort e = (EgressPort)p;
    Port back = (Port)e;
    bit<9> raw = (bit<9>)back;
    if (raw == 3) { e = (EgressPort)(Port)9w4; }
  }
}
Test(Impl()) main;
