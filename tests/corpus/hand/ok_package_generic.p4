// a generic package whose type parameter is inferred from the argument
#include <core.p4>
control C<H>(inout H h);
package Pk<H>(C<H> c);
struct s_t { bit<8> a; }
control Impl(inout s_t s) { apply { s.a = 1; } }
Pk(Impl()) main;
