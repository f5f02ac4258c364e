// libFuzzer target over the whole front end: preprocess + parse + check of arbitrary
// bytes as a P4 program. Any crash, hang, sanitizer report or leak is a bug: the front
// end promises diagnostics, never failure, on every input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/sema/frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  p4wb::compiler::FrontEndOptions options;
  options.inputPath = "fuzz.p4";
  options.inputText = std::string(reinterpret_cast<const char*>(data), size);
  p4wb::compiler::FrontEndResult result = p4wb::compiler::runFrontEnd(options);
  // Rendering touches every location the front end produced: keep it in the loop.
  if (result.diags) (void)result.diags->renderAll();
  return 0;
}
