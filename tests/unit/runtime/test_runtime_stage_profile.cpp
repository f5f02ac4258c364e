// Edge-counted stage counters (compiler/lower/stage_profile.h) against per-stage ones,
// in the kernel (root only; exit 77 otherwise): every example is compiled both ways
// (--stage-counters=edges and =all), its STF script and then each of its packets again
// run through both programs, and every stage's derived count must equal the per-stage
// count, in total and per packet (traceRun). A parser loop and a program without tables
// join the examples.
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "runtime/counters.h"
#include "runtime/loaded_program.h"
#include "runtime/stf.h"
#include "runtime/test_run.h"
#include "tests/unit/runtime/kernel_test_util.h"

using namespace p4wb::runtime;
using namespace p4wb::runtime::test;

namespace {

// A parser state entered up to 4 times per packet, and one that loops until it rejects.
const char* kLoopProgram = R"(#include <core.p4>
#include <xdp_model.p4>
header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header n_t { bit<8> n; }
struct hdrs_t { eth_t eth; n_t n; }
parser p(packet_in pkt, out hdrs_t h) {
    bit<8> left;
    state start { pkt.extract(h.eth); pkt.extract(h.n); left = h.n.n;
                  transition select(left) { 0: accept; 255: spin; default: skip; } }
    state skip { pkt.advance(8); left = left - 1; transition select(left) { 0: accept; default: skip; } }
    state spin { transition spin; }
}
control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        if (h.eth.type == 0x0800) { xout.output_action = xdp_action.XDP_TX; }
        else if (h.n.n == 2) { xout.output_action = xdp_action.XDP_DROP; }
    }
}
control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }
xdp(p(), c(), d()) main;
)";

const char* kLoopPackets =
    "packet 0 020000000002 020000000001 0800 00\n"
    "packet 0 020000000002 020000000001 0800 03 aabbccdd\n"
    "packet 0 020000000002 020000000001 1234 02 aabbcc\n"
    "packet 0 020000000002 020000000001 1234 04 aa\n"
    "packet 0 020000000002 020000000001 1234 ff\n"
    "packet 0 020000000002 020000000001 1234\n";

Result<LoadedProgram> build(const std::string& path, const std::string& text, bool perStage,
                            std::string& diagnostics) {
  p4wb::compiler::CompileOptions o;
  o.inputPath = path;
  if (!text.empty()) o.inputText = text;
  o.stageCountersPerStage = perStage;
  o.wantIR = o.wantAsm = false;
  p4wb::compiler::CompileResult r = p4wb::compiler::compile(o);
  for (const auto& d : r.diagnostics) diagnostics += d.render() + "\n";
  if (!r.ok) return makeError(EINVAL, "compilation failed");
  Result<ObjectSpec> spec = ObjectSpec::fromBytes(std::move(r.object), r.schemaJson);
  if (!spec) return spec.error();
  return LoadedProgram::load(*spec);
}

// The bytes of every `packet PORT HEX...` line.
std::vector<std::vector<std::uint8_t>> packetsOf(const std::string& script) {
  std::vector<std::vector<std::uint8_t>> out;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string verb, port, hex, word;
    words >> verb >> port;
    if (verb != "packet") continue;
    while (words >> word) hex += word;
    if (auto bytes = parseHex(hex); bytes && bytes->size() >= 14) out.push_back(*bytes);
  }
  return out;
}

std::string render(const std::vector<StageCount>& counts) {
  std::string s;
  for (const StageCount& c : counts) s += c.stage.kind + ":" + c.stage.name + "=" + std::to_string(c.count) + " ";
  return s;
}

}  // namespace

class RuntimeStageProfileTest : public QObject {
  Q_OBJECT

 private slots:
  void sameCountsAsPerStage_data() {
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("script");
    for (const char* name : {"basic_fwd", "l2_switch", "l3_router", "acl_firewall", "vxlan_gateway", "l4_lb",
                             "conntrack", "vswitch"}) {
      std::string stf = readText(std::string(P4WB_SOURCE_DIR "/tests/examples/") + name + ".stf");
      if (stf.empty())  // basic_fwd has no STF: a few frames against its empty table
        stf = "packet 0 020000000002 020000000001 0800 4500001c000000004011 64cd 0a000001 0a010203 04d2005000080000\n"
              "packet 0 020000000002 020000000001 0806 0001\n"
              "packet 0 020000000002 020000000001 0800 4500\n";
      QTest::newRow(name) << QString(P4WB_SOURCE_DIR "/resources/examples/%1.p4").arg(name) << QString()
                          << QString::fromStdString(stf);
    }
    QTest::newRow("parser loop") << "loop.p4" << kLoopProgram << kLoopPackets;
  }

  void sameCountsAsPerStage() {
    QFETCH(QString, program);
    QFETCH(QString, text);
    QFETCH(QString, script);
    std::string diagnostics;
    Result<LoadedProgram> edges = build(program.toStdString(), text.toStdString(), false, diagnostics);
    Result<LoadedProgram> all = build(program.toStdString(), text.toStdString(), true, diagnostics);
    QVERIFY2(edges.ok() && all.ok(), diagnostics.c_str());
    CHECK_OK(edges);
    CHECK_OK(all);
    QVERIFY(edges->schema().stages.at(0).formula.has_value());
    QVERIFY(!all->schema().stages.at(0).formula.has_value());

    // The whole script (table entries, then its packets): the same totals.
    StfReport reportEdges = take(runStf(*edges, script.toStdString()));
    StfReport reportAll = take(runStf(*all, script.toStdString()));
    QCOMPARE(reportEdges.log, reportAll.log);
    QVERIFY(reportAll.packets > 0);
    std::vector<StageCount> countsEdges = take(readStageCounters(*edges));
    std::vector<StageCount> countsAll = take(readStageCounters(*all));
    QCOMPARE(render(countsEdges), render(countsAll));

    // Each packet once more, alone: the same stages with the same counts.
    for (const std::vector<std::uint8_t>& packet : packetsOf(script.toStdString())) {
      TraceResult traceEdges = take(traceRun(*edges, packet));
      TraceResult traceAll = take(traceRun(*all, packet));
      QCOMPARE(traceEdges.run.retval, traceAll.run.retval);
      QCOMPARE(render(traceEdges.stages), render(traceAll.stages));
      QVERIFY(!traceAll.stages.empty());
    }
    CHECK_OK(resetStageCounters(*edges));
    for (const StageCount& c : take(readStageCounters(*edges))) QCOMPARE(c.count, std::uint64_t(0));
  }
};

P4WB_KERNEL_TEST_MAIN(RuntimeStageProfileTest)
#include "test_runtime_stage_profile.moc"
