// Textual LLVM IR of a module plus, for every instruction line that carries a debug
// location, the P4 place it came from (for linked selection between IR and source).
#pragma once

#include <string>
#include <vector>

namespace llvm {
class Module;
}

namespace p4wb::compiler {

struct IrLineLocation {
  unsigned listingLine = 0;  // 0-based line of the IR text
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

// Prints `module` like Module::print and fills `locations` in line order.
std::string printModuleWithLocations(const llvm::Module& module,
                                     std::vector<IrLineLocation>& locations);

}  // namespace p4wb::compiler
