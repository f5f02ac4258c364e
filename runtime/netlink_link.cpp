#include "runtime/netlink_link.h"

#include <arpa/inet.h>
#include <linux/ethtool.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cstring>
#include <vector>

#include "runtime/unique_fd.h"

namespace p4wb::runtime::detail {

namespace {

// One rtnetlink request: header, fixed body, then (nested) attributes.
class NlRequest {
 public:
  NlRequest(std::uint16_t type, std::uint16_t flags, const void* body, std::size_t bodySize) {
    m_buf.assign(NLMSG_HDRLEN, '\0');
    auto* nh = header();
    nh->nlmsg_type = type;
    nh->nlmsg_flags = static_cast<std::uint16_t>(NLM_F_REQUEST | NLM_F_ACK | flags);
    nh->nlmsg_seq = 1;
    append(body, bodySize);
  }

  void attr(std::uint16_t type, const void* data, std::size_t len) {
    rtattr a{};
    a.rta_type = type;
    a.rta_len = static_cast<unsigned short>(RTA_LENGTH(len));
    append(&a, sizeof a);
    m_buf.resize(m_buf.size() - (RTA_ALIGN(sizeof a) - sizeof a));  // header is aligned already
    append(data, len);
  }
  void attr(std::uint16_t type, const std::string& text) { attr(type, text.c_str(), text.size() + 1); }

  std::size_t beginNest(std::uint16_t type) {
    std::size_t at = m_buf.size();
    attr(type, nullptr, 0);
    return at;
  }
  void endNest(std::size_t at) {
    auto* a = reinterpret_cast<rtattr*>(m_buf.data() + at);
    a->rta_len = static_cast<unsigned short>(m_buf.size() - at);
  }
  // Raw bytes inside a nest (VETH_INFO_PEER starts with a struct ifinfomsg).
  void raw(const void* data, std::size_t len) { append(data, len); }

  Status send(const std::string& what) {
    header()->nlmsg_len = static_cast<std::uint32_t>(m_buf.size());
    UniqueFd sock(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
    if (!sock.valid()) return makeError(errno, "cannot open a netlink socket");
    if (::send(sock.get(), m_buf.data(), m_buf.size(), 0) < 0) return makeError(errno, "cannot " + what);
    std::vector<char> reply(8192);
    ssize_t n = recv(sock.get(), reply.data(), reply.size(), 0);
    if (n < 0) return makeError(errno, "cannot " + what);
    int len = static_cast<int>(n);
    for (auto* nh = reinterpret_cast<nlmsghdr*>(reply.data()); NLMSG_OK(nh, len); nh = NLMSG_NEXT(nh, len))
      if (nh->nlmsg_type == NLMSG_ERROR) {
        int err = static_cast<const nlmsgerr*>(NLMSG_DATA(nh))->error;
        if (err != 0) return makeError(err, "cannot " + what);
        return {};
      }
    return makeError(EPROTO, "cannot " + what + ": no acknowledgement from the kernel");
  }

 private:
  nlmsghdr* header() { return reinterpret_cast<nlmsghdr*>(m_buf.data()); }
  void append(const void* data, std::size_t len) {
    const char* bytes = static_cast<const char*>(data);
    if (len) m_buf.insert(m_buf.end(), bytes, bytes + len);
    m_buf.insert(m_buf.end(), NLMSG_ALIGN(len) - len, '\0');
  }
  std::vector<char> m_buf;
};

Result<int> indexOf(const std::string& ifname) {
  unsigned index = if_nametoindex(ifname.c_str());
  if (index == 0) return makeError(ENODEV, "no interface " + ifname);
  return static_cast<int>(index);
}

}  // namespace

Status createVethPair(const std::string& a, const std::string& b, int peerNetnsFd) {
  if (a.empty() || b.empty() || a.size() >= IFNAMSIZ || b.size() >= IFNAMSIZ)
    return makeError(EINVAL, "interface names must be 1-15 characters");
  ifinfomsg ifi{};
  ifi.ifi_family = AF_UNSPEC;
  NlRequest req(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof ifi);
  req.attr(IFLA_IFNAME, a);
  std::size_t linkInfo = req.beginNest(IFLA_LINKINFO);
  req.attr(IFLA_INFO_KIND, std::string("veth"));
  std::size_t data = req.beginNest(IFLA_INFO_DATA);
  std::size_t peer = req.beginNest(VETH_INFO_PEER);
  ifinfomsg peerIfi{};
  peerIfi.ifi_family = AF_UNSPEC;
  req.raw(&peerIfi, sizeof peerIfi);
  req.attr(IFLA_IFNAME, b);
  if (peerNetnsFd >= 0) {
    std::uint32_t fd = static_cast<std::uint32_t>(peerNetnsFd);
    req.attr(IFLA_NET_NS_FD, &fd, sizeof fd);
  }
  req.endNest(peer);
  req.endNest(data);
  req.endNest(linkInfo);
  return req.send("create veth pair " + a + "/" + b);
}

Status setLinkUp(const std::string& ifname) {
  Result<int> index = indexOf(ifname);
  if (!index) return index.error();
  ifinfomsg ifi{};
  ifi.ifi_family = AF_UNSPEC;
  ifi.ifi_index = *index;
  ifi.ifi_flags = IFF_UP;
  ifi.ifi_change = IFF_UP;
  NlRequest req(RTM_NEWLINK, 0, &ifi, sizeof ifi);
  return req.send("bring " + ifname + " up");
}

Status setGro(const std::string& ifname, bool on) {
  UniqueFd sock(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!sock.valid()) return makeError(errno, "cannot open a socket");
  ethtool_value value{};
  value.cmd = ETHTOOL_SGRO;
  value.data = on ? 1 : 0;
  ifreq ifr{};
  std::strncpy(ifr.ifr_name, ifname.c_str(), IFNAMSIZ - 1);
  ifr.ifr_data = reinterpret_cast<char*>(&value);
  if (ioctl(sock.get(), SIOCETHTOOL, &ifr) != 0)
    return makeError(errno, std::string("cannot turn GRO ") + (on ? "on" : "off") + " on " + ifname);
  return {};
}

Status addAddress(const std::string& ifname, const std::string& cidr) {
  std::size_t slash = cidr.find('/');
  std::string addrText = cidr.substr(0, slash);
  unsigned char addr[16];
  int family = addrText.find(':') != std::string::npos ? AF_INET6 : AF_INET;
  if (inet_pton(family, addrText.c_str(), addr) != 1)
    return makeError(EINVAL, "'" + cidr + "' is not an address with a prefix length");
  unsigned maxLen = family == AF_INET ? 32 : 128;
  unsigned prefix = maxLen;
  if (slash != std::string::npos) {
    std::string lenText = cidr.substr(slash + 1);
    if (lenText.empty() || lenText.size() > 3 || lenText.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(lenText) > maxLen)
      return makeError(EINVAL, "bad prefix length in '" + cidr + "'");
    prefix = static_cast<unsigned>(std::stoul(lenText));
  }
  Result<int> index = indexOf(ifname);
  if (!index) return index.error();
  ifaddrmsg ifa{};
  ifa.ifa_family = static_cast<unsigned char>(family);
  ifa.ifa_prefixlen = static_cast<unsigned char>(prefix);
  ifa.ifa_index = static_cast<unsigned>(*index);
  NlRequest req(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof ifa);
  std::size_t len = family == AF_INET ? 4 : 16;
  req.attr(IFA_LOCAL, addr, len);
  req.attr(IFA_ADDRESS, addr, len);
  return req.send("add address " + cidr + " to " + ifname);
}

}  // namespace p4wb::runtime::detail
