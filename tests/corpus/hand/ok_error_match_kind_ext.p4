// error and match_kind declarations extend the built-in ones
#include "harness.p4"
error { MyError }
match_kind { my_kind }
control Impl() {
  apply { error e = error.MyError; bool b = e == error.NoError; }
}
Test(Impl()) main;
