// Internal (not public API): the few rtnetlink requests the Lab needs — create a veth
// pair, bring a link up, add an address — so labs need no iproute2. Each acts in the
// calling thread's network namespace (use runInNetns).
#pragma once

#include <string>

#include "runtime/result.h"

namespace p4wb::runtime::detail {

// Creates veth pair a <-> b; b goes to the namespace open at peerNetnsFd (-1: stays here).
Status createVethPair(const std::string& a, const std::string& b, int peerNetnsFd);
Status setLinkUp(const std::string& ifname);
// GRO on a veth gives it a NAPI context, which native XDP_TX/REDIRECT from its peer
// needs to be delivered (ethtool ETHTOOL_SGRO).
Status setGro(const std::string& ifname, bool on);
// cidr: "10.0.0.1/24" or "fd00::1/64".
Status addAddress(const std::string& ifname, const std::string& cidr);

}  // namespace p4wb::runtime::detail
