// The architecture include files under resources/p4include/, compiled into the binary
// so `#include <core.p4>` works without an installation. Searched after -I paths.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace p4wb::compiler {

struct BuiltinInclude {
  std::string_view name;  // e.g. "core.p4"
  std::string_view text;
};

// Every bundled file, in name order.
const std::vector<BuiltinInclude>& builtinIncludes();

// The text of a bundled file, or nullopt.
std::optional<std::string_view> findBuiltinInclude(std::string_view name);

}  // namespace p4wb::compiler
