// AF_PACKET send and capture (see packet_io.h).
#include "runtime/packet_io.h"

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>

#include <chrono>

#include "runtime/netns.h"

namespace p4wb::runtime {

Result<UniqueFd> openPacketSocket(const std::string& netns, const std::string& ifname) {
  return inNetns(netns, [&]() -> Result<UniqueFd> {
    unsigned index = if_nametoindex(ifname.c_str());
    if (index == 0)
      return makeError(ENODEV, "no interface " + ifname + (netns.empty() ? "" : " in netns " + netns));
    UniqueFd fd(socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL)));
    if (!fd.valid()) return makeError(errno, "cannot open an AF_PACKET socket");
    sockaddr_ll addr{};
    addr.sll_family = AF_PACKET;
    addr.sll_protocol = htons(ETH_P_ALL);
    addr.sll_ifindex = static_cast<int>(index);
    if (bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      return makeError(errno, "cannot bind an AF_PACKET socket to " + ifname);
    return fd;
  });
}

Result<std::size_t> sendFrames(const std::string& netns, const std::string& ifname,
                               const std::vector<std::vector<std::uint8_t>>& frames, unsigned count) {
  Result<UniqueFd> fd = openPacketSocket(netns, ifname);
  if (!fd) return fd.error();
  std::size_t sent = 0;
  for (unsigned round = 0; round < count; ++round)
    for (const auto& f : frames) {
      if (f.size() < ETH_HLEN) return makeError(EINVAL, "frame " + std::to_string(sent + 1) + " is shorter than an Ethernet header");
      if (send(fd->get(), f.data(), f.size(), 0) < 0) {
        int err = errno;
        if (err == ENXIO || err == ENODEV || err == ENETDOWN)
          return makeError(err, "interface " + ifname + " is gone or down after " + std::to_string(sent) + " frames");
        return makeError(err, "send failed after " + std::to_string(sent) + " frames");
      }
      ++sent;
    }
  return sent;
}

Result<CaptureOutcome> captureUntil(const std::string& netns, const std::string& ifname,
                                    const CaptureLimits& limits) {
  if (limits.count == 0 && limits.seconds <= 0 && !limits.stop)
    return makeError(EINVAL, "capture needs a frame count, a duration or a stop flag");
  Result<UniqueFd> fd = openPacketSocket(netns, ifname);
  if (!fd) return fd.error();
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(limits.seconds));
  CaptureOutcome out;
  std::vector<std::uint8_t> buf(65536);
  // Reads one frame (kept unless filtered out); false with *err set when none came.
  auto take = [&](int flags, int* err) {
    sockaddr_ll from{};
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(fd->get(), buf.data(), buf.size(), flags, reinterpret_cast<sockaddr*>(&from), &len);
    if (n < 0) {
      *err = errno;
      return false;
    }
    *err = 0;
    bool outgoing = from.sll_pkttype == PACKET_OUTGOING;
    if (outgoing && !limits.includeOutgoing) return true;
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    out.frames.push_back({std::vector<std::uint8_t>(buf.begin(), buf.begin() + n),
                          static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec, outgoing});
    return true;
  };
  // The socket reports the lost interface once (ENETDOWN) before the frames still
  // queued; keep those, then stop.
  auto gone = [&](int err) {
    int again = 0;
    while ((limits.count == 0 || out.frames.size() < limits.count) && take(MSG_DONTWAIT, &again)) {
    }
    out.interrupted = makeError(err, "interface " + ifname + " went away while capturing");
    return std::move(out);
  };
  while (limits.count == 0 || out.frames.size() < limits.count) {
    if (limits.stop && limits.stop->load()) break;
    int waitMs = 100;
    if (limits.seconds > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) break;
      waitMs = static_cast<int>(std::min<long long>(left, 100));
    }
    pollfd p{fd->get(), POLLIN, 0};
    int r = poll(&p, 1, waitMs);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return makeError(errno, "poll failed while capturing");
    if (r == 0) continue;
    int err = 0;
    if (take(MSG_DONTWAIT, &err)) continue;
    if (err == EAGAIN || err == EINTR) {
      if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return gone(ENODEV);
      continue;
    }
    if (err == ENETDOWN || err == ENXIO || err == ENODEV) return gone(err);
    return makeError(err, "receive failed while capturing");
  }
  return out;
}

Result<std::vector<CapturedFrame>> captureFrames(const std::string& netns, const std::string& ifname,
                                                 const CaptureLimits& limits) {
  Result<CaptureOutcome> r = captureUntil(netns, ifname, limits);
  if (!r) return r.error();
  if (r->interrupted.errnum != 0) return r->interrupted;
  return std::move(r->frames);
}

}  // namespace p4wb::runtime
