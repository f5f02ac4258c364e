// '#' in a function-like macro turns the argument into a string literal
#include "harness.p4"
#define STR(x) #x
#define NAME_OF(t) STR(t)
extern void log_msg(string msg);
control Impl() {
  apply {
    log_msg(STR(hello world));
    log_msg(STR("quoted"));
    log_msg(NAME_OF(ipv4));
  }
}
Test(Impl()) main;
