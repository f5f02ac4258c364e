// switch label of the wrong type for the switched value
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 0;
    switch (x) {
      true: { }  // expected-error {{cannot convert bool to bit<8>}}
    }
  }
}
Test(Impl()) main;
