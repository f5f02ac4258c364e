// int (arbitrary precision) is for compile-time values: no variables of it
#include "harness.p4"
control Impl() {
  apply {
    const int fine = 5;
    int x = fine; // expected-error {{variable 'x' cannot have type int: its values exist only at compile time}}
  }
}
Test(Impl()) main;
