// Where a program runs: hook kind, XDP mode, interface and network namespace, with
// parsing and printing of their user-facing names ("xdp", "tc-ingress", "native", ...).
#pragma once

#include <string>
#include <string_view>

#include "runtime/result.h"

namespace p4wb::runtime {

enum class Hook { Xdp, TcIngress, TcEgress };

// Auto lets the kernel choose (native when the driver supports it, else generic).
enum class XdpMode { Auto, Native, Generic };

struct Target {
  std::string netns;  // named namespace (/run/netns/<netns>); empty = the current one
  std::string ifname;  // empty = load and pin only, attach nowhere
  Hook hook = Hook::Xdp;
  XdpMode mode = XdpMode::Auto;
};

std::string_view hookName(Hook hook);  // "xdp", "tc-ingress", "tc-egress"
// Accepts the names above and "xdp-generic"/"xdp-native" (which also set *mode when
// mode != nullptr). EINVAL with the list of valid names otherwise.
Result<Hook> parseHook(std::string_view text, XdpMode* mode = nullptr);

std::string_view xdpModeName(XdpMode mode);  // "auto", "native", "generic"
// Accepts auto, native|drv, generic|skb.
Result<XdpMode> parseXdpMode(std::string_view text);

// "xdp (native) on veth0 in netns lab1" — for messages and listings.
std::string describeTarget(const Target& target);

}  // namespace p4wb::runtime
