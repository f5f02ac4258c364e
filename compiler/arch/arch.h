// Target architecture models the front end knows: which package names exist, which
// block fills which role, and target-specific names (xdp_action). Data only: the P4
// declarations themselves live in resources/p4include/*.p4.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace p4wb::compiler::arch {

enum class ArchKind { Unknown, Xdp, EbpfFilter };

enum class BlockRole { Parser, Control, Deparser };

// One package parameter: its name in the package declaration and what it must be.
struct BlockSlot {
  std::string_view paramName;  // "p", "s", "d" (xdp); "prs", "filt" (ebpfFilter)
  BlockRole role;
};

struct ArchModel {
  ArchKind kind;
  std::string_view packageName;  // "xdp", "ebpfFilter"
  std::string_view includeFile;  // "xdp_model.p4", "ebpf_model.p4"
  std::vector<BlockSlot> blockSlots;  // in package parameter order (not `slots`: a Qt macro)
};

// The model whose package is called `packageName`, or null.
const ArchModel* findArchByPackage(std::string_view packageName);
const std::vector<ArchModel>& allArchModels();
std::string_view archName(ArchKind kind);  // "xdp", "ebpfFilter", ""

// xdp_model.p4 names the lowering relies on.
inline constexpr std::string_view kXdpActionEnum = "xdp_action";
inline constexpr std::string_view kXdpInputStruct = "xdp_input";
inline constexpr std::string_view kXdpOutputStruct = "xdp_output";
// Values of the kernel's enum xdp_action, by member name.
int xdpActionValue(std::string_view member);  // -1 when unknown

}  // namespace p4wb::compiler::arch
