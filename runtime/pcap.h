// Classic pcap files (libpcap format, Ethernet link type) read and written without
// libpcap: packets in for batch test runs, packets out for Wireshark.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/result.h"

namespace p4wb::runtime {

// Every packet of a pcap file (micro- or nanosecond timestamps, either byte order).
// EINVAL for other formats (pcapng) or link types other than Ethernet, naming the file.
Result<std::vector<std::vector<std::uint8_t>>> readPcap(const std::string& path);

// Writes packets as an Ethernet pcap with timestamps 0, 1 us, 2 us, ...
Status writePcap(const std::string& path, const std::vector<std::vector<std::uint8_t>>& packets);

// Same with real timestamps (nanoseconds since the epoch, one per packet; written with
// microsecond resolution).
Status writePcap(const std::string& path, const std::vector<std::vector<std::uint8_t>>& packets,
                 const std::vector<std::int64_t>& timestampsNs);

}  // namespace p4wb::runtime
