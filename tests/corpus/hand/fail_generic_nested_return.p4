// the inferred return type is checked where the result is used
#include "harness.p4"
extern T first_of<T>(in tuple<T, T> t);
control Impl() {
  apply {
    // expected-error@+1 {{cannot convert bit<8> to bool}}
    bool b = first_of({8w1, 8w2});
  }
}
Test(Impl()) main;
