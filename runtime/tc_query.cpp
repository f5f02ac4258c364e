#include "runtime/tc_query.h"

#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstring>
#include <vector>

#include "runtime/unique_fd.h"

namespace p4wb::runtime::detail {

namespace {

// Finds attribute `type` in [attr, attr+len); nullptr when absent.
const rtattr* findAttr(const rtattr* attr, int len, unsigned short type) {
  for (; RTA_OK(attr, len); attr = RTA_NEXT(attr, len))
    if ((attr->rta_type & NLA_TYPE_MASK) == type) return attr;
  return nullptr;
}

// Parses one RTM_NEWTFILTER message; returns the prog id if it is our filter, else 0.
std::uint32_t progIdOf(const nlmsghdr* nh, std::uint32_t handle) {
  const auto* tc = static_cast<const tcmsg*>(NLMSG_DATA(nh));
  if (tc->tcm_handle != handle) return 0;
  int len = static_cast<int>(nh->nlmsg_len) - static_cast<int>(NLMSG_LENGTH(sizeof(tcmsg)));
  const auto* attrs = reinterpret_cast<const rtattr*>(reinterpret_cast<const char*>(tc) + NLMSG_ALIGN(sizeof(tcmsg)));
  const rtattr* options = findAttr(attrs, len, TCA_OPTIONS);
  if (!options) return 0;
  const rtattr* id = findAttr(static_cast<const rtattr*>(RTA_DATA(options)), static_cast<int>(RTA_PAYLOAD(options)),
                              TCA_BPF_ID);
  if (!id || RTA_PAYLOAD(id) < sizeof(std::uint32_t)) return 0;
  std::uint32_t value;
  std::memcpy(&value, RTA_DATA(id), sizeof value);
  return value;
}

}  // namespace

Result<std::uint32_t> queryTcFilterProgId(int ifindex, bool ingress, std::uint32_t handle, std::uint32_t priority) {
  UniqueFd sock(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
  if (!sock.valid()) return makeError(errno, "cannot open a netlink socket");
  struct {
    nlmsghdr nh;
    tcmsg tc;
  } req{};
  req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(tcmsg));
  req.nh.nlmsg_type = RTM_GETTFILTER;
  req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.nh.nlmsg_seq = 1;
  req.tc.tcm_family = AF_UNSPEC;
  req.tc.tcm_ifindex = ifindex;
  req.tc.tcm_parent = TC_H_MAKE(TC_H_CLSACT, ingress ? TC_H_MIN_INGRESS : TC_H_MIN_EGRESS);
  req.tc.tcm_info = TC_H_MAKE(priority << 16, htons(ETH_P_ALL));
  if (send(sock.get(), &req, req.nh.nlmsg_len, 0) < 0) return makeError(errno, "cannot send a netlink request");

  std::vector<char> buffer(64 * 1024);
  std::uint32_t found = 0;
  for (;;) {
    ssize_t n = recv(sock.get(), buffer.data(), buffer.size(), 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return makeError(errno, "cannot read the netlink reply");
    }
    int len = static_cast<int>(n);
    for (auto* nh = reinterpret_cast<nlmsghdr*>(buffer.data()); NLMSG_OK(nh, len); nh = NLMSG_NEXT(nh, len)) {
      if (nh->nlmsg_type == NLMSG_DONE) return found;
      if (nh->nlmsg_type == NLMSG_ERROR) {
        int err = static_cast<const nlmsgerr*>(NLMSG_DATA(nh))->error;
        // No clsact qdisc (EINVAL) or no such hook: nothing attached.
        if (err == 0 || err == -EINVAL || err == -ENOENT) return found;
        return makeError(err, "netlink error while listing tc filters");
      }
      if (nh->nlmsg_type == RTM_NEWTFILTER && !found) found = progIdOf(nh, handle);
    }
  }
}

}  // namespace p4wb::runtime::detail
