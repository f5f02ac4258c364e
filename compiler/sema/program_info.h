// ProgramInfo: how the program instantiates its architecture - the `main` package, which
// parser/control declarations fill its slots, and the headers type H. Filled by sema's
// last pass; everything downstream (lowering, schema) starts from here.
#pragma once

#include <string>
#include <vector>

#include "compiler/arch/arch.h"
#include "compiler/ast/ast.h"

namespace p4wb::compiler::sema {

class StructType;
class Type;

struct BlockBinding {
  arch::BlockRole role = arch::BlockRole::Control;
  std::string paramName;  // package parameter name ("p", "s", "d")
  const ast::Decl* decl = nullptr;  // ParserDecl or ControlDecl
  const ast::InstantiationDecl* instance = nullptr;  // when passed by name, else null
};

struct ProgramInfo {
  bool valid = false;  // false when there is no usable `main`
  arch::ArchKind arch = arch::ArchKind::Unknown;
  std::string packageName;  // "xdp" or "ebpfFilter"
  const ast::InstantiationDecl* main = nullptr;
  const ast::BlockTypeDecl* package = nullptr;
  std::vector<BlockBinding> blocks;  // in package parameter order

  const ast::ParserDecl* parser = nullptr;
  // Controls other than the deparser, in package order (xdp: {s}; ebpfFilter: {filt}).
  std::vector<const ast::ControlDecl*> controls;
  const ast::ControlDecl* deparser = nullptr;  // xdp only
  // The headers type H the package is specialized with (usually a struct of headers).
  const Type* headersType = nullptr;
  const StructType* headersStruct = nullptr;  // headersType as a struct, or null
};

}  // namespace p4wb::compiler::sema
