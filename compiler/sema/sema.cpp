#include "compiler/sema/sema.h"
namespace p4wb::compiler::sema {
SemaResult runSema(const SemaOptions& options) { return {}; }
}
