// Lab: a throwaway network namespace (optionally two) holding a veth pair, made with
// rtnetlink (no iproute2 needed), for tests and the packet lab. Destroyed (namespaces and
// both veths) by the destructor or destroy().
#pragma once

#include <string>
#include <utility>

#include "runtime/result.h"

namespace p4wb::runtime {

struct LabOptions {
  std::string netns;  // must not exist yet; e.g. "p4wb-lab-<pid>"
  std::string vethA = "veth0";  // lives in netns
  std::string vethB = "veth1";  // lives in peerNetns, or in netns when that is empty
  std::string addrA;  // optional CIDR, e.g. "10.0.0.1/24"
  std::string addrB;
  // Optional second namespace (must not exist yet) for vethB, so traffic between the
  // two addresses really crosses the veth pair instead of being delivered locally.
  std::string peerNetns;
};

class Lab {
 public:
  // Creates the namespace(s) (like `ip netns add`) with IPv6 disabled (a quiet lab: no
  // router/neighbour solicitations in captures), the veth pair, brings lo and both
  // ends up, turns GRO on for both ends (veth delivers native XDP_TX/REDIRECT frames
  // only to a peer with GRO or XDP) and assigns the addresses. Undoes all on failure.
  static Result<Lab> create(const LabOptions& options);

  Lab(Lab&& other) noexcept;
  Lab& operator=(Lab&& other) noexcept;
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;
  ~Lab();

  const LabOptions& options() const { return m_options; }
  const std::string& netns() const { return m_options.netns; }
  // Namespace holding vethB.
  const std::string& peerNetns() const {
    return m_options.peerNetns.empty() ? m_options.netns : m_options.peerNetns;
  }
  Status destroy();  // idempotent
  // Keeps everything: the destructor will no longer delete the namespaces.
  void release() { m_alive = false; }

 private:
  explicit Lab(LabOptions options) : m_options(std::move(options)), m_alive(true) {}
  LabOptions m_options;
  bool m_alive = false;
};

// Adds the veth pair of `options` (up, GRO on, addresses) to namespaces that exist
// already, exactly as Lab::create sets up its first pair; used for labs of several pairs.
Status addVethPair(const LabOptions& options);

// Named namespace management (bind mount under /run/netns, as iproute2 does).
Status createNetns(const std::string& name);
Status deleteNetns(const std::string& name);

}  // namespace p4wb::runtime
