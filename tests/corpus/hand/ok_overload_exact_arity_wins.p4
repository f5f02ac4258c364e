// an overload whose parameter count matches exactly beats one that fills an
// optional parameter; typed arguments pick their overload
#include "harness.p4"
extern void emit_val(in bit<8> v);
extern void emit_val(in bit<8> v, @optional in bit<8> extra);
extern void pick(in bit<8> v);
extern void pick(in bit<16> v);
control Impl() {
  apply {
    emit_val(1);
    emit_val(1, 2);
    bit<16> w = 5;
    pick(w);
    pick(8w3);
  }
}
Test(Impl()) main;
