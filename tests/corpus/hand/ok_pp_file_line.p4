// __LINE__ is the line of the (outermost) use, __FILE__ the file's name as given
#include "harness.p4"
#define HERE __LINE__
const bit<32> L4 = __LINE__;
const bit<32> L5 = HERE;
const bool _at4 = static_assert(L4 == 4);
const bool _at5 = static_assert(L5 == 5);
extern void log_msg(string msg);
#line 100 "renamed.p4"
const bit<32> L100 = __LINE__;
const bool _at100 = static_assert(L100 == 100);
control Impl() {
  apply { log_msg(__FILE__); }
}
Test(Impl()) main;
