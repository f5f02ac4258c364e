// variadic macros: ... and __VA_ARGS__, and GNU `, ## __VA_ARGS__` dropping the comma
#include "harness.p4"
#define SUM(...) add3(__VA_ARGS__)
#define CALL(f, ...) f(__VA_ARGS__)
#define OPT(first, ...) opt(first, ## __VA_ARGS__)
bit<8> add3(in bit<8> a, in bit<8> b, in bit<8> c) { return a + b + c; }
extern bit<8> opt(in bit<8> a, @optional in bit<8> b);
control Impl() {
  apply {
    bit<8> s = SUM(1, 2, 3);
    s = CALL(add3, s, (s + 1), 2);
    s = OPT(s);
    s = OPT(s, 1);
  }
}
Test(Impl()) main;
