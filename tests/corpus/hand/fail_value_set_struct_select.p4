// a struct value_set in select needs one field per key, of the key's type
#include <core.p4>
header h_t { bit<8> a; bit<16> b; }
struct wrong_t { bit<8> a; bit<8> b; }
struct three_t { bit<8> a; bit<16> b; bit<4> c; }
struct hdrs_t { h_t h; }
parser Prs(packet_in p, out hdrs_t s);
package Pkg(Prs p);
parser MyP(packet_in p, out hdrs_t s) {
  value_set<wrong_t>(4) w;
  value_set<three_t>(4) t;
  state start {
    p.extract(s.h);
    transition select(s.h.a, s.h.b) {
      w: accept; // expected-error {{cannot convert field 'b' bit<8> to bit<16>}}
      t: accept; // expected-error {{'select' expects 2 arguments, given 3 (fields of three_t)}}
      default: reject;
    }
  }
}
Pkg(MyP()) main;
