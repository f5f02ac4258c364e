// Key literals of ternary/range tables (field_codec parseMatch/formatMatch) and the slot
// encoding of scanned tables (table_scan.h): forms, round trips, errors, priorities.
// No kernel needed.
#include <QtTest/QtTest>

#include "runtime/field_codec.h"
#include "runtime/schema.h"
#include "runtime/table.h"
#include "runtime/table_scan.h"

using namespace p4wb::runtime;

namespace {

FieldLayout ipv4Field() { return {"hdr.ipv4.dstAddr", 32, 0, 4, ByteOrder::Network, "ipv4"}; }
FieldLayout portField() { return {"hdr.udp.dstPort", 16, 4, 2, ByteOrder::Network, "dec"}; }

// A scanned table with keys (dstAddr: ternary, dstPort: range, proto: exact), value 8.
std::string scanSchemaText(bool largestWins) {
  return std::string(R"({"schema_version":1,"program":{"arch":"xdp"},"tables":[{"name":"ingress.acl",
    "map":"ingress_acl","map_type":"array","max_entries":16,"key_size":7,"value_size":8,
    "keys":[{"name":"hdr.ipv4.dstAddr","match":"ternary","bits":32,"offset":0,"bytes":4,"format":"ipv4"},
            {"name":"hdr.udp.dstPort","match":"range","bits":16,"offset":4,"bytes":2,"format":"dec"},
            {"name":"hdr.ipv4.protocol","match":"exact","bits":8,"offset":6,"bytes":1,"format":"dec"}],
    "action_id":{"offset":0,"bytes":4,"byte_order":"host"},
    "actions":[{"name":"ingress.fwd","id":1,"params":[{"name":"port","bits":32,"offset":4,"bytes":4,"format":"dec"}]}],
    "scan":{"layout":"priority_array","slots":16,"map_entries":33,"slot_size":48,
      "control":{"index":0,"count_bits":31,"active_bit":31},"value_offset":0,
      "priority":{"offset":8,"bytes":4,"byte_order":"host"},"key_offset":16,"mask_offset":24,"key_bytes":8,
      "ranges":[{"key":1,"lo":32,"hi":40,"bytes":8,"byte_order":"host"}],
      "largest_priority_wins":)") +
         (largestWins ? "true" : "false") + R"(,"priority_delta":1}}]})";
}

}  // namespace

class TestRuntimeMatch : public QObject {
  Q_OBJECT

 private slots:
  void parsesForms_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("value");
    QTest::addColumn<quint64>("mask");
    QTest::addColumn<QString>("printed");
    const int t = int(MatchKind::Ternary), l = int(MatchKind::Lpm), e = int(MatchKind::Exact);
    QTest::newRow("plain") << t << "10.0.0.1" << 0x0a000001ull << 0xffffffffull << "10.0.0.1";
    QTest::newRow("&&&") << t << "10.1.2.3&&&255.255.0.0" << 0x0a010000ull << 0xffff0000ull
                         << "10.1.0.0&&&255.255.0.0";
    QTest::newRow("nikss ^") << t << "10.0.0.0^255.0.0.0" << 0x0a000000ull << 0xff000000ull
                             << "10.0.0.0&&&255.0.0.0";
    QTest::newRow("v/len") << t << "10.0.0.0/8" << 0x0a000000ull << 0xff000000ull << "10.0.0.0&&&255.0.0.0";
    QTest::newRow("stf *") << t << "0x0a01****" << 0x0a010000ull << 0xffff0000ull << "10.1.0.0&&&255.255.0.0";
    QTest::newRow("stf * low") << t << "0x**01" << 0x1ull << 0xffull << "0.0.0.1&&&0.0.0.255";
    QTest::newRow("don't care") << t << "_" << 0ull << 0ull << "_";
    QTest::newRow("star") << t << "*" << 0ull << 0ull << "_";
    QTest::newRow("lpm prefix") << l << "10.1.0.0/16" << 0x0a010000ull << 0xffff0000ull << "10.1.0.0/16";
    QTest::newRow("lpm as mask") << l << "10.0.0.0&&&255.0.0.0" << 0x0a000000ull << 0xff000000ull << "10.0.0.0/8";
    QTest::newRow("exact _") << e << "_" << 0ull << 0ull << "_";
  }
  void parsesForms() {
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(quint64, value);
    QFETCH(quint64, mask);
    QFETCH(QString, printed);
    Result<MatchValue> m = parseMatch(ipv4Field(), MatchKind(kind), text.toStdString());
    QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
    QCOMPARE(quint64(m->value), value);
    QCOMPARE(quint64(m->mask), mask);
    QCOMPARE(QString::fromStdString(formatMatch(ipv4Field(), MatchKind(kind), *m)), printed);
    Result<MatchValue> again = parseMatch(ipv4Field(), MatchKind(kind), formatMatch(ipv4Field(), MatchKind(kind), *m));
    QVERIFY(again.ok() && again->value == m->value && again->mask == m->mask);
  }

