// Annotated eBPF listing built from the MC disassembler and the DWARF line table.
#include "compiler/codegen/disassembler.h"

#include <llvm/DebugInfo/DWARF/DWARFContext.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCDisassembler/MCDisassembler.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <map>

#include "compiler/codegen/bpf_target.h"

namespace p4wb::compiler {

namespace {

// The MC objects one disassembly needs, created from the registered BPF target.
struct McTools {
  std::unique_ptr<llvm::MCRegisterInfo> regInfo;
  std::unique_ptr<llvm::MCAsmInfo> asmInfo;
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget;
  std::unique_ptr<llvm::MCInstrInfo> instrInfo;
  std::unique_ptr<llvm::MCContext> context;
  std::unique_ptr<llvm::MCDisassembler> disassembler;
  std::unique_ptr<llvm::MCInstPrinter> printer;

  bool init(std::string& error) {
    // Creating a TargetMachine first makes sure the BPF target is registered.
    if (!createBpfTargetMachine(error)) return false;
    const llvm::Target* target = llvm::TargetRegistry::lookupTarget(kBpfTriple, error);
    if (target == nullptr) return false;
    llvm::Triple triple(kBpfTriple);
    llvm::MCTargetOptions mcOptions;
    regInfo.reset(target->createMCRegInfo(kBpfTriple));
    asmInfo.reset(target->createMCAsmInfo(*regInfo, kBpfTriple, mcOptions));
    subtarget.reset(target->createMCSubtargetInfo(kBpfTriple, "v3", ""));
    instrInfo.reset(target->createMCInstrInfo());
    if (!regInfo || !asmInfo || !subtarget || !instrInfo) {
      error = "cannot create the BPF MC layer";
      return false;
    }
    context =
        std::make_unique<llvm::MCContext>(triple, asmInfo.get(), regInfo.get(), subtarget.get());
    disassembler.reset(target->createMCDisassembler(*subtarget, *context));
    printer.reset(target->createMCInstPrinter(triple, 0, *asmInfo, *instrInfo, *regInfo));
    if (!disassembler || !printer) {
      error = "cannot create the BPF disassembler";
      return false;
    }
    return true;
  }
};

// Relocation target names by offset, so `r1 = 0 ll` shows which map it loads.
std::map<std::uint64_t, std::string> relocationsFor(const llvm::object::ObjectFile& obj,
                                                    const llvm::object::SectionRef& section) {
  std::map<std::uint64_t, std::string> out;
  for (const llvm::object::SectionRef& rel : obj.sections()) {
    llvm::Expected<llvm::object::section_iterator> target = rel.getRelocatedSection();
    if (!target) {
      llvm::consumeError(target.takeError());
      continue;
    }
    if (*target != section) continue;
    for (const llvm::object::RelocationRef& r : rel.relocations()) {
      llvm::object::symbol_iterator sym = r.getSymbol();
      if (sym == obj.symbol_end()) continue;
      llvm::Expected<llvm::StringRef> name = sym->getName();
      if (!name) {
        llvm::consumeError(name.takeError());
        continue;
      }
      out[r.getOffset()] = name->str();
    }
  }
  return out;
}

// Function symbols by offset in `section`, printed as labels.
std::map<std::uint64_t, std::string> functionSymbols(const llvm::object::ObjectFile& obj,
                                                     const llvm::object::SectionRef& section) {
  std::map<std::uint64_t, std::string> out;
  for (const llvm::object::SymbolRef& sym : obj.symbols()) {
    llvm::Expected<llvm::object::section_iterator> sec = sym.getSection();
    llvm::Expected<llvm::object::SymbolRef::Type> type = sym.getType();
    llvm::Expected<llvm::StringRef> name = sym.getName();
    llvm::Expected<std::uint64_t> value = sym.getValue();
    if (!sec || !type || !name || !value) {
      if (!sec) llvm::consumeError(sec.takeError());
      if (!type) llvm::consumeError(type.takeError());
      if (!name) llvm::consumeError(name.takeError());
      if (!value) llvm::consumeError(value.takeError());
      continue;
    }
    if (*sec == section && *type == llvm::object::SymbolRef::ST_Function) out[*value] = name->str();
  }
  return out;
}

struct SectionContext {
  McTools& mc;
  llvm::DWARFContext& dwarf;
  const SourceLineLookup& lineText;
  Listing& listing;
  llvm::raw_string_ostream& os;
  std::size_t scanned = 0;  // bytes of listing.text already counted
  unsigned lines = 0;       // newlines in those bytes

