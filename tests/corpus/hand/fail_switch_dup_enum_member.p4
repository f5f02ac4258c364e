// the same enum member twice in a switch on an enum value
#include "harness.p4"
enum Color { Red, Green }
control Impl() {
  apply {
    Color c = Color.Red;
    switch (c) {
      Color.Red: {}
      Color.Green: {}
      Color.Red: {}  // expected-error {{duplicate switch label 'Color.Red'}}
    }
  }
}
Test(Impl()) main;
