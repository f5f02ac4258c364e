// ConstValue printing.
#include "compiler/sema/const_value.h"

#include <llvm/ADT/SmallString.h>

#include "compiler/ast/ast.h"

namespace p4wb::compiler::sema {

std::string ConstValue::toString() const {
  switch (kind) {
    case Kind::Bool: return boolValue ? "true" : "false";
    case Kind::String: return "\"" + text + "\"";
    case Kind::Member: return member ? member->name : "?";
    case Kind::Int: {
      llvm::SmallString<80> s;
      value.toString(s, 10, isSigned);
      return std::string(s.str());
    }
  }
  return "?";
}

}  // namespace p4wb::compiler::sema
