// annotations: @name, @pragma-like, structured [] bodies
#include "harness.p4"
@name("outer") control Impl() {
  @name(".a") action a() {}
  @my_struct[k = 1, s = "x"] action b() {}
  @hidden action c() {}
  apply { a(); b(); c(); }
}
Test(Impl()) main;
