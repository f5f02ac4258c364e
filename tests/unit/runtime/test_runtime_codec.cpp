// Runtime tests that need no kernel: schema parsing and validation, literal parsing,
// field encoding/decoding (odd widths, both byte orders), table key/value encoding,
// hex packets, and reading the schema section out of an ELF object.
#include <QtTest>

#include <fstream>
#include <sstream>

#include "runtime/counters.h"
#include "runtime/field_codec.h"
#include "runtime/hex.h"
#include "runtime/object_spec.h"
#include "runtime/packet.h"
#include "runtime/pcap.h"
#include "runtime/privileges.h"
#include "tests/unit/runtime/kernel_test_util.h"

#include <unistd.h>
#include "runtime/schema.h"
#include "runtime/table.h"
#include "runtime/table_script.h"

using namespace p4wb::runtime;

namespace {

std::string fixtureSchemaText() { return test::readText(P4WB_RUNTIME_DATA_DIR "/xdp_fixture.schema.json"); }

// A minimal valid schema with one table whose single key is described by keyJson.
std::string schemaWithKey(const std::string& keyJson, int keySize = 4) {
  return R"({"schema_version":1,"program":{"arch":"xdp"},"tables":[{"name":"ingress.t","map":"m",
    "max_entries":4,"key_size":)" + std::to_string(keySize) + R"(,"value_size":4,"keys":[)" + keyJson +
         R"(],"action_id":{"offset":0,"bytes":4,"byte_order":"host"},"actions":[]}]})";
}

FieldLayout field(unsigned bits, const char* format, ByteOrder order = ByteOrder::Network, unsigned offset = 0) {
  FieldLayout f;
  f.name = "hdr.f";
  f.bits = bits;
  f.bytes = (bits + 7) / 8;
  f.offset = offset;
  f.byteOrder = order;
  f.format = format;
  return f;
}

}  // namespace

class RuntimeCodecTest : public QObject {
  Q_OBJECT

 private slots:
  void parsesFixtureSchema() {
    Result<ProgramSchema> schema = parseSchema(fixtureSchemaText());
    QVERIFY2(schema.ok(), schema.ok() ? "" : schema.error().render().c_str());
    QCOMPARE(schema->program.arch, std::string("xdp"));
    QCOMPARE(schema->sectionFor("xdp"), std::string("xdp"));
    QVERIFY(schema->stageCounters.has_value());
    QCOMPARE(schema->stageCounters->map, std::string("p4wb_stages"));
    QCOMPARE(schema->stages.size(), std::size_t(10));
    QCOMPARE(schema->stages[9].name, std::string("XDP_TX"));
    QCOMPARE(schema->stages[0].loc.line, 44u);
    QCOMPARE(schema->tables.size(), std::size_t(2));
    const TableSchema& t = schema->tables[0];
    QCOMPARE(t.keys.size(), std::size_t(1));
    QCOMPARE(t.keys[0].format, std::string("ipv4"));
    QVERIFY(t.keys[0].match == MatchKind::Exact);
    QCOMPARE(t.actionId.bytes, 4u);
    QVERIFY(t.actionId.byteOrder == ByteOrder::Host);
    QCOMPARE(t.actions[0].params[1].offset, 10u);
    QVERIFY(t.defaultAction.has_value());
    QCOMPARE(t.defaultAction->action, std::string("ingress.pass_to_kernel"));
  }

