// exit in a control body
#include "harness.p4"
control Impl() {
  apply { bit<8> a = 1; if (a == 1) { exit; } a = 2; }
}
Test(Impl()) main;
