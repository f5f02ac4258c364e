#include "runtime/pcap.h"

#include <cstring>
#include <fstream>

#include "runtime/object_spec.h"

namespace p4wb::runtime {

namespace {

constexpr std::uint32_t kMagicMicro = 0xa1b2c3d4;
constexpr std::uint32_t kMagicNano = 0xa1b23c4d;
constexpr std::uint32_t kLinkEthernet = 1;
constexpr std::size_t kFileHeader = 24, kRecordHeader = 16;

std::uint32_t read32(const std::uint8_t* p, bool swap) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return swap ? __builtin_bswap32(v) : v;
}

}  // namespace

Result<std::vector<std::vector<std::uint8_t>>> readPcap(const std::string& path) {
  Result<std::vector<std::uint8_t>> file = readFileBytes(path);
  if (!file) return file.error();
  const std::vector<std::uint8_t>& b = *file;
  if (b.size() < kFileHeader) return makeError(EINVAL, path + ": too short for a pcap file");
  std::uint32_t magic = read32(b.data(), false);
  bool swap = magic == __builtin_bswap32(kMagicMicro) || magic == __builtin_bswap32(kMagicNano);
  if (!swap && magic != kMagicMicro && magic != kMagicNano)
    return makeError(EINVAL, path + ": not a classic pcap file (pcapng is not supported)");
  std::uint32_t link = read32(b.data() + 20, swap);
  if (link != kLinkEthernet)
    return makeError(EINVAL, path + ": link type " + std::to_string(link) + " (only Ethernet is supported)");
  std::vector<std::vector<std::uint8_t>> packets;
  std::size_t pos = kFileHeader;
  while (pos < b.size()) {
    if (b.size() - pos < kRecordHeader) return makeError(EINVAL, path + ": truncated record header");
    std::uint32_t captured = read32(b.data() + pos + 8, swap);
    pos += kRecordHeader;
    if (captured > b.size() - pos) return makeError(EINVAL, path + ": truncated packet " + std::to_string(packets.size() + 1));
    packets.emplace_back(b.begin() + static_cast<long>(pos), b.begin() + static_cast<long>(pos + captured));
    pos += captured;
  }
  return packets;
}

Status writePcap(const std::string& path, const std::vector<std::vector<std::uint8_t>>& packets) {
  std::vector<std::int64_t> ts;
  for (std::size_t i = 0; i < packets.size(); ++i) ts.push_back(static_cast<std::int64_t>(i) * 1000);
  return writePcap(path, packets, ts);
}

Status writePcap(const std::string& path, const std::vector<std::vector<std::uint8_t>>& packets,
                 const std::vector<std::int64_t>& timestampsNs) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return makeError(errno ? errno : EIO, "cannot write " + path);
  auto put32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
  auto put16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
  put32(kMagicMicro);
  put16(2);  // version 2.4
  put16(4);
  put32(0);  // thiszone
  put32(0);  // sigfigs
  put32(65535);  // snaplen
  put32(kLinkEthernet);
  for (std::size_t i = 0; i < packets.size(); ++i) {
    const auto& p = packets[i];
    std::int64_t ns = i < timestampsNs.size() ? timestampsNs[i] : 0;
    put32(static_cast<std::uint32_t>(ns / 1000000000));
    put32(static_cast<std::uint32_t>((ns % 1000000000) / 1000));
    put32(static_cast<std::uint32_t>(p.size()));
    put32(static_cast<std::uint32_t>(p.size()));
    out.write(reinterpret_cast<const char*>(p.data()), static_cast<std::streamsize>(p.size()));
  }
  out.close();
  if (!out) return makeError(EIO, "cannot write " + path);
  return {};
}

}  // namespace p4wb::runtime
