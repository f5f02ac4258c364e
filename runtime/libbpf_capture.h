// Internal (not part of the public API): collects libbpf's log messages emitted on the
// current thread while a LibbpfCapture is alive, so a failed load can return them in
// Error::detail instead of printing to stderr. libbpf's print hook is process-wide; we
// install ours once and route by thread. Messages outside a capture are dropped unless
// P4WB_LIBBPF_DEBUG is set in the environment (then they go to stderr).
#pragma once

#include <string>

namespace p4wb::runtime::detail {

class LibbpfCapture {
 public:
  LibbpfCapture();
  ~LibbpfCapture();
  LibbpfCapture(const LibbpfCapture&) = delete;
  LibbpfCapture& operator=(const LibbpfCapture&) = delete;

  const std::string& text() const { return m_text; }

 private:
  std::string m_text;
  std::string* m_previous = nullptr;
};

}  // namespace p4wb::runtime::detail
