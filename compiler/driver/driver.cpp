// compile(): runs the front end, lowers the program to LLVM IR and emits the BPF object.
#include "compiler/driver/driver.h"

namespace p4wb::compiler {

std::string Diagnostic::render() const {
  const char* kind = severity == Severity::Error     ? "error"
                     : severity == Severity::Warning ? "warning"
                                                     : "note";
  std::string out;
  if (!file.empty()) {
    out += file;
    out += ':';
    if (line != 0) {
      out += std::to_string(line) + ':';
      if (column != 0) out += std::to_string(column) + ':';
    }
    out += ' ';
  }
  out += kind;
  out += ": ";
  out += message;
  return out;
}

bool CompileResult::hasErrors() const {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Diagnostic::Severity::Error) return true;
  return false;
}

CompileResult compile(const CompileOptions& options) {
  CompileResult result;
  Diagnostic d;
  d.file = options.inputPath;
  d.message = "not implemented yet";
  result.diagnostics.push_back(std::move(d));
  return result;
}

}  // namespace p4wb::compiler
