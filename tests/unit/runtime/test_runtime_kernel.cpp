// Runtime tests against the real kernel (root only; exit 77 otherwise): loading the
// fixture object, typed table entries (exact and lpm), table scripts, STF, test runs with
// verdicts and stage counters, map layout checks and verifier-log capture.
#include <QtTest>

#include <algorithm>
#include <optional>

#include "runtime/counters.h"
#include "runtime/hex.h"
#include "runtime/loaded_program.h"
#include "runtime/packet.h"
#include "runtime/stf.h"
#include "runtime/table.h"
#include "runtime/table_script.h"
#include "runtime/test_run.h"
#include "tests/unit/runtime/kernel_test_util.h"

using namespace p4wb::runtime;
using namespace p4wb::runtime::test;

class RuntimeKernelTest : public QObject {
  Q_OBJECT

 private:
  std::optional<ObjectSpec> m_spec;
  std::optional<LoadedProgram> m_prog;

 private slots:
  void initTestCase() {
    Result<ObjectSpec> spec = ObjectSpec::fromFile(kFixture);
    CHECK_OK(spec);
    m_spec.emplace(std::move(*spec));
    Result<LoadedProgram> prog = LoadedProgram::load(*m_spec);
    CHECK_OK(prog);
    m_prog.emplace(std::move(*prog));
    QVERIFY(m_prog->programFd() >= 0);
    QVERIFY(m_prog->programId() > 0);
    CHECK_OK(m_prog->mapFd("ingress_ipv4_fwd"));
    CHECK_OK(m_prog->mapFd("p4wb_stages"));
  }


