// a package with two block parameters instantiated with anonymous instances
#include <core.p4>
control A(); control B();
package Two(A a, B b);
control X() { apply {} }
control Y() { apply {} }
Two(X(), Y()) main;
