// p4wb_hash (resources/p4include/p4wb_externs.p4) is 32-bit FNV-1a over the packed bytes
// of its data. The reference below is checked against published FNV-1a vectors, then
// programs hashing constant data are compiled: LLVM folds the hash, so a program whose
// expected value matches has no XDP_DROP path left, one with a wrong value keeps it.
// Rows cover the layout rules a C baseline must follow: fields in order, each in
// ceil(bits/8) bytes, big-endian, bool as one byte, truncation to the result width.
#include <QtTest>

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"

using namespace p4wb::compiler;

namespace {

std::uint32_t fnv1a(const std::vector<std::uint8_t>& bytes) {
  std::uint32_t h = 0x811c9dc5u;
  for (std::uint8_t b : bytes) h = (h ^ b) * 0x01000193u;
  return h;
}

std::vector<std::uint8_t> bytesOf(const std::string& s) { return {s.begin(), s.end()}; }

// A program that drops only when p4wb_hash<bit<W>>(data) != expected.
std::string program(const std::string& decls, const std::string& setup, unsigned width,
                    const std::string& data, std::uint32_t expected) {
  return "#include <core.p4>\n#include <xdp_model.p4>\n" + decls +
         "struct hdrs_t {}\n"
         "parser p(packet_in pkt, out hdrs_t h) { state start { transition accept; } }\n"
         "control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {\n"
         "  apply {\n"
         "    xout.output_action = xdp_action.XDP_TX;\n" + setup +
         "    if (p4wb_hash<bit<" + std::to_string(width) + ">, _>(" + data + ") != " +
         std::to_string(width) + "w" + std::to_string(expected) + ") {\n"
         "      xout.output_action = xdp_action.XDP_DROP;\n"
         "    }\n"
         "  }\n"
         "}\n"
         "control d(in hdrs_t h, packet_out pkt) { apply {} }\n"
         "xdp(p(), c(), d()) main;\n";
}

// Whether the compiled program can still return XDP_DROP (1).
bool canDrop(const std::string& text, std::string* diagnostics) {
  CompileOptions o;
  o.inputPath = "hash.p4";
  o.inputText = text;
  o.stageCounters = false;
  o.wantAsm = false;
  o.verifyIR = true;
  CompileResult r = compile(o);
  for (const Diagnostic& d : r.diagnostics) *diagnostics += d.render() + "\n";
  if (!r.ok) return true;
  return r.irText.find("ret i32 1") != std::string::npos ||
         r.irText.find("i32 1, label") != std::string::npos ||
         r.irText.find("select i1") != std::string::npos;
}

}  // namespace

class TestExternHash : public QObject {
  Q_OBJECT
 private slots:
  void referenceMatchesPublishedVectors() {
    QCOMPARE(fnv1a({}), 0x811c9dc5u);
    QCOMPARE(fnv1a(bytesOf("a")), 0xe40c292cu);
    QCOMPARE(fnv1a(bytesOf("foobar")), 0xbf9cf968u);
  }

  void compiledHash_data() {
    QTest::addColumn<QString>("decls");
    QTest::addColumn<QString>("setup");
    QTest::addColumn<unsigned>("width");
    QTest::addColumn<QString>("data");
    QTest::addColumn<quint32>("expected");
    QTest::newRow("one byte 'a'") << "" << "" << 32u << "8w0x61" << quint32(fnv1a(bytesOf("a")));
    QTest::newRow("list 'foobar'") << "" << "" << 32u
                                    << "{ 8w0x66, 8w0x6f, 8w0x6f, 8w0x62, 8w0x61, 8w0x72 }"
                                    << quint32(fnv1a(bytesOf("foobar")));
    QTest::newRow("bit<48> big-endian") << "" << "" << 32u << "48w0x666f6f626172"
                                        << quint32(fnv1a(bytesOf("foobar")));
    // 12 bits take 2 bytes, value in the low bits: 0x0a0b -> 0a 0b.
    QTest::newRow("bit<12> in two bytes") << "" << "" << 32u << "{ 12w0xa0b, 8w1 }"
                                          << quint32(fnv1a({0x0a, 0x0b, 0x01}));
    QTest::newRow("struct with bool")
        << "struct k_t { bit<32> a; bool b; bit<16> c; }\n"
        << "    k_t k;\n    k.a = 32w0x0a000001;\n    k.b = true;\n    k.c = 16w53;\n" << 32u
        << "k"
        << quint32(fnv1a({0x0a, 0x00, 0x00, 0x01, 0x01, 0x00, 0x35}));
    QTest::newRow("truncated to bit<16>") << "" << "" << 16u << "8w0x61"
                                          << quint32(fnv1a(bytesOf("a")) & 0xffffu);
  }

  void compiledHash() {
    QFETCH(QString, decls);
    QFETCH(QString, setup);
    QFETCH(unsigned, width);
    QFETCH(QString, data);
    QFETCH(quint32, expected);
    std::string diags;
    bool drops = canDrop(program(decls.toStdString(), setup.toStdString(), width, data.toStdString(), expected), &diags);
    QVERIFY2(!drops, diags.c_str());
    // The check has teeth: a wrong expected value leaves the drop in.
    std::uint32_t wrong = (expected + 1) & (width == 32 ? 0xffffffffu : (1u << width) - 1);
    diags.clear();
    QVERIFY2(canDrop(program(decls.toStdString(), setup.toStdString(), width, data.toStdString(), wrong), &diags),
             "a wrong expected value must keep the XDP_DROP path");
  }
};

QTEST_GUILESS_MAIN(TestExternHash)
#include "test_extern_hash.moc"
