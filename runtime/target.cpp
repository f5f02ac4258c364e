#include "runtime/target.h"

namespace p4wb::runtime {

std::string_view hookName(Hook hook) {
  switch (hook) {
    case Hook::Xdp: return "xdp";
    case Hook::TcIngress: return "tc-ingress";
    case Hook::TcEgress: return "tc-egress";
  }
  return "xdp";
}

Result<Hook> parseHook(std::string_view text, XdpMode* mode) {
  if (text == "xdp") return Hook::Xdp;
  if (text == "xdp-generic" || text == "xdp-native") {
    if (mode) *mode = text == "xdp-generic" ? XdpMode::Generic : XdpMode::Native;
    return Hook::Xdp;
  }
  if (text == "tc-ingress") return Hook::TcIngress;
  if (text == "tc-egress") return Hook::TcEgress;
  return makeError(EINVAL, "unknown hook '" + std::string(text) +
                               "' (expected xdp, xdp-native, xdp-generic, tc-ingress or tc-egress)");
}

std::string_view xdpModeName(XdpMode mode) {
  switch (mode) {
    case XdpMode::Auto: return "auto";
    case XdpMode::Native: return "native";
    case XdpMode::Generic: return "generic";
  }
  return "auto";
}

Result<XdpMode> parseXdpMode(std::string_view text) {
  if (text == "auto") return XdpMode::Auto;
  if (text == "native" || text == "drv") return XdpMode::Native;
  if (text == "generic" || text == "skb") return XdpMode::Generic;
  return makeError(EINVAL, "unknown XDP mode '" + std::string(text) +
                               "' (expected auto, native or generic)");
}

std::string describeTarget(const Target& target) {
  std::string text(hookName(target.hook));
  if (target.hook == Hook::Xdp) text += " (" + std::string(xdpModeName(target.mode)) + ")";
  if (target.ifname.empty()) return text + " (not attached)";
  text += " on " + target.ifname;
  text += target.netns.empty() ? " in the current netns" : " in netns " + target.netns;
  return text;
}

}  // namespace p4wb::runtime
