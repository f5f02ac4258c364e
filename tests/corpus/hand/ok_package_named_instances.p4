// a package instantiated with previously declared named instances
#include <core.p4>
control A();
package One(A a);
control X() { apply {} }
X() x;
One(x) main;
