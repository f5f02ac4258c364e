// two type arguments to an extern function with one type parameter
#include "harness.p4"
extern void log_value<T>(in T v);
control Impl() {
  apply { log_value<bit<8>, bit<8>>(1); }  // expected-error {{'log_value' expects 1 type argument(s), given 2}}
}
Test(Impl()) main;
