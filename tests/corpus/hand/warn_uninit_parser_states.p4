// parser states: a local assigned on one path into a state only
#include <core.p4>
header h_t { bit<8> f; }
parser Prs(packet_in pkt, out h_t h);
package Pkg(Prs p);
parser Impl(packet_in pkt, out h_t h) {
  bool seen;
  bit<8> tag;
  state start {
    pkt.extract(h);
    tag = h.f;
    transition select(h.f) {
      1: one;
      default: two;
    }
  }
  state one {
    seen = true;
    transition join;
  }
  state two {
    transition join;
  }
  state join {
    bit<8> t = tag; // both paths assigned tag in start
    seen = !seen; // expected-warning {{'seen' may be uninitialized}}
    transition select(t) {
      0: reject;
      default: accept;
    }
  }
}
Pkg(Impl()) main;
