// string values are compile-time only too
#include "harness.p4"
extern void log_msg(string msg);
control Impl() {
  apply {
    string s = "x"; // expected-error {{variable 's' cannot have type string}}
    log_msg("ok");
  }
}
Test(Impl()) main;
