// Runtime tests against the real kernel (root only; exit 77 otherwise): load the fixture
// object, typed table entries, test runs with verdicts and stage counters, verifier-log
// capture, and a named load/attach/unload cycle on a veth inside a private namespace.
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "runtime/attach.h"
#include "runtime/counters.h"
#include "runtime/hex.h"
#include "runtime/lab.h"
#include "runtime/loaded_program.h"
#include "runtime/netns.h"
#include "runtime/program_store.h"
#include "runtime/stf.h"
#include "runtime/table.h"
#include "runtime/table_script.h"
#include "runtime/test_run.h"

using namespace p4wb::runtime;

namespace {

const char* kFixture = P4WB_RUNTIME_FIXTURE_DIR "/xdp_fixture.o";

// Ethernet + IPv4 header to dst; the rest of the frame is padding.
std::vector<std::uint8_t> ipv4Packet(const std::string& dst) {
  std::string hex = "ff ff ff ff ff ff 02 00 00 00 00 aa 08 00 "  // eth
                    "45 00 00 2e 00 00 00 00 40 11 00 00 0a 00 00 01 " + dst +  // ipv4
                    " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
  return *parseHex(hex);
}

std::string describe(const Error& e) { return e.render() + (e.detail.empty() ? "" : "\n" + e.detail); }

#define CHECK_OK(expr)                                                          \
  do {                                                                          \
    auto&& _r = (expr);                                                         \
    QVERIFY2(_r.ok(), _r.ok() ? "" : describe(_r.error()).c_str());             \
  } while (0)

// Value of a Result, or (after logging the error) a default value so the following
// QCOMPARE fails cleanly instead of the test crashing.
template <typename T>
T take(Result<T> r) {
  if (r.ok()) return std::move(r).value();
  qWarning("unexpected error: %s", describe(r.error()).c_str());
  return T{};
}

// A UDP socket bound to addr:port, created inside netns (sockets keep their namespace).
Result<UniqueFd> udpSocketIn(const std::string& netns, const char* addr, std::uint16_t port) {
  return inNetns(netns, [&]() -> Result<UniqueFd> {
    UniqueFd fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) return makeError(errno, "socket");
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    inet_pton(AF_INET, addr, &sa.sin_addr);
    if (port && bind(fd.get(), reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) return makeError(errno, "bind");
    return fd;
  });
}

bool sendUdp(int fd, const char* addr, std::uint16_t port) {
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_port = htons(port);
  inet_pton(AF_INET, addr, &sa.sin_addr);
  return sendto(fd, "p4wb", 4, 0, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 4;
}

bool receivedWithin(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, ms) != 1) return false;
  char buf[64];
  return recv(fd, buf, sizeof buf, 0) == 4;
}

std::uint64_t inodeOf(const char* path) {
  struct stat st {};
  return stat(path, &st) == 0 ? st.st_ino : 0;
}

}  // namespace

class RuntimeKernelTest : public QObject {
  Q_OBJECT

 private:
  std::optional<ObjectSpec> m_spec;
  std::optional<LoadedProgram> m_prog;
  std::optional<Lab> m_lab;
  QTemporaryDir m_stateDir;
  std::string m_pinRoot = "/sys/fs/bpf/p4wb-test-" + std::to_string(getpid());
  std::string m_netns = "p4wb-rt-" + std::to_string(getpid());

  StorePaths storePaths() const { return StorePaths{m_pinRoot, m_stateDir.path().toStdString()}; }

