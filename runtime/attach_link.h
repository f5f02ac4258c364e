// Attachments owned by this process: a BPF link (XDP through BPF_LINK_CREATE, tc through
// tcx links, Linux 6.6+) whose fd the AttachLink holds. The kernel detaches the program
// when the last fd of the link closes, so the attachment ends with the process however
// it ends (exit, SIGINT, SIGTERM, even SIGKILL). Used for loads without a pin.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/attach.h"
#include "runtime/result.h"
#include "runtime/target.h"
#include "runtime/unique_fd.h"

namespace p4wb::runtime {

class AttachLink {
 public:
  // Attaches progFd at target through a link. EEXIST (naming the program there) when the
  // hook is taken: XDP any program; tc never (tcx programs run side by side, ours first).
  // tc on a kernel without tcx: EOPNOTSUPP saying so.
  static Result<AttachLink> create(int progFd, const Target& target);

  AttachLink(AttachLink&&) noexcept = default;
  AttachLink& operator=(AttachLink&&) noexcept = default;
  ~AttachLink() = default;  // closing the fd detaches

  const Target& target() const { return m_target; }
  const Attachment& attachment() const { return m_attachment; }
  int fd() const { return m_link.get(); }
  // Detaches now (idempotent).
  void close() { m_link.reset(); }
  // True while the link still holds its interface (false once the interface was deleted).
  bool live() const;

 private:
  AttachLink() = default;
  UniqueFd m_link;
  Target m_target;
  Attachment m_attachment;
};

// Programs attached through tcx links at ifindex's tc-ingress or tc-egress hook in the
// calling thread's namespace, in run order (empty on kernels without tcx).
Result<std::vector<std::uint32_t>> queryTcxProgIds(unsigned ifindex, bool ingress);

}  // namespace p4wb::runtime
