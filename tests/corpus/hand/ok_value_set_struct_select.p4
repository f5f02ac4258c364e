// a value_set of a struct type matches a multi-expression select, one field per key
#include <core.p4>
header h_t { bit<8> a; bit<16> b; }
struct keys_t { bit<8> a; bit<16> b; }
struct hdrs_t { h_t h; }
parser Prs(packet_in p, out hdrs_t s);
package Pkg(Prs p);
parser MyP(packet_in p, out hdrs_t s) {
  value_set<keys_t>(4) pairs;
  state start {
    p.extract(s.h);
    transition select(s.h.a, s.h.b) { pairs: accept; default: reject; }
  }
}
Pkg(MyP()) main;
