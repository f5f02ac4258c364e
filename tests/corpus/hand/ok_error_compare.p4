// error values compared with == and used in a variable
#include "harness.p4"
error { Oops }
control Impl() {
  apply {
    error e = error.Oops;
    bool is_oops = e == error.Oops;
    bool not_none = e != error.NoError;
  }
}
Test(Impl()) main;
