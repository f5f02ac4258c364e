// switch on an enum value
#include "harness.p4"
enum E { A, B, C }
control Impl() {
  apply {
    E e = E.B;
    switch (e) {
      E.A: { }
      E.B: { e = E.C; }
    }
  }
}
Test(Impl()) main;
