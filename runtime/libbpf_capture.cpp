#include "runtime/libbpf_capture.h"

#include <bpf/libbpf.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string_view>
#include <algorithm>

namespace p4wb::runtime::detail {

namespace {

thread_local std::string* t_sink = nullptr;

int printToSink(enum libbpf_print_level level, const char* format, va_list args) {
  if (!t_sink) {
    if (std::getenv("P4WB_LIBBPF_DEBUG")) return std::vfprintf(stderr, format, args);
    return 0;
  }
  if (level == LIBBPF_DEBUG && !std::getenv("P4WB_LIBBPF_DEBUG")) return 0;
  char buffer[1024];
  int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  // The verifier log is returned separately (LoadOptions); libbpf's copy is truncated.
  if (n > 0 && std::string_view(buffer).find("BEGIN PROG LOAD LOG") != std::string_view::npos) return n;
  if (n > 0) t_sink->append(buffer, std::min<std::size_t>(static_cast<std::size_t>(n), sizeof buffer - 1));
  return n;
}

}  // namespace

LibbpfCapture::LibbpfCapture() {
  static std::once_flag once;
  std::call_once(once, [] { libbpf_set_print(printToSink); });
  m_previous = t_sink;
  t_sink = &m_text;
}

LibbpfCapture::~LibbpfCapture() { t_sink = m_previous; }

}  // namespace p4wb::runtime::detail
