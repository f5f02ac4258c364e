// Golden test of --dump-tokens: literal forms, a macro expansion and #line keep
// their original places. Update with tests/lit/update_goldens.py (review the diff).
// RUN: cd %S && %p4wb check --dump-tokens dump_tokens.p4 > %t.out
// RUN: diff %S/Inputs/dump_tokens.expected %t.out
// GOLDEN: --dump-tokens
#define W 8
const bit<W> a = 8w0xFF;
const int<4> b = -4s1;
const bit<16> c = 0b1010_1010 + 0o17;
#line 40 "renamed.p4"
const bool d = a != 8w1;
control C();
package P(C c);
control I() { apply { } }
P(I()) main;
