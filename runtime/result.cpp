#include "runtime/result.h"

#include <cstring>
#include <cstdlib>

namespace p4wb::runtime {

std::string Error::render() const {
  if (errnum == 0) return message;
  return message + " (" + std::strerror(errnum) + ")";
}

Error makeError(int errnum, std::string message, std::string detail) {
  return Error{std::abs(errnum), std::move(message), std::move(detail)};
}

}  // namespace p4wb::runtime
