// a serializable enum casts to and from its underlying type
#include "harness.p4"
enum bit<8> Op { Add = 1, Sub = 2 }
control Impl() {
  apply {
    bit<8> raw = (bit<8>)Op.Sub;
    Op o = (Op)raw;
  }
}
Test(Impl()) main;
