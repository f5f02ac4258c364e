// summarizeVerifierLog / describeVerifierFailure on verifier logs as kernels print them:
// the rejected instruction, the complaint, and the source line from BTF line info (a C
// fixture's and a P4 program's), plus logs without line info or without instructions.
#include <QtTest>

#include "runtime/verifier_log.h"

using namespace p4wb::runtime;

class TestVerifierLog : public QObject {
  Q_OBJECT

 private slots:
  void cFixtureLog() {
    const char* log =
        "0: R1=ctx() R10=fp0\n"
        "; unsigned char *data = (unsigned char *)(long)ctx->data; @ bad_fixture.c:8\n"
        "0: (61) r1 = *(u32 *)(r1 +0)          ; R1=pkt(r=0)\n"
        "; return data[12] == 0x08 ? XDP_PASS : XDP_DROP; @ bad_fixture.c:9\n"
        "1: (71) r1 = *(u8 *)(r1 +12)\n"
        "invalid access to packet, off=12 size=1, R1(id=0,off=12,r=0)\n"
        "R1 offset is outside of the packet\n"
        "processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
    VerifierFailure f = summarizeVerifierLog(log);
    QCOMPARE(f.insn, 1);
    QCOMPARE(QString::fromStdString(f.instruction), QStringLiteral("r1 = *(u8 *)(r1 +12)"));
    QCOMPARE(QString::fromStdString(f.file), QStringLiteral("bad_fixture.c"));
    QCOMPARE(f.line, 9);
    QCOMPARE(QString::fromStdString(f.sourceText), QStringLiteral("return data[12] == 0x08 ? XDP_PASS : XDP_DROP;"));
    QCOMPARE(QString::fromStdString(f.reason), QStringLiteral("invalid access to packet, off=12 size=1, R1(id=0,off=12,r=0)"));
    QCOMPARE(QString::fromStdString(describeVerifierFailure(f)),
             QStringLiteral("at bad_fixture.c:9 (`return data[12] == 0x08 ? XDP_PASS : XDP_DROP;`), insn 1: "
                            "invalid access to packet, off=12 size=1, R1(id=0,off=12,r=0)"));
  }

  // A P4 program's line info points into the .p4 source; the failing instruction is the
  // last one printed, even after branches explored earlier on other lines.
  void p4LineAfterBranches() {
    const char* log =
        "; transition select(hdr.ethernet.etherType) { @ basic_fwd.p4:47\n"
        "4: (15) if r2 == 0x8 goto pc+3\n"
        "; packet.extract(hdr.ipv4); @ basic_fwd.p4:55\n"
        "8: (71) r3 = *(u8 *)(r1 +22)\n"
        "from 4 to 8: R1=pkt(r=14) R2=8\n"
        "; hdr.ipv4.ttl = hdr.ipv4.ttl - 1; @ basic_fwd.p4:66\n"
        "12: (73) *(u8 *)(r1 +22) = r3\n"
        "invalid access to packet, off=22 size=1, R1(id=0,off=22,r=14)\n"
        "processed 14 insns (limit 1000000)\n"
        "-- libbpf --\n"
        "libbpf: prog 'p4wb_xdp': failed to load: -13\n";
    VerifierFailure f = summarizeVerifierLog(log);
    QCOMPARE(f.insn, 12);
    QCOMPARE(QString::fromStdString(f.file), QStringLiteral("basic_fwd.p4"));
    QCOMPARE(f.line, 66);
    QCOMPARE(QString::fromStdString(f.sourceText), QStringLiteral("hdr.ipv4.ttl = hdr.ipv4.ttl - 1;"));
    QVERIFY(QString::fromStdString(f.reason).startsWith(QStringLiteral("invalid access to packet, off=22")));
  }

  void noLineInfo() {
    VerifierFailure f = summarizeVerifierLog("0: (b7) r0 = 0\n1: (95) exit\nR0 !read_ok\nprocessed 2 insns\n");
    QCOMPARE(f.insn, 1);
    QVERIFY(f.file.empty());
    QCOMPARE(f.line, 0);
    QCOMPARE(QString::fromStdString(describeVerifierFailure(f)), QStringLiteral("insn 1: R0 !read_ok"));
  }

  // Rejected before any instruction (bad BTF, map or program type): only the complaint.
  void noInstruction() {
    VerifierFailure f = summarizeVerifierLog("\nunknown func bpf_foo#999\nprocessed 0 insns\n");
    QCOMPARE(f.insn, -1);
    QCOMPARE(QString::fromStdString(describeVerifierFailure(f)), QStringLiteral("unknown func bpf_foo#999"));
    QCOMPARE(QString::fromStdString(describeVerifierFailure(summarizeVerifierLog(""))), QString());
  }

  void longSourceLineIsShortened() {
    std::string log = "; " + std::string(200, 'x') + " @ long.p4:3\n0: (95) exit\nbad\n";
    std::string text = describeVerifierFailure(summarizeVerifierLog(log));
    QVERIFY(text.size() < 140);
    QVERIFY(text.find("...") != std::string::npos);
    QVERIFY(text.find("long.p4:3") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestVerifierLog)
#include "test_runtime_verifier_log.moc"
