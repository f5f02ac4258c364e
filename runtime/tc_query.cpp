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

// Parses one RTM_NEWTFILTER message; false when it is not a BPF filter with a program
// (such as the chain's head entry every dump starts with).
bool parseFilter(const nlmsghdr* nh, TcFilter* out) {
  const auto* tc = static_cast<const tcmsg*>(NLMSG_DATA(nh));
  int len = static_cast<int>(nh->nlmsg_len) - static_cast<int>(NLMSG_LENGTH(sizeof(tcmsg)));
  const auto* attrs = reinterpret_cast<const rtattr*>(reinterpret_cast<const char*>(tc) + NLMSG_ALIGN(sizeof(tcmsg)));
  // Option numbers mean different things per classifier: only cls_bpf's are read.
  const rtattr* kind = findAttr(attrs, len, TCA_KIND);
  if (!kind || std::strncmp(static_cast<const char*>(RTA_DATA(kind)), "bpf", RTA_PAYLOAD(kind)) != 0) return false;
  const rtattr* options = findAttr(attrs, len, TCA_OPTIONS);
  if (!options) return false;
  const auto* inner = static_cast<const rtattr*>(RTA_DATA(options));
  const int innerLen = static_cast<int>(RTA_PAYLOAD(options));
  const rtattr* id = findAttr(inner, innerLen, TCA_BPF_ID);
  if (!id || RTA_PAYLOAD(id) < sizeof(std::uint32_t)) return false;
  std::memcpy(&out->progId, RTA_DATA(id), sizeof out->progId);
  out->handle = tc->tcm_handle;
  out->priority = TC_H_MAJ(tc->tcm_info) >> 16;
  out->name.clear();
  if (const rtattr* name = findAttr(inner, innerLen, TCA_BPF_NAME))
    out->name.assign(static_cast<const char*>(RTA_DATA(name)), strnlen(static_cast<const char*>(RTA_DATA(name)), RTA_PAYLOAD(name)));
  return true;
}

// Dumps the BPF filters of one clsact hook; priority 0 means every priority.
Result<std::vector<TcFilter>> dumpFilters(int ifindex, bool ingress, std::uint32_t priority) {
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
  if (priority != 0) req.tc.tcm_info = TC_H_MAKE(priority << 16, htons(ETH_P_ALL));
  if (send(sock.get(), &req, req.nh.nlmsg_len, 0) < 0) return makeError(errno, "cannot send a netlink request");

  std::vector<char> buffer(64 * 1024);
  std::vector<TcFilter> found;
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
      TcFilter f;
      if (nh->nlmsg_type == RTM_NEWTFILTER && parseFilter(nh, &f)) found.push_back(std::move(f));
    }
  }
}

}  // namespace

Result<std::uint32_t> queryTcFilterProgId(int ifindex, bool ingress, std::uint32_t handle, std::uint32_t priority) {
  Result<std::vector<TcFilter>> filters = dumpFilters(ifindex, ingress, priority);
  if (!filters) return filters.error();
  for (const TcFilter& f : *filters)
    if (f.handle == handle) return f.progId;
  return 0u;
}

Result<std::vector<TcFilter>> listTcFilters(int ifindex, bool ingress) { return dumpFilters(ifindex, ingress, 0); }

}  // namespace p4wb::runtime::detail
