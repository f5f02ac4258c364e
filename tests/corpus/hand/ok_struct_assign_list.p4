// assigning a list expression to a struct
#include "harness.p4"
struct s_t { bit<8> a; bool b; }
control Impl() {
  apply { s_t s; s = { 1, true }; }
}
Test(Impl()) main;