 private slots:
  void initTestCase() {
    QVERIFY(m_stateDir.isValid());
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

  void cleanupTestCase() {
    // Every path ends here: remove the namespace (and veths) and any stray pins.
    if (m_lab) (void)m_lab->destroy();
    std::error_code ec;
    std::filesystem::remove_all(m_pinRoot, ec);
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

  void netnsHelpers() {
    Result<Lab> lab = Lab::create({m_netns, "veth0", "veth1", "10.9.0.1/24", "10.9.0.2/24", ""});
    CHECK_OK(lab);
    m_lab.emplace(std::move(*lab));
    Result<std::vector<std::string>> names = listNetns();
    CHECK_OK(names);
    QVERIFY(std::find(names->begin(), names->end(), m_netns) != names->end());
    std::uint64_t before = inodeOf("/proc/thread-self/ns/net");
    Result<unsigned> index = interfaceIndex(m_netns, "veth0");
    CHECK_OK(index);
    QVERIFY(*index > 0);
    QCOMPARE(inodeOf("/proc/thread-self/ns/net"), before);  // caller never moved
    Result<unsigned> none = interfaceIndex(m_netns, "veth9");
    QVERIFY(!none.ok());
    QCOMPARE(none.error().errnum, ENODEV);
    Result<std::vector<Interface>> ifs = listInterfaces(m_netns);
    CHECK_OK(ifs);
    QCOMPARE(ifs->size(), std::size_t(3));  // lo, veth0, veth1
    QCOMPARE(interfaceIndex("p4wb-no-such-ns", "lo").error().errnum, ENOENT);
    Result<std::string> inside = inNetns(m_netns, [] { return currentNetns(); });
    CHECK_OK(inside);
    QCOMPARE(*inside, m_netns);
    QVERIFY(!createNetns(m_netns).ok());  // already exists
  }

  void storeLoadAttachUnload() {
    QVERIFY(m_lab.has_value());
    ProgramStore store(storePaths());
    Target target{m_netns, "veth0", Hook::Xdp, XdpMode::Generic};
    Result<LoadedProgram> loaded = store.loadAndAttach(*m_spec, target, "fwd");
    CHECK_OK(loaded);
    Result<Attachment> attached = queryAttached(target);
    CHECK_OK(attached);
    QCOMPARE(attached->progId, loaded->programId());
    QVERIFY(attached->mode == XdpMode::Generic);
    struct stat st {};
    QCOMPARE(stat((m_pinRoot + "/fwd").c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0700u);

    // Same name again, and a second program on the same interface, are refused.
    QCOMPARE(store.loadAndAttach(*m_spec, target, "fwd").error().errnum, EEXIST);
    Result<LoadedProgram> other = store.loadAndAttach(*m_spec, target, "fwd2");
    QVERIFY(!other.ok());
    QCOMPARE(other.error().errnum, EEXIST);
    QVERIFY(!std::filesystem::exists(m_pinRoot + "/fwd2"));  // undone
    QCOMPARE(store.loadAndAttach(*m_spec, target, "bad/name").error().errnum, EINVAL);

    // A later "process": reopen by name, write through one handle, read through another.
    {
      Result<LoadedProgram> a = store.open("fwd");
      CHECK_OK(a);
      QCOMPARE(a->programId(), loaded->programId());
      CHECK_OK(addEntry(*a, "ipv4_fwd", {"10.9.0.2"}, "drop", {}));
    }
    Result<LoadedProgram> b = store.open("fwd");
    CHECK_OK(b);
    QCOMPARE(take(dumpTable(*b, "ipv4_fwd")).size(), std::size_t(1));
    QCOMPARE(take(testRun(b->programFd(), ipv4Packet("0a 09 00 02"))).retval, 1u);
    Result<std::vector<ProgramRecord>> list = store.list();
    CHECK_OK(list);
    QCOMPARE(list->size(), std::size_t(1));
    QCOMPARE(list->at(0).target.ifname, std::string("veth0"));
    QCOMPARE(list->at(0).progId, loaded->programId());
    QVERIFY(list->at(0).attachedMode == XdpMode::Generic);
    QCOMPARE(take(store.objectBytes("fwd")).size(), m_spec->bytes().size());

    // Hot reload with the same object: entries and the changed default move over and
    // the attachment switches to the new program.
    CHECK_OK(setDefault(*b, "ipv4_fwd", "drop", {}));
    Result<ReloadReport> same = store.reload("fwd", *m_spec);
    CHECK_OK(same);
    QCOMPARE(same->oldProgId, loaded->programId());
    QVERIFY(same->newProgId != same->oldProgId);
    QCOMPARE(same->entriesMoved, std::size_t(1));
    QCOMPARE(same->defaultsMoved, std::size_t(1));
    QVERIFY(same->notMoved.empty());
    QCOMPARE(take(queryAttached(target)).progId, same->newProgId);
    Result<LoadedProgram> c = store.open("fwd");
    CHECK_OK(c);
    QCOMPARE(c->programId(), same->newProgId);
    QCOMPARE(take(lookupEntry(*c, "ipv4_fwd", {"10.9.0.2"})).action, std::string("ingress.drop"));
    QCOMPARE(take(store.record("fwd")).progId, same->newProgId);

    // A schema without the drop action: that entry and the default cannot move.
    std::string renamed = m_spec->schema().json;
    for (std::size_t at; (at = renamed.find("ingress.drop")) != std::string::npos;)
      renamed.replace(at, 12, "ingress.discard");
    Result<ObjectSpec> changed = ObjectSpec::fromBytes(m_spec->bytes(), renamed);
    CHECK_OK(changed);
    CHECK_OK(addEntry(*c, "ipv4_fwd", {"10.9.0.3"}, "pass_to_kernel", {}));
    Result<ReloadReport> partial = store.reload("fwd", *changed);
    CHECK_OK(partial);
    QCOMPARE(partial->entriesMoved, std::size_t(1));
    QCOMPARE(partial->notMoved.size(), std::size_t(2));
    QVERIFY2(partial->notMoved[0].find("10.9.0.2 -> ingress.drop") != std::string::npos,
             partial->notMoved[0].c_str());
    QCOMPARE(take(queryAttached(target)).progId, partial->newProgId);
    QVERIFY(!std::filesystem::exists(m_pinRoot + "/fwd__reload"));

    CHECK_OK(store.unload("fwd"));
    QCOMPARE(take(queryAttached(target)).progId, 0u);
    QVERIFY(!std::filesystem::exists(m_pinRoot + "/fwd"));
    QVERIFY(!std::filesystem::exists(storePaths().stateRoot + "/fwd"));
    QCOMPARE(store.open("fwd").error().errnum, ENOENT);
    QCOMPARE(store.unload("fwd").error().errnum, ENOENT);
  }

  void attachRefusesAndReplaces() {
    QVERIFY(m_lab.has_value());
    Target target{m_netns, "veth1", Hook::Xdp, XdpMode::Auto};
    Result<Attachment> first = attach(m_prog->programFd(), target);
    CHECK_OK(first);
    QCOMPARE(first->progId, m_prog->programId());
    QVERIFY(first->mode != XdpMode::Auto);
    Result<LoadedProgram> second = LoadedProgram::load(*m_spec);
    CHECK_OK(second);
    Result<Attachment> refused = attach(second->programFd(), target);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.find(std::to_string(m_prog->programId())) != std::string::npos);
    Result<Attachment> replaced = attach(second->programFd(), target, true);
    CHECK_OK(replaced);
    QCOMPARE(replaced->progId, second->programId());
    // Detach guarded by id: the old id no longer matches.
    QCOMPARE(detach(target, m_prog->programId()).error().errnum, EBUSY);
    CHECK_OK(detach(target, second->programId()));
    QCOMPARE(take(queryAttached(target)).progId, 0u);
    CHECK_OK(detach(target));  // nothing attached is fine
  }

  void tcAttachDetach() {
    QVERIFY(m_lab.has_value());
    const char* schema = R"({"schema_version":1,"program":{"arch":"ebpfFilter","hooks":["tc-ingress","tc-egress"],
      "sections":{"tc-ingress":"tc","tc-egress":"tc"}},"stage_counters":{"map":"p4wb_stages","count":1},
      "stages":[{"id":0,"kind":"control","name":"c"}]})";
    Result<ObjectSpec> spec = ObjectSpec::fromFile(P4WB_RUNTIME_FIXTURE_DIR "/tc_fixture.o", std::string(schema));
    CHECK_OK(spec);
    Result<LoadedProgram> one = LoadedProgram::load(*spec);
    CHECK_OK(one);
    Result<LoadedProgram> two = LoadedProgram::load(*spec);
    CHECK_OK(two);
    for (Hook hook : {Hook::TcIngress, Hook::TcEgress}) {
      Target target{m_netns, "veth0", hook, XdpMode::Auto};
      QCOMPARE(take(queryAttached(target)).progId, 0u);
      Result<Attachment> a = attach(one->programFd(), target);
      CHECK_OK(a);
      QCOMPARE(a->progId, one->programId());
      QCOMPARE(attach(two->programFd(), target).error().errnum, EEXIST);
      Result<Attachment> swapped = replaceAttached(two->programFd(), one->programFd(), target);
      CHECK_OK(swapped);
      QCOMPARE(swapped->progId, two->programId());
      QCOMPARE(detach(target, one->programId()).error().errnum, EBUSY);
      CHECK_OK(detach(target, two->programId()));
      QCOMPARE(take(queryAttached(target)).progId, 0u);
    }
    // Named load on a tc hook, and a hook the schema does not list.
    ProgramStore store(storePaths());
    Target ingress{m_netns, "veth0", Hook::TcIngress, XdpMode::Auto};
    Result<LoadedProgram> named = store.loadAndAttach(*spec, ingress, "tcprog");
    CHECK_OK(named);
    QCOMPARE(take(queryAttached(ingress)).progId, named->programId());
    CHECK_OK(store.unload("tcprog"));
    QCOMPARE(take(queryAttached(ingress)).progId, 0u);
    Target xdpTarget{m_netns, "veth0", Hook::Xdp, XdpMode::Auto};
    Result<LoadedProgram> wrongHook = store.loadAndAttach(*spec, xdpTarget, "tcprog");
    QVERIFY(!wrongHook.ok());
    QVERIFY(wrongHook.error().message.find("supports tc-ingress, tc-egress") != std::string::npos);
    // The XDP program cannot go on a tc hook: the kernel says so, we pass it on.
    Target tc{m_netns, "veth0", Hook::TcIngress, XdpMode::Auto};
    QVERIFY(!attach(m_prog->programFd(), tc).ok());
    // tc test runs take an skb: the packet passes (TC_ACT_OK) and is counted.
    Result<TestRunResult> run = testRun(one->programFd(), ipv4Packet("0a 00 00 02"));
    CHECK_OK(run);
    QCOMPARE(run->retval, 0u);
    QCOMPARE(take(readStageCounters(*one)).at(0).count, std::uint64_t(1));
  }

  void trafficThroughVeth() {
    // Two namespaces joined by a veth pair: a datagram from B to A crosses vethA, where
    // the program runs. No entry: the miss passes it up; a drop entry stops it.
    std::string nsA = m_netns + "-a", nsB = m_netns + "-b";
    Result<Lab> lab = Lab::create({nsA, "va", "vb", "10.10.0.1/24", "10.10.0.2/24", nsB});
    CHECK_OK(lab);
    Result<LoadedProgram> prog = LoadedProgram::load(*m_spec);
    CHECK_OK(prog);
    Target target{nsA, "va", Hook::Xdp, XdpMode::Auto};
    CHECK_OK(attach(prog->programFd(), target));
    Result<UniqueFd> rx = udpSocketIn(nsA, "10.10.0.1", 9999);
    CHECK_OK(rx);
    Result<UniqueFd> tx = udpSocketIn(nsB, "0.0.0.0", 0);
    CHECK_OK(tx);

    QVERIFY(sendUdp(tx->get(), "10.10.0.1", 9999));
    QVERIFY(receivedWithin(rx->get(), 3000));
    std::vector<StageCount> counts = take(readStageCounters(*prog));
    QVERIFY(counts.size() == 10);
    QVERIFY(counts[3].count >= 1);  // table miss
    QVERIFY(counts[7].count >= 2);  // XDP_PASS: ARP and the datagram

    CHECK_OK(addEntry(*prog, "ipv4_fwd", {"10.10.0.1"}, "drop", {}));
    QVERIFY(sendUdp(tx->get(), "10.10.0.1", 9999));
    QVERIFY(!receivedWithin(rx->get(), 500));
    counts = take(readStageCounters(*prog));
    QVERIFY(counts.size() == 10);
    QCOMPARE(counts[8].count, std::uint64_t(1));  // XDP_DROP
    QCOMPARE(counts[5].count, std::uint64_t(1));  // action drop
    CHECK_OK(detach(target, prog->programId()));
    CHECK_OK(lab->destroy());
    QVERIFY(!std::filesystem::exists(std::string(kNetnsDir) + "/" + nsB));
  }

  void labCleansUp() {
    QVERIFY(m_lab.has_value());
    CHECK_OK(m_lab->destroy());
    QVERIFY(!std::filesystem::exists(std::string(kNetnsDir) + "/" + m_netns));
    CHECK_OK(m_lab->destroy());  // idempotent
  }
};

int main(int argc, char** argv) {
  if (geteuid() != 0) {
    std::printf("SKIP: needs root (loads BPF programs, creates network namespaces)\n");
    return 77;
  }
  QCoreApplication app(argc, argv);
  RuntimeKernelTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_runtime_kernel.moc"
