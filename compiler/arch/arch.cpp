// The xdp and ebpfFilter architecture models.
#include "compiler/arch/arch.h"

namespace p4wb::compiler::arch {

const std::vector<ArchModel>& allArchModels() {
  static const std::vector<ArchModel> models = {
      {ArchKind::Xdp, "xdp", "xdp_model.p4",
       {{"p", BlockRole::Parser}, {"s", BlockRole::Control}, {"d", BlockRole::Deparser}}},
      {ArchKind::EbpfFilter, "ebpfFilter", "ebpf_model.p4",
       {{"prs", BlockRole::Parser}, {"filt", BlockRole::Control}}},
  };
  return models;
}

const ArchModel* findArchByPackage(std::string_view packageName) {
  for (const auto& m : allArchModels())
    if (m.packageName == packageName) return &m;
  return nullptr;
}

std::string_view archName(ArchKind kind) {
  switch (kind) {
    case ArchKind::Xdp: return "xdp";
    case ArchKind::EbpfFilter: return "ebpfFilter";
    case ArchKind::Unknown: break;
  }
  return "";
}

int xdpActionValue(std::string_view member) {
  // Same numbering as the kernel's enum xdp_action (uapi/linux/bpf.h).
  if (member == "XDP_ABORTED") return 0;
  if (member == "XDP_DROP") return 1;
  if (member == "XDP_PASS") return 2;
  if (member == "XDP_TX") return 3;
  if (member == "XDP_REDIRECT") return 4;
  return -1;
}

}  // namespace p4wb::compiler::arch
