// IR text with per-line source locations (see ir_listing.h).
#include "compiler/codegen/ir_listing.h"

#include <llvm/IR/AssemblyAnnotationWriter.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/Instruction.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/FormattedStream.h>
#include <llvm/Support/raw_ostream.h>

namespace p4wb::compiler {

namespace {

// Records the output position at the end of every instruction with a location.
class LocationRecorder : public llvm::AssemblyAnnotationWriter {
 public:
  explicit LocationRecorder(llvm::raw_string_ostream& out) : m_out(out) {}

  void printInfoComment(const llvm::Value& value, llvm::formatted_raw_ostream& os) override {
    const auto* inst = llvm::dyn_cast<llvm::Instruction>(&value);
    if (!inst) return;
    const llvm::DILocation* loc = inst->getDebugLoc().get();
    if (!loc || loc->getLine() == 0) return;
    os.flush();
    m_marks.push_back({m_out.str().size(), loc});
  }

  struct Mark {
    std::size_t offset;
    const llvm::DILocation* loc;
  };
  std::vector<Mark> m_marks;

 private:
  llvm::raw_string_ostream& m_out;
};

}  // namespace

std::string printModuleWithLocations(const llvm::Module& module,
                                     std::vector<IrLineLocation>& locations) {
  std::string text;
  llvm::raw_string_ostream os(text);
  LocationRecorder recorder(os);
  module.print(os, &recorder);
  os.flush();
  std::size_t pos = 0;
  unsigned line = 0;
  for (const LocationRecorder::Mark& m : recorder.m_marks) {
    for (; pos < m.offset && pos < text.size(); ++pos)
      if (text[pos] == '\n') ++line;
    locations.push_back({line, m.loc->getFilename().str(), m.loc->getLine(), m.loc->getColumn()});
  }
  return text;
}

}  // namespace p4wb::compiler