  void parsesRanges() {
    FieldLayout f = portField();
    Result<MatchValue> m = parseMatch(f, MatchKind::Range, "1000..1999");
    QVERIFY(m.ok() && m->lo == 1000 && m->hi == 1999);
    m = parseMatch(f, MatchKind::Range, "80->90");
    QVERIFY(m.ok() && m->lo == 80 && m->hi == 90);
    QCOMPARE(formatMatch(f, MatchKind::Range, *m), std::string("80..90"));
    m = parseMatch(f, MatchKind::Range, "443");
    QVERIFY(m.ok() && m->lo == 443 && m->hi == 443);
    QCOMPARE(formatMatch(f, MatchKind::Range, *m), std::string("443"));
    m = parseMatch(f, MatchKind::Range, "_");
    QVERIFY(m.ok() && m->lo == 0 && m->hi == 65535);
    QCOMPARE(formatMatch(f, MatchKind::Range, *m), std::string("_"));
  }

  void refusesBadForms_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("lo > hi") << int(MatchKind::Range) << "9..1" << "lo > hi";
    QTest::newRow("mask on range") << int(MatchKind::Range) << "1&&&3" << "lo..hi";
    QTest::newRow("mask on exact") << int(MatchKind::Exact) << "10.0.0.0&&&255.0.0.0" << "plain value";
    QTest::newRow("lpm not a prefix") << int(MatchKind::Lpm) << "10.0.0.0&&&255.0.255.0" << "not a prefix";
    QTest::newRow("prefix too long") << int(MatchKind::Ternary) << "10.0.0.0/33" << "0..32";
    QTest::newRow("too wide") << int(MatchKind::Ternary) << "0x1*********" << "does not fit";
  }
  void refusesBadForms() {
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(QString, message);
    FieldLayout f = MatchKind(kind) == MatchKind::Range ? portField() : ipv4Field();
    Result<MatchValue> m = parseMatch(f, MatchKind(kind), text.toStdString());
    QVERIFY(!m.ok());
    QVERIFY2(QString::fromStdString(m.error().message).contains(message), m.error().message.c_str());
  }

  void encodesSlots() {
    Result<ProgramSchema> schema = parseSchema(scanSchemaText(true));
    QVERIFY2(schema.ok(), schema ? "" : schema.error().message.c_str());
    const TableSchema& t = schema->tables[0];
    QVERIFY(t.scan.has_value());
    Result<std::vector<std::uint8_t>> match = encodeKey(t, {"10.1.0.0&&&255.255.0.0", "1000..2000", "17"});
    QVERIFY2(match.ok(), match ? "" : match.error().message.c_str());
    QCOMPARE(match->size(), std::size_t(32));  // key 8 + mask 8 + lo 8 + hi 8
    const std::vector<std::uint8_t> key = {0x0a, 0x01, 0, 0, 0, 0, 17, 0};
    const std::vector<std::uint8_t> mask = {0xff, 0xff, 0, 0, 0, 0, 0xff, 0};
    QVERIFY(std::equal(key.begin(), key.end(), match->begin()));
    QVERIFY(std::equal(mask.begin(), mask.end(), match->begin() + 8));
    QCOMPARE(int((*match)[16]) | int((*match)[17]) << 8, 1000);  // lo, host order
    QCOMPARE(int((*match)[24]) | int((*match)[25]) << 8, 2000);
    Result<std::vector<std::string>> back = decodeKey(t, *match);
    QVERIFY(back.ok());
    QCOMPARE(*back, (std::vector<std::string>{"10.1.0.0&&&255.255.0.0", "1000..2000", "17"}));
    QVERIFY(!encodeKey(t, {"10.0.0.1", "1"}).ok());  // one key short
  }

  void ordersPriorities() {
    Result<ProgramSchema> largest = parseSchema(scanSchemaText(true));
    Result<ProgramSchema> smallest = parseSchema(scanSchemaText(false));
    QVERIFY(largest.ok() && smallest.ok());
    const TableSchema& l = largest->tables[0];
    const TableSchema& s = smallest->tables[0];
    QVERIFY(scanPriorityBeats(l, 20, 10) && !scanPriorityBeats(l, 10, 20));
    QVERIFY(scanPriorityBeats(s, 10, 20) && !scanPriorityBeats(s, 20, 10));
    QVERIFY(scanPriorityBeats(l, 1, 0) && scanPriorityBeats(s, 1, 0) && !scanPriorityBeats(s, 0, 1));
    // BMv2: the smallest number wins; converted so that stays true in P4 terms.
    QCOMPARE(*priorityFromBmv2(l, 5), std::uint32_t(16777216 - 5));
    QVERIFY(scanPriorityBeats(l, *priorityFromBmv2(l, 1), *priorityFromBmv2(l, 2)));
    QVERIFY(scanPriorityBeats(s, *priorityFromBmv2(s, 1), *priorityFromBmv2(s, 2)));
    QCOMPARE(*priorityFromBmv2(s, 0), std::uint32_t(1));
    QVERIFY(!priorityFromBmv2(l, -1).ok() && !priorityFromBmv2(l, 16777216).ok());
  }

  void rejectsBadScanSchema() {
    std::string text = scanSchemaText(true);
    text.replace(text.find("\"map_entries\":33"), 16, "\"map_entries\":32");
    Result<ProgramSchema> schema = parseSchema(text);
    QVERIFY(!schema.ok());
    QVERIFY(QString::fromStdString(schema.error().message).contains("map_entries"));
  }
};

QTEST_GUILESS_MAIN(TestRuntimeMatch)
#include "test_runtime_match.moc"