  void findsTablesAndActionsBySuffix() {
    Result<ProgramSchema> schema = parseSchema(fixtureSchemaText());
    QVERIFY(schema.ok());
    Result<const TableSchema*> full = schema->findTable("ingress.ipv4_fwd");
    Result<const TableSchema*> suffix = schema->findTable("ipv4_fwd");
    QVERIFY(full.ok() && suffix.ok());
    QCOMPARE(*full, *suffix);
    Result<const TableSchema*> unknown = schema->findTable("fwd");  // not a dotted suffix
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().errnum, ENOENT);
    QVERIFY(unknown.error().message.find("ingress.ipv4_fwd") != std::string::npos);
    Result<const ActionSchema*> action = (*full)->findAction("forward");
    QVERIFY(action.ok());
    QCOMPARE((*action)->id, 1u);
  }

  void reportsAmbiguousSuffix() {
    std::string key = R"({"name":"k","bits":8,"offset":0,"bytes":1})";
    std::string text = schemaWithKey(key);
    // Two tables "ingress.t" and "egress.t": the suffix "t" must be refused.
    std::string second = text.substr(text.find("{\"name\":\"ingress.t\""));
    second = second.substr(0, second.rfind("]}"));
    std::string two = text.substr(0, text.rfind("]}")) + "," + second + "]}";
    two.replace(two.rfind("ingress.t"), 9, "egress.t");
    Result<ProgramSchema> schema = parseSchema(two);
    QVERIFY2(schema.ok(), schema.ok() ? "" : schema.error().render().c_str());
    Result<const TableSchema*> t = schema->findTable("t");
    QVERIFY(!t.ok());
    QVERIFY(t.error().message.find("ambiguous") != std::string::npos);
    QVERIFY(schema->findTable("egress.t").ok());
  }

  // Edge-counted objects carry a formula per stage (fewer slots than stages is fine);
  // older ones none: slot id is the stage's count.
  void stageFormulas() {
    Result<ProgramSchema> schema = parseSchema(
        R"({"schema_version":1,"program":{},"stage_counters":{"map":"m","count":2},
            "stages":[{"id":0,"kind":"parser_state","name":"p.start","count":[[0,1],[1,1]]},
                      {"id":1,"kind":"table_hit","name":"c.t","count":[[0,1],[1,-1]]},
                      {"id":2,"kind":"verdict","name":"XDP_TX","count":[]}]})");
    QVERIFY2(schema.ok(), schema.ok() ? "" : schema.error().render().c_str());
    const std::vector<StageInfo>& st = schema->stages;
    QVERIFY(st.at(1).formula.has_value());
    QCOMPARE(st.at(1).formula->at(1).coeff, std::int64_t(-1));
    QCOMPARE(stageCount(st.at(0), {5, 3}), std::uint64_t(8));
    QCOMPARE(stageCount(st.at(1), {5, 3}), std::uint64_t(2));
    QCOMPARE(stageCount(st.at(1), {3, 5}), std::uint64_t(0));  // in flight: clamped
    QCOMPARE(stageCount(st.at(2), {5, 3}), std::uint64_t(0));
    Result<ProgramSchema> old = parseSchema(
        R"({"schema_version":1,"program":{},"stage_counters":{"map":"m","count":2},
            "stages":[{"id":0,"kind":"control","name":"c"},{"id":1,"kind":"deparser","name":"d"}]})");
    QVERIFY(old.ok());
    QVERIFY(!old->stages.at(1).formula.has_value());
    QCOMPARE(stageCount(old->stages.at(1), {5, 3}), std::uint64_t(3));
  }

  void rejectsBadSchemas_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << "{oops" << "not valid JSON";
    QTest::newRow("no version") << R"({"program":{}})" << "schema_version";
    QTest::newRow("version 2") << R"({"schema_version":2,"program":{}})" << "unsupported version 2";
    QTest::newRow("no program") << R"({"schema_version":1})" << "missing \"program\"";
    QTest::newRow("bits vs bytes")
        << QString::fromStdString(schemaWithKey(R"({"name":"k","bits":9,"offset":0,"bytes":1})"))
        << "9 bits need 2 bytes";
    QTest::newRow("offset beyond key")
        << QString::fromStdString(schemaWithKey(R"({"name":"k","bits":32,"offset":2,"bytes":4})"))
        << "tables[0].keys[0]: offset 2 + 4 bytes exceeds key_size 4";
    QTest::newRow("bad format")
        << QString::fromStdString(schemaWithKey(R"({"name":"k","bits":8,"offset":0,"bytes":1,"format":"oct"})"))
        << "unknown format";
    QTest::newRow("bad byte order")
        << QString::fromStdString(
               schemaWithKey(R"({"name":"k","bits":8,"offset":0,"bytes":1,"byte_order":"middle"})"))
        << "byte_order";
    QTest::newRow("too wide")
        << QString::fromStdString(schemaWithKey(R"({"name":"k","bits":129,"offset":0,"bytes":17})", 17))
        << "bits must be 1..128";
    QTest::newRow("formula slot past count")
        << R"({"schema_version":1,"program":{},"stage_counters":{"map":"m","count":2},
              "stages":[{"id":0,"kind":"control","name":"c","count":[[2,1]]}]})"
        << "stages[0].count: slot 2 is past stage_counters.count (2)";
    QTest::newRow("formula not pairs")
        << R"({"schema_version":1,"program":{},"stage_counters":{"map":"m","count":2},
              "stages":[{"id":0,"kind":"control","name":"c","count":[[0]]}]})"
        << "[slot, coefficient] pairs";
    QTest::newRow("fewer slots than stages")
        << R"({"schema_version":1,"program":{},"stage_counters":{"map":"m","count":1},
              "stages":[{"id":0,"kind":"control","name":"c"},{"id":1,"kind":"deparser","name":"d"}]})"
        << "smaller than the number of stages";
    QTest::newRow("stages not dense")
        << R"({"schema_version":1,"program":{},"stages":[{"id":1,"kind":"control","name":"c"}]})"
        << "missing id 0";
    QTest::newRow("duplicate action id")
        << R"({"schema_version":1,"program":{},"tables":[{"name":"t","map":"m","max_entries":1,"key_size":1,
              "value_size":4,"keys":[],"action_id":{"offset":0,"bytes":4,"byte_order":"host"},
              "actions":[{"name":"a","id":1,"params":[]},{"name":"b","id":1,"params":[]}]}]})"
        << "id 1 is also used by a";
    QTest::newRow("unknown default action")
        << R"({"schema_version":1,"program":{},"tables":[{"name":"t","map":"m","max_entries":1,"key_size":1,
              "value_size":4,"keys":[],"action_id":{"offset":0,"bytes":4,"byte_order":"host"},
              "actions":[],"default_action":{"action":"c.gone","args":[]}}]})"
        << "unknown action";
    QTest::newRow("negative offset")
        << QString::fromStdString(schemaWithKey(R"({"name":"k","bits":8,"offset":-1,"bytes":1})"))
        << "non-negative integer";
  }

  void rejectsBadSchemas() {
    QFETCH(QString, json);
    QFETCH(QString, expected);
    Result<ProgramSchema> schema = parseSchema(json.toStdString());
    QVERIFY(!schema.ok());
    QCOMPARE(schema.error().errnum, EINVAL);
    QVERIFY2(schema.error().message.find(expected.toStdString()) != std::string::npos,
             schema.error().message.c_str());
  }

  void encodesFields_data() {
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("network");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("bytes");  // expected encoding, hex
    QTest::addColumn<QString>("display");  // decodeField result
    QTest::newRow("ipv4") << 32 << "ipv4" << true << "10.0.0.2" << "0a 00 00 02" << "10.0.0.2";
    QTest::newRow("ipv4 host") << 32 << "ipv4" << false << "10.0.0.2" << "02 00 00 0a" << "10.0.0.2";
    QTest::newRow("ipv4 from dec") << 32 << "ipv4" << true << "167772162" << "0a 00 00 02" << "10.0.0.2";
    QTest::newRow("mac") << 48 << "mac" << true << "02:00:00:AA:bb:01" << "02 00 00 aa bb 01" << "02:00:00:aa:bb:01";
    QTest::newRow("mac dashes") << 48 << "mac" << true << "2-0-0-0-0-1" << "02 00 00 00 00 01" << "02:00:00:00:00:01";
    QTest::newRow("dec 16") << 16 << "dec" << true << "2048" << "08 00" << "2048";
    QTest::newRow("hex 16 host") << 16 << "hex" << false << "0x0800" << "00 08" << "0x800";
    QTest::newRow("bin 8") << 8 << "dec" << true << "0b101" << "05" << "5";
    QTest::newRow("9 bits net") << 9 << "hex" << true << "0x1ff" << "01 ff" << "0x1ff";
    QTest::newRow("9 bits host") << 9 << "dec" << false << "300" << "2c 01" << "300";
    QTest::newRow("13 bits") << 13 << "dec" << true << "8191" << "1f ff" << "8191";
    QTest::newRow("1 bit") << 1 << "dec" << true << "1" << "01" << "1";
    QTest::newRow("zero") << 24 << "hex" << true << "0" << "00 00 00" << "0x0";
    QTest::newRow("64 max") << 64 << "dec" << true << "18446744073709551615" << "ff ff ff ff ff ff ff ff"
                            << "18446744073709551615";
    QTest::newRow("128 hex") << 128 << "hex" << true << "0x0102030405060708090a0b0c0d0e0f10"
                             << "01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10"
                             << "0x102030405060708090a0b0c0d0e0f10";
    QTest::newRow("ipv6") << 128 << "ipv6" << true << "2001:db8::1"
                          << "20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01" << "2001:db8::1";
    QTest::newRow("spaces") << 8 << "dec" << true << "  42 " << "2a" << "42";
  }

  void encodesFields() {
    QFETCH(int, bits);
    QFETCH(QString, format);
    QFETCH(bool, network);
    QFETCH(QString, text);
    QFETCH(QString, bytes);
    QFETCH(QString, display);
    // Place the field at offset 1 of a larger buffer to check offsets and that
    // neighbouring bytes stay untouched.
    FieldLayout f = field(static_cast<unsigned>(bits), format.toStdString().c_str(),
                          network ? ByteOrder::Network : ByteOrder::Host, 1);
    std::vector<std::uint8_t> buffer(f.bytes + 2, 0xee);
    Status s = encodeField(f, text.toStdString(), buffer);
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().render().c_str());
    QCOMPARE(buffer.front(), std::uint8_t(0xee));
    QCOMPARE(buffer.back(), std::uint8_t(0xee));
    std::vector<std::uint8_t> inner(buffer.begin() + 1, buffer.end() - 1);
    QCOMPARE(QString::fromStdString(formatHex(inner)), bytes);
    Result<std::string> decoded = decodeField(f, buffer);
    QVERIFY(decoded.ok());
    QCOMPARE(QString::fromStdString(*decoded), display);
    // The display form parses back to the same bytes.
    std::vector<std::uint8_t> again(buffer.size(), 0xee);
    QVERIFY(encodeField(f, *decoded, again).ok());
    QCOMPARE(again, buffer);
  }

  void rejectsBadLiterals_data() {
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("errnum");
    QTest::addColumn<QString>("expected");
    QTest::newRow("8 bit overflow") << 8 << "dec" << "300" << ERANGE << "does not fit field hdr.f (8 bits, max 255)";
    QTest::newRow("9 bit overflow") << 9 << "dec" << "512" << ERANGE << "(9 bits, max 511)";
    QTest::newRow("hex overflow") << 12 << "hex" << "0x1000" << ERANGE << "12 bits";
    QTest::newRow("ipv4 in 16") << 16 << "ipv4" << "10.0.0.1" << ERANGE << "16 bits";
    QTest::newRow("ipv4 in 48") << 48 << "mac" << "1.2.3.4" << EINVAL << "(48 bits); IPv4 needs 32 bits";
    QTest::newRow("mac in 64") << 64 << "hex" << "02:00:00:00:00:01" << EINVAL << "MAC needs 48 bits";
    QTest::newRow("bad ipv4") << 32 << "ipv4" << "10.0.0.256" << EINVAL << "not a valid IPv4";
    QTest::newRow("bad mac") << 48 << "mac" << "02:00:00:00:00" << EINVAL << "not a valid MAC";
    QTest::newRow("mac in 32") << 32 << "mac" << "02:00:00:00:00:01" << ERANGE << "32 bits";
    QTest::newRow("ipv6 in 64") << 64 << "ipv6" << "::1" << ERANGE << "64 bits";
    QTest::newRow("garbage") << 32 << "dec" << "12ab" << EINVAL << "not a valid number";
    QTest::newRow("empty") << 8 << "dec" << "  " << EINVAL << "empty value";
    QTest::newRow("negative") << 8 << "dec" << "-1" << ERANGE << "negative";
    QTest::newRow("129 bits of hex") << 128 << "hex" << "0x1ffffffffffffffffffffffffffffffff" << ERANGE << "does not fit";
    QTest::newRow("huge dec") << 64 << "dec" << "18446744073709551616" << ERANGE << "64 bits";
    QTest::newRow("bare 0x") << 8 << "hex" << "0x" << EINVAL << "not";
  }

  void rejectsBadLiterals() {
    QFETCH(int, bits);
    QFETCH(QString, format);
    QFETCH(QString, text);
    QFETCH(int, errnum);
    QFETCH(QString, expected);
    FieldLayout f = field(static_cast<unsigned>(bits), format.toStdString().c_str());
    Result<Uint128> value = parseLiteral(f, text.toStdString());
    QVERIFY(!value.ok());
    QCOMPARE(value.error().errnum, errnum);
    QVERIFY2(value.error().message.find(expected.toStdString()) != std::string::npos,
             value.error().message.c_str());
  }

  void encodesTableEntries() {
    Result<ProgramSchema> schema = parseSchema(fixtureSchemaText());
    QVERIFY(schema.ok());
    const TableSchema& t = schema->tables[0];
    Result<std::vector<std::uint8_t>> key = encodeKey(t, {"10.0.0.2"});
    QVERIFY(key.ok());
    QCOMPARE(formatHex(*key), std::string("0a 00 00 02"));
    Result<std::vector<std::uint8_t>> value = encodeValue(t, "forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"});
    QVERIFY(value.ok());
    QCOMPARE(formatHex(*value), std::string("01 00 00 00 02 00 00 00 00 02 02 00 00 00 00 01"));
    Result<Entry> entry = decodeValue(t, *value);
    QVERIFY(entry.ok());
    QCOMPARE(entry->action, std::string("ingress.forward"));
    QCOMPARE(entry->params, (std::vector<std::string>{"02:00:00:00:00:02", "02:00:00:00:00:01"}));
    Result<std::vector<std::string>> keys = decodeKey(t, *key);
    QVERIFY(keys.ok());
    QCOMPARE(keys->at(0), std::string("10.0.0.2"));

    Result<std::vector<std::uint8_t>> wrongCount = encodeValue(t, "forward", {"02:00:00:00:00:02"});
    QVERIFY(!wrongCount.ok());
    QVERIFY2(wrongCount.error().message.find("takes 2 parameter(s) (dmac, smac), got 1") != std::string::npos,
             wrongCount.error().message.c_str());
    QVERIFY(!encodeValue(t, "teleport", {}).ok());
    QVERIFY(!encodeKey(t, {}).ok());
    Result<std::vector<std::uint8_t>> badKey = encodeKey(t, {"10.0.0"});
    QVERIFY(!badKey.ok());
    QVERIFY(badKey.error().message.find("hdr.ipv4.dstAddr") != std::string::npos);
    std::vector<std::uint8_t> unknownId(16, 0);
    unknownId[0] = 9;
    QVERIFY(!decodeValue(t, unknownId).ok());
    std::vector<std::uint8_t> empty(16, 0);
    QCOMPARE(decodeValue(t, empty)->action, std::string("NoAction"));
  }

  void encodesLpmKeys() {
    Result<ProgramSchema> schema = parseSchema(fixtureSchemaText());
    QVERIFY(schema.ok());
    const TableSchema& t = **schema->findTable("routes");
    // prefixlen = 8 (the exact protocol byte) + 16; host bits of the address cleared.
    Result<std::vector<std::uint8_t>> key = encodeKey(t, {"6", "10.1.2.3/16"});
    QVERIFY2(key.ok(), key.ok() ? "" : key.error().render().c_str());
    QCOMPARE(formatHex(*key), std::string("18 00 00 00 06 0a 01 00 00"));
    QCOMPARE(*decodeKey(t, *key), (std::vector<std::string>{"6", "10.1.0.0/16"}));
    Result<std::vector<std::uint8_t>> full = encodeKey(t, {"17", "10.1.2.3"});
    QVERIFY(full.ok());
    QCOMPARE(formatHex(*full), std::string("28 00 00 00 11 0a 01 02 03"));
    QCOMPARE(decodeKey(t, *full)->at(1), std::string("10.1.2.3/32"));
    QCOMPARE(formatHex(*encodeKey(t, {"0", "0.0.0.0/0"})), std::string("08 00 00 00 00 00 00 00 00"));
    Result<std::vector<std::uint8_t>> tooLong = encodeKey(t, {"6", "10.0.0.0/33"});
    QVERIFY(!tooLong.ok());
    QVERIFY(tooLong.error().message.find("0..32") != std::string::npos);
    QVERIFY(!encodeKey(t, {"6", "10.0.0.0/x"}).ok());
    QVERIFY(!encodeKey(t, {"256", "10.0.0.0/8"}).ok());
    // bit<9> parameter in host order.
    Result<std::vector<std::uint8_t>> value = encodeValue(t, "set_port", {"300"});
    QVERIFY(value.ok());
    QCOMPARE(formatHex(*value), std::string("01 00 00 00 2c 01"));
    QVERIFY(!encodeValue(t, "set_port", {"512"}).ok());
  }

  void refusesNonExactKeys() {
    Result<ProgramSchema> schema =
        parseSchema(schemaWithKey(R"({"name":"k","match":"lpm","bits":32,"offset":0,"bytes":4})"));
    QVERIFY(schema.ok());
    Result<std::vector<std::uint8_t>> key = encodeKey(schema->tables[0], {"10.0.0.0/8"});
    QVERIFY(!key.ok());
    QCOMPARE(key.error().errnum, ENOTSUP);
    QVERIFY(key.error().message.find("lpm") != std::string::npos);
  }

  void parsesTableScripts() {
    const char* script = R"(# runtime_CLI
table_add ipv4_fwd forward 10.0.0.2 => 02:00:00:00:00:02 02:00:00:00:00:01
table_set_default ingress.ipv4_fwd drop   # trailing comment

table_delete ipv4_fwd 10.0.0.2
table_dump ipv4_fwd
nikss-ctl table add pipe 1 ingress_ipv4_fwd action name forward key 10.0.0.3 data 02:00:00:00:00:03 02:00:00:00:00:01
table update pipe 1 ipv4_fwd action id 2 key 10.0.0.3
table default set pipe 1 ipv4_fwd action name pass_to_kernel
table delete pipe 1 ipv4_fwd
table get pipe 1 ipv4_fwd key 10.0.0.3
)";
    Result<std::vector<TableCommand>> cmds = parseTableScript(script);
    QVERIFY2(cmds.ok(), cmds.ok() ? "" : cmds.error().render().c_str());
    QCOMPARE(cmds->size(), std::size_t(9));
    const TableCommand& add = cmds->at(0);
    QVERIFY(add.op == TableCommand::Op::Add);
    QCOMPARE(add.line, 2u);
    QCOMPARE(add.table, std::string("ipv4_fwd"));
    QCOMPARE(add.action, std::string("forward"));
    QCOMPARE(add.keys, (std::vector<std::string>{"10.0.0.2"}));
    QCOMPARE(add.params.size(), std::size_t(2));
    QVERIFY(cmds->at(1).op == TableCommand::Op::SetDefault);
    QVERIFY(cmds->at(1).params.empty());
    QVERIFY(cmds->at(2).op == TableCommand::Op::Delete);
    QCOMPARE(cmds->at(2).line, 5u);
    QVERIFY(cmds->at(3).op == TableCommand::Op::Dump);
    const TableCommand& nikss = cmds->at(4);
    QVERIFY(nikss.op == TableCommand::Op::Add);
    QCOMPARE(nikss.table, std::string("ingress_ipv4_fwd"));
    QCOMPARE(nikss.params.at(0), std::string("02:00:00:00:00:03"));
    QVERIFY(cmds->at(5).op == TableCommand::Op::Modify);
    QCOMPARE(cmds->at(5).actionId.value_or(0), 2u);
    QVERIFY(cmds->at(6).op == TableCommand::Op::SetDefault);
    QVERIFY(cmds->at(7).op == TableCommand::Op::Clear);
    QVERIFY(cmds->at(8).op == TableCommand::Op::Dump);
    QCOMPARE(cmds->at(8).keys.size(), std::size_t(1));

    Result<std::vector<TableCommand>> bad = parseTableScript("table_dump t\ntable_frobnicate t\n");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.find("line 2: unknown command 'table_frobnicate'") != std::string::npos,
             bad.error().message.c_str());
    QVERIFY(!parseTableCommand("table add pipe 1 t key 1").ok());  // no action
    QVERIFY(!parseTableCommand("table_add").ok());
    QVERIFY(!parseTableCommand("table_clear t extra").ok());
    // Map names find tables too.
    Result<ProgramSchema> schema = parseSchema(fixtureSchemaText());
    QVERIFY(schema->findTable("ingress_ipv4_fwd").ok());
  }

  void parsesHex() {
    Result<std::vector<std::uint8_t>> bytes = parseHex("00:11 22-33\n0x44 aabb");
    QVERIFY(bytes.ok());
    QCOMPARE(formatHex(*bytes), std::string("00 11 22 33 44 aa bb"));
    QCOMPARE(formatHex(*bytes, "", 4), std::string("00112233\n44aabb"));
    QVERIFY(!parseHex("001").ok());
    QVERIFY(!parseHex("0 1").ok());
    Result<std::vector<std::uint8_t>> bad = parseHex("00 zz");
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.find("position 3") != std::string::npos);
    QVERIFY(parseHex("")->empty());
  }

  void buildsAndDescribesPackets() {
    // Expected bytes computed independently (Python struct + RFC 1071 checksums).
    Result<PacketSpec> udp = parsePacketSpec("payload=deadbeef");
    QVERIFY(udp.ok());
    Result<std::vector<std::uint8_t>> frame = buildPacket(*udp);
    QVERIFY(frame.ok());
    QCOMPARE(formatHex(*frame, ""), std::string("02000000000202000000000108004500002000000000401166cb0a0000010a000002"
                                                "04d20050000c4914deadbeef0000000000000000000000000000"));
    QCOMPARE(describePacket(*frame), std::string("02:00:00:00:00:01 > 02:00:00:00:00:02 IPv4 10.0.0.1 > 10.0.0.2 "
                                                 "ttl 64 UDP 1234 > 80 len 4"));
    Result<PacketSpec> tcp = parsePacketSpec("proto=tcp dport=443");
    QVERIFY(tcp.ok());
    QCOMPARE(formatHex(*buildPacket(*tcp), ""),
             std::string("02000000000202000000000108004500002800000000400666ce0a0000010a00000204d201bb000000000000"
                         "00005002ffff95530000000000000000"));
    QVERIFY(describePacket(*buildPacket(*tcp)).ends_with("TCP 1234 > 443 len 0"));
    Result<PacketSpec> icmp = parsePacketSpec("proto=icmp dst=192.168.1.9 ttl=1 size=0");
    QVERIFY(icmp.ok());
    std::vector<std::uint8_t> ping = *buildPacket(*icmp);
    QCOMPARE(ping.size(), std::size_t(42));
    QVERIFY(describePacket(ping).ends_with("10.0.0.1 > 192.168.1.9 ttl 1 ICMP type 8 code 0"));

    QVERIFY(!parsePacketSpec("dport=70000").ok());
    QVERIFY(!parsePacketSpec("colour=blue").ok());
    QVERIFY(!parsePacketSpec("dst").ok());
    PacketSpec bad;
    bad.dstIp = "10.0.0.300";
    Result<std::vector<std::uint8_t>> badFrame = buildPacket(bad);
    QVERIFY(!badFrame.ok());
    QVERIFY(badFrame.error().message.find("dst:") == 0);
    bad = PacketSpec{};
    bad.proto = "sctp";
    QVERIFY(!buildPacket(bad).ok());
    // Truncated and non-IP frames are described without reading past the end.
    QCOMPARE(describePacket(std::vector<std::uint8_t>(5, 0)), std::string("runt frame (5 bytes)"));
    std::vector<std::uint8_t> shortIp(frame->begin(), frame->begin() + 20);
    QVERIFY(describePacket(shortIp).ends_with("IPv4 (truncated)"));
    std::vector<std::uint8_t> arp = *frame;
    arp[13] = 0x06;
    QVERIFY(describePacket(arp).ends_with(" ARP"));
    std::vector<std::uint8_t> cut(frame->begin(), frame->begin() + 36);  // IP header + 2 bytes of UDP
    QVERIFY2(describePacket(cut).ends_with("UDP (truncated)"), describePacket(cut).c_str());
  }

  void pcapRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string path = dir.filePath("p.pcap").toStdString();
    std::vector<std::vector<std::uint8_t>> packets = {*buildPacket(PacketSpec{}), {1, 2, 3}, {}};
    QVERIFY(writePcap(path, packets).ok());
    Result<std::vector<std::vector<std::uint8_t>>> back = readPcap(path);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().render().c_str());
    QCOMPARE(*back, packets);
    // Byte-swapped header (a big-endian writer) with nanosecond magic.
    std::vector<std::uint8_t> be = *parseHex("a1b23c4d 0002 0004 00000000 00000000 0000ffff 00000001"
                                             "00000000 00000000 00000002 00000002 abcd");
    std::string bePath = dir.filePath("be.pcap").toStdString();
    std::ofstream(bePath, std::ios::binary).write(reinterpret_cast<const char*>(be.data()), static_cast<long>(be.size()));
    Result<std::vector<std::vector<std::uint8_t>>> swapped = readPcap(bePath);
    QVERIFY2(swapped.ok(), swapped.ok() ? "" : swapped.error().render().c_str());
    QCOMPARE(swapped->size(), std::size_t(1));
    QCOMPARE(formatHex(swapped->at(0), ""), std::string("abcd"));
    // Truncation, wrong magic and wrong link type are errors naming the file.
    be.pop_back();
    std::ofstream(bePath, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(be.data()), static_cast<long>(be.size()));
    QVERIFY(readPcap(bePath).error().message.find("truncated packet 1") != std::string::npos);
    be[23] = 105;  // link type 105 (802.11)
    std::ofstream(bePath, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(be.data()), static_cast<long>(be.size()));
    QVERIFY(readPcap(bePath).error().message.find("link type 105") != std::string::npos);
    QVERIFY(!readPcap(P4WB_RUNTIME_DATA_DIR "/xdp_fixture.c").ok());
    QCOMPARE(readPcap("/nonexistent.pcap").error().errnum, ENOENT);
  }

  void readsPrivileges() {
    Result<Privileges> p = currentPrivileges();
    QVERIFY(p.ok());
    // Root in the initial user namespace has every capability; others usually none.
    if (geteuid() == 0) {
      QVERIFY(p->canLoad() && p->canUseNamespaces());
      QVERIFY(p->missingSummary().empty());
    }
    Privileges none;
    QVERIFY(!none.canLoad());
    QVERIFY(none.missingSummary().find("CAP_BPF") != std::string::npos);
  }

  void readsSchemaFromObject() {
    Result<ObjectSpec> spec = ObjectSpec::fromFile(P4WB_RUNTIME_FIXTURE_DIR "/xdp_fixture.o");
    QVERIFY2(spec.ok(), spec.ok() ? "" : spec.error().render().c_str());
    QCOMPARE(spec->schema().tables.at(0).name, std::string("ingress.ipv4_fwd"));
    // An object without the section needs the schema passed explicitly.
    Result<ObjectSpec> bare = ObjectSpec::fromFile(P4WB_RUNTIME_FIXTURE_DIR "/bad_fixture.o");
    QVERIFY(!bare.ok());
    QCOMPARE(bare.error().errnum, ENOENT);
    Result<ObjectSpec> given = ObjectSpec::fromFile(P4WB_RUNTIME_FIXTURE_DIR "/bad_fixture.o",
                                                    std::string(R"({"schema_version":1,"program":{}})"));
    QVERIFY(given.ok());
    std::vector<std::uint8_t> notElf = {1, 2, 3, 4, 5};
    Result<std::string> section = extractSchemaSection(notElf);
    QVERIFY(!section.ok());
    QCOMPARE(section.error().errnum, EINVAL);
    QVERIFY(!ObjectSpec::fromFile("/nonexistent/x.o").ok());
  }
};

QTEST_GUILESS_MAIN(RuntimeCodecTest)
#include "test_runtime_codec.moc"
