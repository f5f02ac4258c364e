// '||' on bool
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    bool b = false;
    bool c = a || b;
  }
}
Test(Impl()) main;
