// `type bool Flag` is a distinct type: casts convert to and from bool
#include "harness.p4"
type bool Flag;
control Impl() {
  apply {
    Flag f = (Flag)true;
    bool b = (bool)f;
    Flag g = f;
    if ((bool)g && b) { f = (Flag)false; }
    bool same = f == g;
    if (same) { g = f; }
  }
}
Test(Impl()) main;
