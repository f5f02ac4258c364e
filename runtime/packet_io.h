// Raw frames on real interfaces with AF_PACKET, in any named network namespace: send
// frames out of an interface and capture what arrives (both directions) for pcap files.
// The socket is opened inside the namespace on a worker thread; the calling thread's
// namespace never changes.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/result.h"
#include "runtime/unique_fd.h"

namespace p4wb::runtime {

// A raw AF_PACKET socket bound to ifname in netns ("" = current). ENODEV naming the
// interface when it does not exist.
Result<UniqueFd> openPacketSocket(const std::string& netns, const std::string& ifname);

// Sends every frame `count` times (frame order kept within each round). Returns the
// number of frames sent.
Result<std::size_t> sendFrames(const std::string& netns, const std::string& ifname,
                               const std::vector<std::vector<std::uint8_t>>& frames,
                               unsigned count = 1);

struct CapturedFrame {
  std::vector<std::uint8_t> data;
  std::int64_t timestampNs = 0;  // CLOCK_REALTIME
  bool outgoing = false;  // sent by this host on the interface
};

struct CaptureLimits {
  std::size_t count = 0;  // stop after this many frames (0 = no limit)
  double seconds = 0;  // stop after this long (0 = no limit; then count must be > 0)
  const std::atomic<bool>* stop = nullptr;  // optional: stop when it becomes true
  bool includeOutgoing = true;
};

// What a capture got, also when the interface disappeared part way.
struct CaptureOutcome {
  std::vector<CapturedFrame> frames;
  // errnum != 0 when the capture ended early because the interface went away (deleted,
  // or its namespace deleted); frames holds everything received until then.
  Error interrupted;
};

// Captures on ifname until a limit is reached or the interface goes away. Fails only
// when nothing could be captured at all (no such interface, no socket); EINVAL when no
// limit is given.
Result<CaptureOutcome> captureUntil(const std::string& netns, const std::string& ifname,
                                    const CaptureLimits& limits);

// Same, but an interface that goes away is an error (the frames so far are dropped).
Result<std::vector<CapturedFrame>> captureFrames(const std::string& netns, const std::string& ifname,
                                                 const CaptureLimits& limits);

}  // namespace p4wb::runtime
