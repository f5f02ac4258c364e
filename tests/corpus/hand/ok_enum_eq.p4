// comparing enum members with == and !=
#include "harness.p4"
enum Color { Red, Green }
control Impl() {
  apply {
    Color c = Color.Red;
    bool same = c == Color.Green;
    bool diff = c != Color.Green;
  }
}
Test(Impl()) main;
