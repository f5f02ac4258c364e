// string literals with escapes in annotations and extern arguments
#include "harness.p4"
extern void say(string s);
control Impl() { apply { say("tab\there \"quoted\" \\ done"); } }
Test(Impl()) main;
