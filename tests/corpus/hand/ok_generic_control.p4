// a generic control type in a package, specialized by the instance
#include <core.p4>
control G<T>(inout T v);
package Pk<T>(G<T> g);
control Impl(inout bit<8> v) { apply { v = v + 1; } }
Pk(Impl()) main;
