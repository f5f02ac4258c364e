// a serializable enum used as a header field type
#include "harness.p4"
enum bit<16> EtherType { IPv4 = 0x0800, ARP = 0x0806 }
header eth_t { EtherType t; }
control Impl() {
  eth_t e;
  apply { e.t = EtherType.ARP; }
}
Test(Impl()) main;
