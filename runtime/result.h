// Errors as values for the runtime: Result<T> holds either a T or an Error (errno plus
// a sentence, plus an optional long detail such as a verifier log). Nothing in
// p4wb_runtime exits, aborts or throws across its API; callers decide what to do.
#pragma once

#include <cerrno>
#include <string>
#include <utility>
#include <variant>

namespace p4wb::runtime {

struct Error {
  int errnum = 0;  // positive errno value (EINVAL, ENOENT, EPERM, ...); 0 if none applies
  std::string message;  // one sentence for a human, no trailing newline
  std::string detail;  // optional multi-line detail (e.g. the kernel verifier log)

  // "message (strerror)" when errnum != 0, else the message.
  std::string render() const;
};

// Builds an Error; errnum may be given negative (libbpf style), it is stored positive.
Error makeError(int errnum, std::string message, std::string detail = {});

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_data(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : m_data(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return m_data.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Preconditions: ok() for value(), !ok() for error().
  T& value() & { return std::get<0>(m_data); }
  const T& value() const& { return std::get<0>(m_data); }
  T&& value() && { return std::get<0>(std::move(m_data)); }
  const Error& error() const { return std::get<1>(m_data); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> m_data;
};

// Result of an operation that produces no value.
class [[nodiscard]] Status {
 public:
  Status() = default;  // success
  Status(Error error) : m_ok(false), m_error(std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const Error& error() const { return m_error; }  // meaningful only when !ok()

 private:
  bool m_ok = true;
  Error m_error;
};

}  // namespace p4wb::runtime
