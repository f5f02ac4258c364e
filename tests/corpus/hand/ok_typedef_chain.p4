// a typedef of a typedef
#include "harness.p4"
typedef bit<8> byte_t;
typedef byte_t octet_t;
control Impl() {
  apply { octet_t a = 1; byte_t b = a; bit<8> c = b; }
}
Test(Impl()) main;
