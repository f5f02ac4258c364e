// a generic extern object instantiated with a type argument
#include "harness.p4"
extern Register<T> {
  Register(bit<32> size);
  T read(in bit<32> index);
  void write(in bit<32> index, in T value);
}
control Impl() {
  Register<bit<16>>(32w8) r;
  apply {
    bit<16> v = r.read(0);
    r.write(1, v);
  }
}
Test(Impl()) main;
