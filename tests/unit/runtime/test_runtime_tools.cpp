// Runtime pieces behind the CLI's lab/targets/send/capture/exec commands: pcap files with
// real timestamps, refused runtime_CLI verbs, capture limits, lab names and records (no
// root), and a recorded lab going up and down with its interfaces listed (root only).
#include <QtTest>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "runtime/lab_store.h"
#include "runtime/netns.h"
#include "runtime/packet_io.h"
#include "runtime/pcap.h"
#include "runtime/table_script.h"
#include "runtime/targets.h"

using namespace p4wb::runtime;

class RuntimeToolsTest : public QObject {
  Q_OBJECT

 private:
  std::string m_dir;

 private slots:
  void initTestCase() {
    char tmpl[] = "/tmp/p4wb-tools-XXXXXX";
    QVERIFY(mkdtemp(tmpl));
    m_dir = tmpl;
  }
  void cleanupTestCase() { std::filesystem::remove_all(m_dir); }

  void pcapKeepsTimestamps() {
    const std::string path = m_dir + "/ts.pcap";
    std::vector<std::vector<std::uint8_t>> packets = {std::vector<std::uint8_t>(60, 1), std::vector<std::uint8_t>(64, 2)};
    const std::int64_t t0 = 1700000000LL * 1000000000LL + 123456789;
    QVERIFY(writePcap(path, packets, {t0, t0 + 2500000000LL}).ok());
    auto back = readPcap(path);
    QVERIFY(back.ok());
    QCOMPARE(back->size(), std::size_t{2});
    QCOMPARE((*back)[1], packets[1]);
    std::ifstream in(path, std::ios::binary);
    std::vector<char> b((std::istreambuf_iterator<char>(in)), {});
    auto u32 = [&](std::size_t off) {
      std::uint32_t v;
      std::memcpy(&v, b.data() + off, 4);
      return v;
    };
    QCOMPARE(u32(24), 1700000000u);  // first record: seconds, microseconds
    QCOMPARE(u32(28), 123456u);
    const std::size_t second = 24 + 16 + 60;
    QCOMPARE(u32(second), 1700000002u);
    QCOMPARE(u32(second + 4), 623456u);
  }

  // runtime_CLI extern lines parse into extern commands (run by runtime/externs.h);
  // a line missing its value is a usage error naming the line.
  void counterAndRegisterVerbsParse() {
    auto c = parseTableCommand("counter_read ingress.c 3");
    QVERIFY(c.ok());
    QVERIFY(c->op == TableCommand::Op::CounterRead && isExternCommand(*c));
    QCOMPARE(c->table, std::string("ingress.c"));
    QCOMPARE(c->keys, std::vector<std::string>{"3"});
    auto w = parseTableCommand("register_write r 0 7 255");
    QVERIFY(w.ok() && w->op == TableCommand::Op::RegisterWrite);
    QCOMPARE(w->params, (std::vector<std::string>{"7", "255"}));
    auto s = parseTableScript("table_clear t\nregister_write r 0\n");
    QVERIFY(!s.ok());
    QVERIFY(s.error().message.rfind("line 2: usage: register_write", 0) == 0);
  }

  void captureNeedsALimit() {
    auto r = captureFrames("", "lo", CaptureLimits{});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().errnum, EINVAL);
  }

  void sendToAMissingInterfaceNamesIt() {
    if (geteuid() != 0) QSKIP("needs root for AF_PACKET");
    auto r = sendFrames("", "p4wbnosuch0", {std::vector<std::uint8_t>(60, 0)});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().errnum, ENODEV);
    QVERIFY(r.error().message.find("p4wbnosuch0") != std::string::npos);
  }

  void labNamesAndMissingRecords() {
    QCOMPARE(labUp("bad/name", 1, m_dir).error().errnum, EINVAL);
    QCOMPARE(labUp("ok", 0, m_dir).error().errnum, EINVAL);
    QCOMPARE(labUp("ok", 65, m_dir).error().errnum, EINVAL);
    auto down = labDown("missing", m_dir);
    QVERIFY(!down.ok());
    QCOMPARE(down.error().errnum, ENOENT);
    QVERIFY(down.error().message.find("no lab named missing") != std::string::npos);
    auto none = listLabs(m_dir + "/absent");
    QVERIFY(none.ok() && none->empty());
  }

  void labUpListDown() {
    if (geteuid() != 0) QSKIP("needs root (network namespaces)");
    const std::string name = "p4wbu" + std::to_string(getpid());
    auto up = labUp(name, 2, m_dir);
    QVERIFY2(up.ok(), up.ok() ? "" : up.error().render().c_str());
    QCOMPARE(up->pairs.size(), std::size_t{2});
    QCOMPARE(labUp(name, 1, m_dir).error().errnum, EEXIST);
    auto labs = listLabs(m_dir);
    QVERIFY(labs.ok() && labs->size() == 1 && (*labs)[0].netns == name);
    auto ns = describeNetns(name);
    QVERIFY(ns.ok());
    bool veth1 = false;
    for (const auto& i : ns->interfaces)
      if (i.name == "veth1") {
        veth1 = i.up && std::find(i.addresses.begin(), i.addresses.end(), "10.0.1.1/24") != i.addresses.end();
        QCOMPARE(i.xdp.progId, 0u);
      }
    QVERIFY(veth1);
    auto all = listTargets();
    QVERIFY(all.ok() && all->front().current);
    QVERIFY(labDown(name, m_dir).ok());
    auto names = listNetns();
    QVERIFY(names.ok());
    QVERIFY(std::find(names->begin(), names->end(), name) == names->end());
    QVERIFY(std::find(names->begin(), names->end(), name + "-peer") == names->end());
    QCOMPARE(labDown(name, m_dir).error().errnum, ENOENT);
  }
};

QTEST_GUILESS_MAIN(RuntimeToolsTest)
#include "test_runtime_tools.moc"
