/* harness.p4 -- the tiny architecture every corpus program instantiates: one control
 * with no parameters inside a package. Programs end with `Test(Impl()) main;`. */
#ifndef _CORPUS_HARNESS_P4_
#define _CORPUS_HARNESS_P4_
#include <core.p4>
control Check();
package Test(Check c);
#endif
