// common patterns that assign before every read: none of them may warn (the one
// warning at the end keeps this a warn_ file, where every warning must be expected)
#include <core.p4>
header h_t { bit<8> f; bit<8> g; }
struct meta_t { bit<8> m; bool seen; }
struct hdrs_t { h_t a; h_t b; }
extern void fill(out meta_t m);
control Sub(inout hdrs_t h, out bit<8> r) {
  apply { r = h.a.f; }
}
control Ctl(inout hdrs_t h, inout meta_t meta, out bit<8> res);
package Pkg(Ctl c);
control Impl(inout hdrs_t h, inout meta_t meta, out bit<8> res) {
  Sub() sub;
  bit<8> fromSub;
  meta_t local;
  bit<8> key;
  action setKey(bit<8> k) { key = k; }
  action noKey() { key = 0; }
  table pick {
    key = { h.a.f : exact; }
    actions = { setKey; noKey; }
    default_action = noKey();
  }
  apply {
    sub.apply(h, fromSub);
    fill(local);
    bit<8> sum = fromSub + local.m + meta.m;
    if (h.b.isValid()) { h.b.g = sum; }
    h_t tmp;
    tmp.setValid();
    tmp.f = tmp.g;
    pick.apply();
    bit<16> wide;
    wide[7:0] = key;
    wide[15:8] = 0;
    bit<8> total = 0;
    for (bit<8> i in 1 .. 3) { total = total + i; }
    tuple<bit<8>, bool> t = { 1, true };
    if (t[1]) { total = total + t[0]; }
    switch (pick.apply().action_run) {
      setKey: { res = key; }
      default: { res = (bit<8>)wide; }
    }
    bit<8> late;
    res = res + late + total; // expected-warning {{'late' may be uninitialized}}
  }
}
Pkg(Impl()) main;
