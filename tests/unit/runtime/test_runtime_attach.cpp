// Runtime tests of attachment and namespaces (root only; exit 77 otherwise): netns
// helpers, the Lab, named load/attach/reload/unload with pins and state, XDP and tc
// attach/replace/detach on veths in private namespaces, and real UDP traffic through XDP.
#include <QtTest>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "runtime/attach.h"
#include "runtime/counters.h"
#include "runtime/hex.h"
#include "runtime/lab.h"
#include "runtime/loaded_program.h"
#include "runtime/netns.h"
#include "runtime/program_store.h"
#include "runtime/table.h"
#include "runtime/test_run.h"
#include "tests/unit/runtime/kernel_test_util.h"

using namespace p4wb::runtime;
using namespace p4wb::runtime::test;

namespace {

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

// An AF_PACKET socket bound to ifname inside netns: sees every frame arriving there.
Result<UniqueFd> packetSocketIn(const std::string& netns, const std::string& ifname) {
  return inNetns(netns, [&]() -> Result<UniqueFd> {
    UniqueFd fd(socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL)));
    if (!fd.valid()) return makeError(errno, "packet socket");
    sockaddr_ll sll{};
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETH_P_ALL);
    sll.sll_ifindex = static_cast<int>(if_nametoindex(ifname.c_str()));
    if (bind(fd.get(), reinterpret_cast<sockaddr*>(&sll), sizeof sll) != 0) return makeError(errno, "bind");
    return fd;
  });
}

// Waits up to ms for an incoming frame whose first 12 bytes are macs.
bool frameWithMacs(int fd, const std::vector<std::uint8_t>& macs, int ms) {
  for (int waited = 0; waited < ms; waited += 50) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) != 1) continue;
    std::uint8_t buf[2048];
    sockaddr_ll from{};
    socklen_t len = sizeof from;
    ssize_t n = recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
    if (n >= 12 && from.sll_pkttype != PACKET_OUTGOING && std::equal(macs.begin(), macs.end(), buf)) return true;
  }
  return false;
}

std::uint64_t inodeOf(const char* path) {
  struct stat st {};
  return stat(path, &st) == 0 ? st.st_ino : 0;
}

}  // namespace

class RuntimeAttachTest : public QObject {
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
  }

  void cleanupTestCase() {
    // Every path ends here: remove the namespace (and veths) and any stray pins.
    if (m_lab) (void)m_lab->destroy();
    std::error_code ec;
    std::filesystem::remove_all(m_pinRoot, ec);
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
    QVERIFY(list->at(0).pinned);
    std::vector<InterfaceXdp> ifs = take(listXdpAttachments(m_netns));
    QCOMPARE(ifs.size(), std::size_t(3));
    for (const InterfaceXdp& i : ifs)
      QCOMPARE(i.xdp.progId, i.ifname == "veth0" ? loaded->programId() : 0u);
    QCOMPARE(take(readProgramStatsById(loaded->programId())).id, loaded->programId());
    QCOMPARE(readProgramStatsById(0x7fffffff).error().errnum, ENOENT);
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

  void attachAndDetachNamed() {
    QVERIFY(m_lab.has_value());
    ProgramStore store(storePaths());
    Result<LoadedProgram> loaded = store.loadAndAttach(*m_spec, Target{}, "later");  // load + pin only
    CHECK_OK(loaded);
    QVERIFY(take(store.record("later")).target.ifname.empty());
    Target target{m_netns, "veth1", Hook::Xdp, XdpMode::Generic};
    Result<ProgramRecord> attached = store.attachNamed("later", target);
    CHECK_OK(attached);
    QCOMPARE(attached->target.ifname, std::string("veth1"));
    QCOMPARE(take(queryAttached(target)).progId, loaded->programId());
    QCOMPARE(store.attachNamed("later", target).error().errnum, EBUSY);
    QCOMPARE(take(store.record("later")).target.netns, m_netns);  // persisted
    Result<ProgramRecord> detached = store.detachNamed("later");
    CHECK_OK(detached);
    QVERIFY(detached->target.ifname.empty());
    QCOMPARE(take(queryAttached(target)).progId, 0u);
    QVERIFY(take(store.record("later")).target.ifname.empty());
    CHECK_OK(store.detachNamed("later"));  // idempotent
    CHECK_OK(store.unload("later"));
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
    // tc test runs take an skb: the packet passes (TC_ACT_OK) and is counted. Frames the
    // veth saw while the program was attached counted too: start from zero.
    CHECK_OK(resetStageCounters(*one));
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
    // Generic mode: native XDP_TX frames on a veth crossing namespaces did not reach the
    // peer's sockets on this kernel even with GRO on; generic mode delivers them.
    Target target{nsA, "va", Hook::Xdp, XdpMode::Generic};
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

    // forward: XDP_TX bounces the datagram back to vb with both MACs rewritten.
    Result<UniqueFd> sniff = packetSocketIn(nsB, "vb");
    CHECK_OK(sniff);
    CHECK_OK(modifyEntry(*prog, "ipv4_fwd", {"10.10.0.1"}, "forward", {"02:00:00:00:00:0b", "02:00:00:00:00:0a"}));
    QVERIFY(sendUdp(tx->get(), "10.10.0.1", 9999));
    QVERIFY(frameWithMacs(sniff->get(), *parseHex("02 00 00 00 00 0b 02 00 00 00 00 0a"), 3000));
    QCOMPARE(take(readStageCounters(*prog)).at(9).count, std::uint64_t(1));  // XDP_TX
    CHECK_OK(detach(target, prog->programId()));
    CHECK_OK(lab->destroy());
    QVERIFY(!std::filesystem::exists(std::string(kNetnsDir) + "/" + nsB));
  }

  void labFailureLeavesNothing() {
    std::string ns = m_netns + "-bad";
    Result<Lab> bad = Lab::create({ns, "x0", "x1", "10.0.0.1/99", "", ""});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.find("prefix length") != std::string::npos, bad.error().message.c_str());
    QVERIFY(!std::filesystem::exists(std::string(kNetnsDir) + "/" + ns));
    Result<Lab> longName = Lab::create({ns, "a-very-long-ifname0", "x1", "", "", ""});
    QVERIFY(!longName.ok());
    QVERIFY(!std::filesystem::exists(std::string(kNetnsDir) + "/" + ns));
    QCOMPARE(Lab::create({"bad/name", "x0", "x1", "", "", ""}).error().errnum, EINVAL);
  }

  void labCleansUp() {
    QVERIFY(m_lab.has_value());
    CHECK_OK(m_lab->destroy());
    QVERIFY(!std::filesystem::exists(std::string(kNetnsDir) + "/" + m_netns));
    CHECK_OK(m_lab->destroy());  // idempotent
  }
};

P4WB_KERNEL_TEST_MAIN(RuntimeAttachTest)
#include "test_runtime_attach.moc"
