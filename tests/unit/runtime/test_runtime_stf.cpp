// STF script parsing and name resolution without a kernel: every command form, the
// p4c spellings (flattened table/action names, key.fieldN, _NoAction, '*' ternary
// digits, check_counter), wildcards and '$' in expectations, and the errors users get.
// The runtime headers come before Qt's: Qt defines `slots` as a macro.
#include "runtime/schema.h"
#include "runtime/stf_script.h"

#include <fstream>
#include <sstream>

#include <QtTest>

using namespace p4wb::runtime;

namespace {

std::string fixtureSchemaText() {
  std::ifstream in(P4WB_RUNTIME_DATA_DIR "/xdp_fixture.schema.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The fixture schema plus two CounterArray externs.
ProgramSchema schemaWithCounters() {
  std::string text = fixtureSchemaText();
  const std::string counters =
      R"("externs": [{"kind":"counter_array","name":"ingress.pkts","map":"ingress_pkts","map_type":"array",)"
      R"("max_entries":8,"key_size":4,"value_size":4},)"
      R"({"kind":"counter_array","name":"egress.pkts","map":"egress_pkts","map_type":"hash","max_entries":4}])";
  text.replace(text.find(R"("externs": [])"), 14, counters);
  Result<ProgramSchema> s = parseSchema(text);
  if (!s) qFatal("fixture schema: %s", s.error().message.c_str());
  return std::move(*s);
}

StfCommand parse(const std::string& line) {
  Result<StfCommand> c = parseStfLine(line);
  if (!c) qFatal("parse '%s': %s", line.c_str(), c.error().message.c_str());
  return std::move(*c);
}

}  // namespace

class RuntimeStfTest : public QObject {
  Q_OBJECT

 private slots:
  void addWithNamesPriorityAndEntryId() {
    StfCommand c = parse("ADD ingress.ipv4_fwd 10 hdr.ipv4.dstAddr:0x0a000002 ingress.forward(dmac:02:00:00:00:00:02, "
                         "smac : 0x0200000000aa) = A  # entry named A");
    QCOMPARE(c.kind, StfCommand::Kind::Add);
    QCOMPARE(c.table, std::string("ingress.ipv4_fwd"));
    QCOMPARE(c.priority, std::optional<int>(10));
    QCOMPARE(c.keys, (std::vector<StfNamedValue>{{"hdr.ipv4.dstAddr", "0x0a000002"}}));
    QCOMPARE(c.action, std::string("ingress.forward"));
    QCOMPARE(c.args, (std::vector<StfNamedValue>{{"dmac", "02:00:00:00:00:02"}, {"smac", "0x0200000000aa"}}));
  }

  void addPositionalMacAndIpv6AreValuesNotNames() {
    StfCommand c = parse("add t 02:00:00:00:00:01 fe80::1 aa:bb:cc:dd:ee:ff a:5 act()");
    QCOMPARE(c.priority, std::optional<int>());
    QCOMPARE(c.keys, (std::vector<StfNamedValue>{{"", "02:00:00:00:00:01"}, {"", "fe80::1"}, {"", "aa:bb:cc:dd:ee:ff"},
                                                  {"a", "5"}}));
    QVERIFY(c.args.empty());
    StfCommand named = parse("add t hdr.ip.src:fe80::1 hdr.ip.dst:2001:db8::/32 k:aa:bb:cc:dd:ee:ff 2001:db8::1&&&ffff:: act()");
    QCOMPARE(named.keys, (std::vector<StfNamedValue>{{"hdr.ip.src", "fe80::1"}, {"hdr.ip.dst", "2001:db8::/32"},
                                                      {"k", "aa:bb:cc:dd:ee:ff"}, {"", "2001:db8::1&&&ffff::"}}));
  }

  void setdefaultPacketExpect() {
    StfCommand d = parse("setdefault pipe_t pipe_Reject(rej:1)");
    QCOMPARE(d.kind, StfCommand::Kind::SetDefault);
    QCOMPARE(d.table, std::string("pipe_t"));
    QCOMPARE(d.action, std::string("pipe_Reject"));
    QCOMPARE(d.args, (std::vector<StfNamedValue>{{"rej", "1"}}));

    StfCommand p = parse("packet 0 00000000 ABCDEF01");
    QCOMPARE(p.kind, StfCommand::Kind::Packet);
    QCOMPARE(p.port, std::string("0"));
    QCOMPARE(p.data, std::string("00000000abcdef01"));

    StfCommand e = parse("expect 2 0000**00 AB*DEF $");
    QCOMPARE(e.kind, StfCommand::Kind::Expect);
    QCOMPARE(e.port, std::string("2"));
    QCOMPARE(e.data, std::string("0000**00ab*def"));
    QVERIFY(e.exactLength);
    QVERIFY(!e.anyPacket);
    QVERIFY(!e.isVerdictExpect());

    StfCommand any = parse("expect 5");
    QVERIFY(any.anyPacket);
    StfCommand v = parse("expect XDP_DROP");
    QVERIFY(v.isVerdictExpect());
    QVERIFY(!v.anyPacket);
    QCOMPARE(parse("expect accept 0a*").data, std::string("0a*"));
  }

  void checkCounterForms() {
    StfCommand c = parse("check_counter ingress.pkts(3) packets == 2");
    QCOMPARE(c.kind, StfCommand::Kind::CheckCounter);
    QCOMPARE(c.counter, std::string("ingress.pkts"));
    QCOMPARE(c.index, 3u);
    QCOMPARE(c.countType, std::string("packets"));
    QCOMPARE(c.op, std::string("=="));
    QCOMPARE(c.expected, std::uint64_t(2));
    StfCommand b = parse("check_counter pkts(0x10) bytes >= 0x40");
    QCOMPARE(b.index, 16u);
    QCOMPARE(b.countType, std::string("bytes"));
    QCOMPARE(b.op, std::string(">="));
    QCOMPARE(b.expected, std::uint64_t(64));
    StfCommand bare = parse("check_counter pkts(1)");
    QVERIFY(bare.op.empty());
    QCOMPARE(parse("check_counter c(0) != 7").op, std::string("!="));
    QVERIFY(!parseStfLine("check_counter pkts").ok());
    QVERIFY(!parseStfLine("check_counter pkts(x) == 1").ok());
    QVERIFY(!parseStfLine("check_counter pkts(1) =~ 1").ok());
    QVERIFY(!parseStfLine("check_counter pkts(1) == abc").ok());
  }

  void otherCommandsCommentsAndErrors() {
    QCOMPARE(parse("   # only a comment").kind, StfCommand::Kind::Nothing);
    QCOMPARE(parse("").kind, StfCommand::Kind::Nothing);
    QCOMPARE(parse("wait").kind, StfCommand::Kind::Nothing);
    QCOMPARE(parse("no_packet").kind, StfCommand::Kind::Nothing);
    QCOMPARE(parse("remove all").kind, StfCommand::Kind::RemoveAll);
    Result<StfCommand> bad = parseStfLine("frobnicate 1 2");
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.find("frobnicate") != std::string::npos);
    QVERIFY(!parseStfLine("packet 0 0g").ok());
    QVERIFY(!parseStfLine("packet x 00").ok());
    QVERIFY(!parseStfLine("expect 0 00 zz").ok());
    QVERIFY(!parseStfLine("expect 0 00 $ 11").ok());  // '$' only at the end
    QVERIFY(!parseStfLine("add t k:1 act(").ok());
    QVERIFY(!parseStfLine("add t k:1 act() junk").ok());
    QVERIFY(!parseStfLine("setdefault t").ok());

    Result<std::vector<StfCommand>> script = parseStfScript("# header\nadd t k:1 a()\n\npacket 0 00\nbogus\n");
    QVERIFY(!script.ok());
    QVERIFY2(script.error().message.rfind("line 5: ", 0) == 0, script.error().message.c_str());
    script = parseStfScript("add t k:1 a()\n# x\npacket 0 0011\nexpect 0 0011\n");
    QVERIFY(script.ok());
    QCOMPARE(script->size(), std::size_t(3));
    QCOMPARE((*script)[1].line, 3u);
    QCOMPARE((*script)[2].line, 4u);
  }

  void ternaryStarDigits() {
    QCOMPARE(stfTernaryValue("0x**01"), std::string("0x0001&&&0x00ff"));
    QCOMPARE(stfTernaryValue("0X1*"), std::string("0X10&&&0Xf0"));
    QCOMPARE(stfTernaryValue("0b1*0"), std::string("0b100&&&0b101"));
    QCOMPARE(stfTernaryValue("0x0a01"), std::string("0x0a01"));
    QCOMPARE(stfTernaryValue("10.0.0.0/8"), std::string("10.0.0.0/8"));
    QCOMPARE(stfTernaryValue("5&&&0xf"), std::string("5&&&0xf"));
  }

  void tableAndActionNames() {
    ProgramSchema s = schemaWithCounters();
    QCOMPARE((*stfFindTable(s, "ingress.ipv4_fwd"))->name, std::string("ingress.ipv4_fwd"));
    QCOMPARE((*stfFindTable(s, "ipv4_fwd"))->name, std::string("ingress.ipv4_fwd"));
    QCOMPARE((*stfFindTable(s, "ingress_routes"))->name, std::string("ingress.routes"));
    QCOMPARE(stfFindTable(s, "ingress_nosuch").error().errnum, ENOENT);
    const TableSchema& fwd = **stfFindTable(s, "ingress_ipv4_fwd");
    QCOMPARE((*stfFindAction(fwd, "ingress.forward"))->id, 1u);
    QCOMPARE((*stfFindAction(fwd, "ingress_forward"))->id, 1u);
    QCOMPARE((*stfFindAction(fwd, "pass_to_kernel"))->id, 3u);
    QCOMPARE((*stfFindAction(fwd, "ingress_pass_to_kernel"))->id, 3u);
    QVERIFY(*stfFindAction(fwd, "_NoAction") == nullptr);  // not listed: action id 0
    QVERIFY(*stfFindAction(fwd, "NoAction") == nullptr);
    QCOMPARE(stfFindAction(fwd, "ingress_nosuch").error().errnum, ENOENT);
  }

  void keyAndArgumentOrder() {
    ProgramSchema s = schemaWithCounters();
    const TableSchema& routes = **stfFindTable(s, "routes");
    using V = std::vector<std::string>;
    QCOMPARE(*stfOrderKeys(routes, {{"key.field1", "10.0.0.0/8"}, {"key.field0", "6"}}), (V{"6", "10.0.0.0/8"}));
    QCOMPARE(*stfOrderKeys(routes, {{"hdr.ipv4.dstAddr", "0x0a000000/8"}, {"hdr.ipv4.protocol", "17"}}),
             (V{"17", "0x0a000000/8"}));
    QCOMPARE(*stfOrderKeys(routes, {{"dstAddr", "1.2.3.4"}, {"protocol", "6"}}), (V{"6", "1.2.3.4"}));
    QCOMPARE(*stfOrderKeys(routes, {{"", "6"}, {"", "1.2.3.4"}}), (V{"6", "1.2.3.4"}));
    QCOMPARE(*stfOrderKeys(routes, {{"key.field0", "0x1*"}, {"key.field1", "1.2.3.4"}}), (V{"0x10&&&0xf0", "1.2.3.4"}));
    Result<std::vector<std::string>> wrongCount = stfOrderKeys(routes, {{"key.field0", "6"}});
    QVERIFY(!wrongCount.ok());
    QVERIFY2(wrongCount.error().message.find("hdr.ipv4.protocol, hdr.ipv4.dstAddr") != std::string::npos,
             wrongCount.error().message.c_str());
    QVERIFY(!stfOrderKeys(routes, {{"key.field0", "6"}, {"key.field7", "1"}}).ok());

    const TableSchema& fwd = **stfFindTable(s, "ipv4_fwd");
    const ActionSchema* forward = *stfFindAction(fwd, "forward");
    QCOMPARE(*stfOrderArgs(forward, {{"smac", "1"}, {"dmac", "2"}}), (V{"2", "1"}));
    QCOMPARE(*stfOrderArgs(forward, {{"", "1"}, {"", "2"}}), (V{"1", "2"}));
    QVERIFY(!stfOrderArgs(forward, {{"dmac", "1"}}).ok());
    QVERIFY(stfOrderArgs(nullptr, {}).ok());
    QVERIFY(!stfOrderArgs(nullptr, {{"x", "1"}}).ok());
  }

  void countersAndComparisons() {
    ProgramSchema s = schemaWithCounters();
    QCOMPARE(stfFindCounter(s, "ingress.pkts")->map, std::string("ingress_pkts"));
    QCOMPARE(stfFindCounter(s, "ingress_pkts")->name, std::string("ingress.pkts"));
    QCOMPARE(stfFindCounter(s, "egress.pkts")->mapType, std::string("hash"));
    QCOMPARE(stfFindCounter(s, "ingress.pkts")->maxEntries, 8u);
    Result<StfCounter> ambiguous = stfFindCounter(s, "pkts");
    QCOMPARE(ambiguous.error().errnum, EINVAL);
    Result<StfCounter> missing = stfFindCounter(s, "nosuch");
    QCOMPARE(missing.error().errnum, ENOENT);
    QVERIFY(missing.error().message.find("ingress.pkts") != std::string::npos);
    QVERIFY(stfCompare(2, "==", 2) && !stfCompare(2, "==", 3));
    QVERIFY(stfCompare(2, "!=", 3) && stfCompare(2, "<", 3) && stfCompare(3, "<=", 3));
    QVERIFY(stfCompare(4, ">", 3) && stfCompare(3, ">=", 3) && !stfCompare(2, ">=", 3));
    QVERIFY(!stfCompare(1, "=", 1));
  }
};

QTEST_GUILESS_MAIN(RuntimeStfTest)
#include "test_runtime_stf.moc"
