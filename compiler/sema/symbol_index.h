// The symbol index behind CompileResult::symbols/references/typeMembers: one walk over
// the (possibly partly) checked AST collecting every named declaration, every resolved
// name use and the members of every named type. Costs one pass; never fails.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/driver/driver.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

struct SymbolIndex {
  std::vector<SymbolInfo> symbols;
  std::vector<SymbolReference> references;
  TypeMembers typeMembers;
};

// `mainFile` decides SymbolInfo::inMainFile.
SymbolIndex buildSymbolIndex(const ast::Program& program, const SourceManager& sources,
                             FileId mainFile);

}  // namespace p4wb::compiler
