// Lab: a throwaway network namespace holding a veth pair, for tests and the packet lab.
// Destroyed (namespace and both veths) by the destructor or destroy(), on every path.
#pragma once

#include <string>
#include <utility>

#include "runtime/result.h"

namespace p4wb::runtime {

struct LabOptions {
  std::string netns;  // must not exist yet; e.g. "p4wb-lab-<pid>"
  std::string vethA = "veth0";  // both ends live inside the namespace
  std::string vethB = "veth1";
  std::string addrA;  // optional CIDR, e.g. "10.0.0.1/24"
  std::string addrB;
};

class Lab {
 public:
  // Creates the namespace (like `ip netns add`), the veth pair inside it, brings lo and
  // both ends up and assigns the addresses. Undoes everything on failure.
  static Result<Lab> create(const LabOptions& options);

  Lab(Lab&& other) noexcept;
  Lab& operator=(Lab&& other) noexcept;
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;
  ~Lab();

  const LabOptions& options() const { return m_options; }
  const std::string& netns() const { return m_options.netns; }
  Status destroy();  // idempotent

 private:
  explicit Lab(LabOptions options) : m_options(std::move(options)), m_alive(true) {}
  LabOptions m_options;
  bool m_alive = false;
};

// Named namespace management (bind mount under /run/netns, as iproute2 does).
Status createNetns(const std::string& name);
Status deleteNetns(const std::string& name);

}  // namespace p4wb::runtime
