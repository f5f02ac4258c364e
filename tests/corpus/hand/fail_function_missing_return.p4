// a function with a result must return on every path (p4c: an error)
#include "harness.p4"
bit<8> half(in bit<8> a) { // expected-error {{function 'half' does not return a value on all paths}}
  if (a != 0) { return a >> 1; }
}
bit<8> sign(in int<8> a) {
  if (a < 0) { return 1; } else if (a == 0) { return 0; } else { return 2; }
}
bit<8> pick(in bit<8> a) {
  switch (a) {
    1: { return 10; }
    default: { return 20; }
  }
}
bit<8> loop(in bit<8> a) { // expected-error {{function 'loop' does not return a value on all paths}}
  for (bit<8> i = 0; i < a; i = i + 1) { return i; }
}
control Impl() { apply { bit<8> x = half(2) + sign(-1) + pick(1) + loop(3); if (x == 0) { exit; } } }
Test(Impl()) main;