  // The 0-based line the next output starts on.
  unsigned currentLine() {
    os.flush();
    const std::string& text = listing.text;
    for (; scanned < text.size(); ++scanned)
      if (text[scanned] == '\n') ++lines;
    return lines;
  }
};

void disassembleSection(SectionContext& ctx, const llvm::object::ObjectFile& obj,
                        const llvm::object::SectionRef& section) {
  llvm::Expected<llvm::StringRef> nameOr = section.getName();
  llvm::Expected<llvm::StringRef> contentsOr = section.getContents();
  if (!nameOr || !contentsOr) {
    if (!nameOr) llvm::consumeError(nameOr.takeError());
    if (!contentsOr) llvm::consumeError(contentsOr.takeError());
    return;
  }
  std::string name = nameOr->str();
  llvm::ArrayRef<std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(contentsOr->data()),
                                     contentsOr->size());
  std::map<std::uint64_t, std::string> relocs = relocationsFor(obj, section);
  std::map<std::uint64_t, std::string> labels = functionSymbols(obj, section);
  ctx.os << "Disassembly of section " << name << ":\n";
  std::string lastFile;
  unsigned lastLine = ~0u;
  std::uint64_t offset = 0;
  while (offset < bytes.size()) {
    if (auto it = labels.find(offset); it != labels.end()) ctx.os << "\n" << it->second << ":\n";
    llvm::DILineInfo info = ctx.dwarf.getLineInfoForAddress(
        {offset, section.getIndex()},
        llvm::DILineInfoSpecifier(llvm::DILineInfoSpecifier::FileLineInfoKind::RawValue,
                                  llvm::DILineInfoSpecifier::FunctionNameKind::None));
    std::string file = info.FileName == llvm::DILineInfo::BadString ? "" : info.FileName;
    if (info.Line != 0 && (info.Line != lastLine || file != lastFile)) {
      ctx.os << "; " << file << ":" << info.Line;
      if (std::optional<std::string> text = ctx.lineText(file, info.Line))
        ctx.os << ": " << llvm::StringRef(*text).trim();
      ctx.os << "\n";
      lastLine = info.Line;
      lastFile = file;
    }
    llvm::MCInst inst;
    std::uint64_t size = 0;
    llvm::MCDisassembler::DecodeStatus status =
        ctx.mc.disassembler->getInstruction(inst, size, bytes.slice(offset), offset, llvm::nulls());
    if (size == 0) size = 8;
    unsigned insnLine = ctx.currentLine();
    ctx.os << llvm::format("%6llu:", static_cast<unsigned long long>(offset / 8)) << "\t";
    if (status == llvm::MCDisassembler::Success) {
      std::string insnText;
      llvm::raw_string_ostream insnOs(insnText);
      ctx.mc.printer->printInst(&inst, offset, "", *ctx.mc.subtarget, insnOs);
      ctx.os << llvm::StringRef(insnOs.str()).trim();
    } else {
      ctx.os << "<unknown>";
    }
    if (auto it = relocs.find(offset); it != relocs.end()) ctx.os << "\t; " << it->second;
    ctx.os << "\n";
    ctx.listing.insns.push_back({insnLine, name, offset, file, info.Line, info.Column});
    offset += size;
  }
  ctx.os << "\n";
}

}  // namespace

std::optional<Listing> disassembleBpfObject(const std::vector<std::uint8_t>& object,
                                            const SourceLineLookup& lineText, std::string& error) {
  McTools mc;
  if (!mc.init(error)) return std::nullopt;
  llvm::StringRef data(reinterpret_cast<const char*>(object.data()), object.size());
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> objOr =
      llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(data, "object"));
  if (!objOr) {
    error = llvm::toString(objOr.takeError());
    return std::nullopt;
  }
  llvm::object::ObjectFile& obj = **objOr;
  std::unique_ptr<llvm::DWARFContext> dwarf = llvm::DWARFContext::create(
      obj, llvm::DWARFContext::ProcessDebugRelocations::Process, nullptr, "",
      [](llvm::Error e) { llvm::consumeError(std::move(e)); },
      [](llvm::Error e) { llvm::consumeError(std::move(e)); });
  Listing listing;
  llvm::raw_string_ostream os(listing.text);
  SectionContext ctx{mc, *dwarf, lineText, listing, os};
  for (const llvm::object::SectionRef& section : obj.sections())
    if (section.isText() && section.getSize() > 0) disassembleSection(ctx, obj, section);
  os.flush();
  return listing;
}

}  // namespace p4wb::compiler
