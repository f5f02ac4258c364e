// extern methods: two overloads of the same arity that both fit literal arguments
#include "harness.p4"
extern Store {
  Store();
  void write(in bit<32> index, in bit<8> value);
  void write(in bit<16> index, in bit<8> value);
}
control Impl() {
  Store() s;
  apply {
    s.write(32w0, 1);
    s.write(0, 1); // expected-error {{call to 'Store.write' is ambiguous}}
  }
}
Test(Impl()) main;
