// Shared helpers of the runtime tests: fixture paths, a test packet builder, readText,
// CHECK_OK for Result/Status, and a main() that skips visibly (exit 77) without root.
#pragma once

#include <QtTest>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/hex.h"
#include "runtime/result.h"

namespace p4wb::runtime::test {

inline const char* kFixture = P4WB_RUNTIME_FIXTURE_DIR "/xdp_fixture.o";

// Ethernet + IPv4 header to dst; the rest of the frame is padding.
inline std::vector<std::uint8_t> ipv4Packet(const std::string& dst) {
  std::string hex = "ff ff ff ff ff ff 02 00 00 00 00 aa 08 00 "  // eth
                    "45 00 00 2e 00 00 00 00 40 11 00 00 0a 00 00 01 " + dst +  // ipv4
                    " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
  return *parseHex(hex);
}

// The whole file, or "" when it cannot be read.
inline std::string readText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string describe(const Error& e) { return e.render() + (e.detail.empty() ? "" : "\n" + e.detail); }

// Value of a Result, or (after logging the error) a default value so the following
// QCOMPARE fails cleanly instead of the test crashing.
template <typename T>
T take(Result<T> r) {
  if (r.ok()) return std::move(r).value();
  qWarning("unexpected error: %s", describe(r.error()).c_str());
  return T{};
}

}  // namespace p4wb::runtime::test

#define CHECK_OK(expr)                                                          \
  do {                                                                          \
    auto&& _r = (expr);                                                         \
    QVERIFY2(_r.ok(), _r.ok() ? "" : p4wb::runtime::test::describe(_r.error()).c_str()); \
  } while (0)

// QTEST_GUILESS_MAIN, but exit 77 with a visible reason when not root.
#define P4WB_KERNEL_TEST_MAIN(TestClass)                                           \
  int main(int argc, char** argv) {                                               \
    if (geteuid() != 0) {                                                         \
      std::printf("SKIP: needs root (loads BPF programs, creates network namespaces)\n"); \
      return 77;                                                                  \
    }                                                                             \
    QCoreApplication app(argc, argv);                                             \
    TestClass test;                                                               \
    return QTest::qExec(&test, argc, argv);                                       \
  }