  void tableEntries() {
    const LoadedProgram& p = *m_prog;
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(addEntry(p, "ipv4_fwd", {"10.0.0.2"}, "forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"}));
    CHECK_OK(addEntry(p, "ingress.ipv4_fwd", {"10.0.0.3"}, "drop", {}));
    Status dup = addEntry(p, "ipv4_fwd", {"10.0.0.3"}, "drop", {});
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().errnum, EEXIST);
    Result<std::vector<Entry>> entries = dumpTable(p, "ipv4_fwd");
    CHECK_OK(entries);
    QCOMPARE(entries->size(), std::size_t(2));
    QCOMPARE(entries->at(0).keys.at(0), std::string("10.0.0.2"));  // sorted by key bytes
    QCOMPARE(entries->at(0).action, std::string("ingress.forward"));
    QCOMPARE(entries->at(0).params.at(1), std::string("02:00:00:00:00:01"));
    QCOMPARE(entries->at(1).action, std::string("ingress.drop"));

    CHECK_OK(modifyEntry(p, "ipv4_fwd", {"10.0.0.3"}, "pass_to_kernel", {}));
    QCOMPARE(take(lookupEntry(p, "ipv4_fwd", {"10.0.0.3"})).action, std::string("ingress.pass_to_kernel"));
    Status missing = modifyEntry(p, "ipv4_fwd", {"10.0.0.9"}, "drop", {});
    QCOMPARE(missing.error().errnum, ENOENT);
    CHECK_OK(deleteEntry(p, "ipv4_fwd", {"10.0.0.3"}));
    QCOMPARE(deleteEntry(p, "ipv4_fwd", {"10.0.0.3"}).error().errnum, ENOENT);
    QCOMPARE(lookupEntry(p, "ipv4_fwd", {"10.0.0.3"}).error().errnum, ENOENT);
    QCOMPARE(take(dumpTable(p, "ipv4_fwd")).size(), std::size_t(1));
    Status range = addEntry(p, "ipv4_fwd", {"10.0.0.4"}, "forward", {"02:00:00:00:00:02", "1:2:3"});
    QVERIFY(!range.ok());
    QVERIFY(range.error().message.find("smac") != std::string::npos);
  }

  void tableScripts() {
    const LoadedProgram& p = *m_prog;
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    Result<std::vector<TableCommand>> cmds = parseTableScript(
        "table_add ipv4_fwd forward 10.0.0.2 => 02:00:00:00:00:02 02:00:00:00:00:01\n"
        "table add pipe 1 ingress_ipv4_fwd action id 2 key 10.0.0.3\n"
        "table_set_default ipv4_fwd drop\n"
        "table_dump ipv4_fwd\n");
    CHECK_OK(cmds);
    std::vector<Entry> dumped;
    for (const TableCommand& c : *cmds) {
      Result<std::vector<Entry>> r = runTableCommand(p, c);
      CHECK_OK(r);
      if (c.op == TableCommand::Op::Dump) dumped = *r;
    }
    QCOMPARE(dumped.size(), std::size_t(2));
    QCOMPARE(dumped[1].action, std::string("ingress.drop"));
    QCOMPARE(take(readDefault(p, "ipv4_fwd")).action, std::string("ingress.drop"));
    Result<std::vector<Entry>> unknown = runTableCommand(p, *parseTableCommand("table update ipv4_fwd action id 9 key 10.0.0.3"));
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().message.find("no action with id 9") != std::string::npos);
    CHECK_OK(runTableCommand(p, *parseTableCommand("table delete pipe 1 ipv4_fwd")));  // clear
    QVERIFY(take(dumpTable(p, "ipv4_fwd")).empty());
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
  }

  void stfScript() {
    const LoadedProgram& p = *m_prog;
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
    std::string toHost2 = formatHex(ipv4Packet("0a 00 00 02"), "");
    std::string toHost7 = formatHex(ipv4Packet("0a 00 00 07"), "");
    std::string script =
        "# forward rewrites both MACs and bounces the frame (XDP_TX)\n"
        "add ingress.ipv4_fwd hdr.ipv4.dstAddr:10.0.0.2 ingress.forward(dmac:02:00:00:00:00:02, smac:02:00:00:00:00:01)\n"
        "packet 0 " + toHost2 + "\n"
        "expect XDP_TX\n"
        "expect 0 020000000002 020000000001 0800 45 ** $\n"
        "packet 0 " + toHost7 + "\n"
        "expect 0 " + toHost7 + "$\n"
        "setdefault ipv4_fwd drop()\n"
        "packet 1 " + toHost7 + "\n"
        "expect XDP_DROP\n";
    // The "$" after a short pattern demands an exact length: that expectation must fail,
    // and only that one.
    Result<StfReport> report = runStf(p, script);
    CHECK_OK(report);
    QCOMPARE(report->packets, 3u);
    QCOMPARE(report->expectations, 4u);
    QCOMPARE(report->failures.size(), std::size_t(1));
    QVERIFY2(report->failures[0].find("line 5: expected 020000000002020000000001080045** on port 0, got "
                                      "020000000002020000000001080045") == 0,
             report->failures[0].c_str());
    QCOMPARE(report->log.size(), std::size_t(3));
    QVERIFY(report->log[2].find("XDP_DROP") != std::string::npos);

    // Without the bad '$' everything passes.
    std::string good = script;
    good.replace(good.find("45 ** $"), 7, "45 **");
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
    report = runStf(p, good);
    CHECK_OK(report);
    QVERIFY2(report->passed, report->failures.empty() ? "" : report->failures[0].c_str());

    // Positional parameters, an unexpected extra packet, and script errors.
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
    report = runStf(p, "add ipv4_fwd 10.0.0.2 forward(02:00:00:00:00:09, 02:00:00:00:00:01)\n"
                       "packet 0 " + toHost2 + "\npacket 0 " + toHost2 + "\nexpect 0 020000000009\n");
    CHECK_OK(report);
    QCOMPARE(report->failures.size(), std::size_t(1));
    QVERIFY(report->failures[0].find("unexpected packet on port 0") != std::string::npos);
    QVERIFY(!runStf(p, "frobnicate\n").ok());
    QVERIFY(!runStf(p, "expect XDP_PASS\n").ok());
    Result<StfReport> badTable = runStf(p, "add nosuch 1 drop()\n");
    QVERIFY(!badTable.ok());
    QVERIFY(badTable.error().message.find("line 1:") == 0);
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
  }

  void lpmEntries() {
    const LoadedProgram& p = *m_prog;
    CHECK_OK(addEntry(p, "routes", {"6", "10.0.0.0/8"}, "set_port", {"1"}));
    CHECK_OK(addEntry(p, "routes", {"6", "10.1.0.0/16"}, "set_port", {"511"}));
    CHECK_OK(addEntry(p, "routes", {"17", "10.1.2.3"}, "drop", {}));
    QCOMPARE(addEntry(p, "routes", {"6", "10.1.9.9/16"}, "drop", {}).error().errnum, EEXIST);  // same prefix
    std::vector<Entry> entries = take(dumpTable(p, "routes"));
    QCOMPARE(entries.size(), std::size_t(3));
    std::vector<std::string> shown;
    for (const Entry& e : entries) shown.push_back(e.keys[0] + " " + e.keys[1] + " " + e.action);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, (std::vector<std::string>{"17 10.1.2.3/32 ingress.drop", "6 10.0.0.0/8 ingress.set_port",
                                              "6 10.1.0.0/16 ingress.set_port"}));
    // A lookup is a longest-prefix match in the kernel.
    Entry best = take(lookupEntry(p, "routes", {"6", "10.1.200.7"}));
    QCOMPARE(best.params, (std::vector<std::string>{"511"}));
    CHECK_OK(deleteEntry(p, "routes", {"6", "10.1.0.0/16"}));
    QCOMPARE(take(lookupEntry(p, "routes", {"6", "10.1.200.7"})).params, (std::vector<std::string>{"1"}));
    QCOMPARE(take(clearTable(p, "routes")), std::size_t(2));
    QCOMPARE(readDefault(p, "routes").error().errnum, ENOTSUP);
  }

  void testRunVerdictsAndStages() {
    const LoadedProgram& p = *m_prog;
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
    CHECK_OK(resetStageCounters(p));
    CHECK_OK(addEntry(p, "ipv4_fwd", {"10.0.0.2"}, "forward", {"02:00:00:00:00:02", "02:00:00:00:00:01"}));

    // Hit -> forward: MACs rewritten, XDP_TX, stages start, ipv4, hit, forward, TX.
    Result<TraceResult> hit = traceRun(p, ipv4Packet("0a 00 00 02"));
    CHECK_OK(hit);
    QCOMPARE(xdpVerdictName(hit->run.retval), std::string("XDP_TX"));
    QCOMPARE(formatHex(std::span(hit->run.output).first(12)), std::string("02 00 00 00 00 02 02 00 00 00 00 01"));
    std::vector<std::uint32_t> ids;
    for (const StageCount& s : hit->stages) ids.push_back(s.stage.id);
    QCOMPARE(ids, (std::vector<std::uint32_t>{0, 1, 2, 4, 9}));
    QCOMPARE(hit->stages.back().stage.name, std::string("XDP_TX"));
    QCOMPARE(hit->stages.back().count, std::uint64_t(1));

    // Miss with an empty default slot -> compiled default pass_to_kernel.
    Result<TestRunResult> miss = testRun(p.programFd(), ipv4Packet("0a 00 00 07"));
    CHECK_OK(miss);
    QCOMPARE(xdpVerdictName(miss->retval), std::string("XDP_PASS"));
    Result<Entry> def = readDefault(p, "ipv4_fwd");
    CHECK_OK(def);
    QVERIFY(def->compiledDefault);
    QCOMPARE(def->action, std::string("ingress.pass_to_kernel"));

    // Default changed to drop, then reset.
    CHECK_OK(setDefault(p, "ipv4_fwd", "drop", {}));
    QCOMPARE(take(readDefault(p, "ipv4_fwd")).action, std::string("ingress.drop"));
    QVERIFY(!take(readDefault(p, "ipv4_fwd")).compiledDefault);
    QCOMPARE(xdpVerdictName(take(testRun(p.programFd(), ipv4Packet("0a 00 00 07"))).retval), std::string("XDP_DROP"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
    QCOMPARE(take(testRun(p.programFd(), ipv4Packet("0a 00 00 07"))).retval, 2u);

    // Non-IPv4 passes; a runt frame is dropped by the parser.
    std::vector<std::uint8_t> arp = ipv4Packet("0a 00 00 02");
    arp[12] = 0x08;
    arp[13] = 0x06;
    QCOMPARE(take(testRun(p.programFd(), arp)).retval, 2u);
    std::vector<std::uint8_t> runt = ipv4Packet("0a 00 00 02");
    runt.resize(20);  // Ethernet + 6 bytes: too short for the IPv4 header
    QCOMPARE(take(testRun(p.programFd(), runt)).retval, 1u);
    // The kernel refuses XDP test runs shorter than an Ethernet header.
    Result<TestRunResult> tiny = testRun(p.programFd(), *parseHex("00 11 22"));
    QVERIFY(!tiny.ok());
    QVERIFY(tiny.error().message.find("14 bytes") != std::string::npos);

    // Totals: 6 runs entered start; repeat=10 adds 10 more.
    Result<TestRunResult> many = testRun(p.programFd(), ipv4Packet("0a 00 00 02"), 10);
    CHECK_OK(many);
    QCOMPARE(many->repeat, 10u);
    Result<std::vector<StageCount>> counts = readStageCounters(p);
    CHECK_OK(counts);
    QCOMPARE(counts->at(0).count, std::uint64_t(16));
    QCOMPARE(counts->at(9).count, std::uint64_t(11));  // XDP_TX
    QCOMPARE(counts->at(3).stage.kind, std::string("table_miss"));
    QCOMPARE(counts->at(3).count, std::uint64_t(3));
    QVERIFY(!testRun(p.programFd(), std::vector<std::uint8_t>{}).ok());

    Result<UniqueFd> stats = enableRunTimeStats();
    CHECK_OK(stats);
    CHECK_OK(testRun(p.programFd(), ipv4Packet("0a 00 00 02"), 5));
    Result<ProgramStats> ps = readProgramStats(p.programFd());
    CHECK_OK(ps);
    QCOMPARE(ps->id, p.programId());
    QVERIFY(ps->runCount >= 5);
  }

  void batchRunsWithBuiltPackets() {
    const LoadedProgram& p = *m_prog;
    CHECK_OK(clearTable(p, "ipv4_fwd"));
    CHECK_OK(resetDefault(p, "ipv4_fwd"));
    CHECK_OK(addEntry(p, "ipv4_fwd", {"10.0.0.2"}, "drop", {}));
    std::vector<std::vector<std::uint8_t>> packets;
    for (const char* spec : {"dst=10.0.0.2", "dst=10.0.0.3 proto=tcp", "proto=icmp dst=10.0.0.2"})
      packets.push_back(take(buildPacket(take(parsePacketSpec(spec)))));
    Result<std::vector<TestRunResult>> runs = testRunBatch(p.programFd(), packets);
    CHECK_OK(runs);
    QCOMPARE(runs->size(), std::size_t(3));
    QCOMPARE(xdpVerdictName(runs->at(0).retval), std::string("XDP_DROP"));
    QCOMPARE(xdpVerdictName(runs->at(1).retval), std::string("XDP_PASS"));
    QCOMPARE(xdpVerdictName(runs->at(2).retval), std::string("XDP_DROP"));
    QCOMPARE(describePacket(runs->at(1).output), describePacket(packets[1]));
    packets.push_back({1, 2, 3});
    Result<std::vector<TestRunResult>> bad = testRunBatch(p.programFd(), packets);
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.find("packet 4:") == 0);
    CHECK_OK(clearTable(p, "ipv4_fwd"));
  }

  void constEntriesAreInstalled() {
    std::string withConst = m_spec->schema().json;
    std::string marker = "\"const_entries\": []";
    withConst.replace(withConst.find(marker), marker.size(),
                      R"("const_entries": [{"keys": ["10.0.0.9"], "action": "ingress.drop", "args": []},
                                           {"keys": ["10.0.0.10"], "action": "forward",
                                            "args": ["02:00:00:00:00:0a", "02:00:00:00:00:01"]}])");
    Result<ObjectSpec> spec = ObjectSpec::fromBytes(m_spec->bytes(), withConst);
    CHECK_OK(spec);
    QCOMPARE(spec->schema().tables[0].constEntries.size(), std::size_t(2));
    Result<LoadedProgram> prog = LoadedProgram::load(*spec);
    CHECK_OK(prog);
    QCOMPARE(take(dumpTable(*prog, "ipv4_fwd")).size(), std::size_t(2));
    QCOMPARE(take(lookupEntry(*prog, "ipv4_fwd", {"10.0.0.9"})).action, std::string("ingress.drop"));
    QCOMPARE(take(testRun(prog->programFd(), ipv4Packet("0a 00 00 0a"))).retval, 3u);  // XDP_TX
    LoadOptions bare;
    bare.installConstEntries = false;
    Result<LoadedProgram> without = LoadedProgram::load(*spec, bare);
    CHECK_OK(without);
    QVERIFY(take(dumpTable(*without, "ipv4_fwd")).empty());
    // A const entry that does not fit its table fails the load with a clear message.
    std::string broken = withConst;
    broken.replace(broken.find("10.0.0.9"), 8, "10.0.0.999");
    Result<LoadedProgram> bad = LoadedProgram::load(*ObjectSpec::fromBytes(m_spec->bytes(), broken));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.find("const entry 1 of table ingress.ipv4_fwd") == 0, bad.error().message.c_str());
  }

  void mapInfoAndLayoutChecks() {
    Result<MapInfo> info = m_prog->mapInfo("ingress_ipv4_fwd");
    CHECK_OK(info);
    QCOMPARE(info->typeName, std::string("hash"));
    QCOMPARE(info->keySize, 4u);
    QCOMPARE(info->valueSize, 16u);
    QCOMPARE(info->maxEntries, 1024u);
    QCOMPARE(take(m_prog->mapInfo("p4wb_stages")).typeName, std::string("percpu_array"));
    QVERIFY(take(m_prog->mapInfos()).size() >= 3);
    // A schema that lies about the value size is refused before touching the map.
    std::string lying = m_spec->schema().json;
    lying.replace(lying.find("\"value_size\": 16"), 16, "\"value_size\": 17");
    Result<ObjectSpec> spec = ObjectSpec::fromBytes(m_spec->bytes(), lying);
    CHECK_OK(spec);
    Result<LoadedProgram> prog = LoadedProgram::load(*spec);
    CHECK_OK(prog);
    Status s = addEntry(*prog, "ipv4_fwd", {"10.0.0.2"}, "drop", {});
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.find("does not match map ingress_ipv4_fwd") != std::string::npos,
             s.error().message.c_str());
  }

  void verifierLogOnSuccess() {
    LoadOptions options;
    options.logLevel = 1;
    Result<LoadedProgram> prog = LoadedProgram::load(*m_spec, options);
    CHECK_OK(prog);
    QVERIFY2(prog->verifierLog().find("processed") != std::string::npos, prog->verifierLog().c_str());
    QVERIFY(m_prog->verifierLog().empty());
  }

  void verifierLogOnRejection() {
    Result<ObjectSpec> bad = ObjectSpec::fromFile(P4WB_RUNTIME_FIXTURE_DIR "/bad_fixture.o",
                                                  std::string(R"({"schema_version":1,"program":{}})"));
    CHECK_OK(bad);
    Result<LoadedProgram> prog = LoadedProgram::load(*bad);
    QVERIFY(!prog.ok());
    QVERIFY2(prog.error().message.find("verifier") != std::string::npos, prog.error().message.c_str());
    // The kernel log explains the rejection (an unchecked packet access).
    QVERIFY2(prog.error().detail.find("invalid access to packet") != std::string::npos,
             prog.error().detail.c_str());
  }
};

P4WB_KERNEL_TEST_MAIN(RuntimeKernelTest)
#include "test_runtime_kernel.moc"
