// The annotated eBPF listing: disassembles every executable section of a BPF ELF object
// with the LLVM MC disassembler and prints the P4 source line (from the DWARF line table)
// above each group of instructions, like `llvm-objdump -d -l -S`. Read-only on its input.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace p4wb::compiler {

// One instruction of the listing and the P4 place it came from (line 0: unknown).
struct InsnLocation {
  unsigned listingLine = 0;  // 0-based line of Listing::text holding the instruction
  std::string section;       // ELF section, e.g. "xdp"
  std::uint64_t offset = 0;  // byte offset in the section (instruction index * 8)
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

struct Listing {
  std::string text;
  std::vector<InsnLocation> insns;
};

// Returns the text of `line` (1-based) of `file`, or nullopt when unknown.
using SourceLineLookup =
    std::function<std::optional<std::string>(const std::string& file, unsigned line)>;

// Disassembles `object`; on malformed input returns nullopt with `error` filled.
std::optional<Listing> disassembleBpfObject(const std::vector<std::uint8_t>& object,
                                            const SourceLineLookup& lineText, std::string& error);

}  // namespace p4wb::compiler
