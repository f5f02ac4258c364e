// The Packet Lab beyond single frames: VLAN and IPv6 templates built through the dock's
// widgets (lengths and checksums checked independently), and, as root, a pcap opened,
// run through the compiled basic_fwd and saved; an STF script with pass/fail per packet;
// a composed frame sent into a lab interface and captured on its peer.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

#include <future>

#include "app/studio/main_window.h"
#include "app/studio/runtime_service.h"
#include "app/studio/workbench.h"
#include "runtime/hex.h"
#include "runtime/lab.h"
#include "runtime/packet.h"
#include "runtime/packet_io.h"
#include "runtime/pcap.h"
#include "visualizer/packet_batch_panel.h"
#include "visualizer/packet_lab_dock.h"

using namespace p4wb;

namespace {

std::uint16_t at16(const std::vector<std::uint8_t>& b, size_t at) {
  return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

// Ones' complement sum of 16-bit words; a correct checksum makes the total 0xffff.
std::uint32_t sum16(const std::vector<std::uint8_t>& b, size_t from, size_t to, std::uint32_t sum = 0) {
  for (size_t i = from; i < to; i += 2)
    sum += static_cast<std::uint32_t>(b[i] << 8 | (i + 1 < to ? b[i + 1] : 0));
  return sum;
}
std::uint16_t fold(std::uint32_t sum) {
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(sum);
}

}  // namespace

class TestPacketLab : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void vlanIpv6TemplateThroughTheWidgets();
  void vlanIpv4AndDescribe();
  void pcapRunAndSave();
  void stfShowsPassAndFailPerPacket();
  void sendsIntoLabInterface();
  void cleanupTestCase();

 private:
  bool compileExample();
  visualizer::PacketLabDock* lab() const { return m_workbench->mainWindow()->packetLabDock(); }

  std::unique_ptr<app::Workbench> m_workbench;
  QTemporaryDir m_dir;
  bool m_compiled = false;
};

void TestPacketLab::initTestCase() {
  QCoreApplication::setOrganizationName(QStringLiteral("p4wb-tests"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_packet_lab"));
  QSettings().clear();
  m_workbench = std::make_unique<app::Workbench>();
  m_workbench->mainWindow()->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_workbench->mainWindow()));
  QVERIFY(m_workbench->openFile(QStringLiteral(P4WB_EXAMPLES_DIR "/basic_fwd.p4")));
}

bool TestPacketLab::compileExample() {
  if (m_compiled) return true;
  QSignalSpy compiled(m_workbench.get(), &app::Workbench::compileFinished);
  m_workbench->mainWindow()->actions().compile->trigger();
  m_compiled = compiled.wait(60000) && compiled.at(0).at(0).toBool();
  return m_compiled;
}

void TestPacketLab::vlanIpv6TemplateThroughTheWidgets() {
  auto* version = lab()->findChild<QComboBox*>(QStringLiteral("ipVersion"));
  auto* vlan = lab()->findChild<QLineEdit*>(QStringLiteral("vlan"));
  auto* src = lab()->findChild<QLineEdit*>(QStringLiteral("src"));
  QVERIFY(version && vlan && src);
  version->setCurrentIndex(version->findData(6));
  QCOMPARE(src->text(), QStringLiteral("fd00::1"));  // defaults follow the version
  QTest::keyClicks(vlan, QStringLiteral("10"));
  lab()->setTemplateField(QStringLiteral("pcp"), QStringLiteral("3"));
  QString error;
  QVERIFY2(lab()->buildFromTemplate(&error), qPrintable(error));
  const std::vector<std::uint8_t> f = lab()->packet();
  // 14 Ethernet + 4 tag + 40 IPv6 + 8 UDP.
  QCOMPARE(f.size(), size_t{66});
  QCOMPARE(at16(f, 12), std::uint16_t{0x8100});
  QCOMPARE(at16(f, 14), std::uint16_t{3 << 13 | 10});
  QCOMPARE(at16(f, 16), std::uint16_t{0x86dd});
  QCOMPARE(f[18] >> 4, 6);
  QCOMPARE(at16(f, 18 + 4), std::uint16_t{8});  // payload length
  QCOMPARE(int(f[18 + 6]), 17);  // next header: UDP
  QCOMPARE(int(f[18 + 7]), 64);  // hop limit
  // UDP checksum over the IPv6 pseudo header (addresses, length, next header).
  std::uint32_t pseudo = sum16(f, 18 + 8, 18 + 40) + 8 + 17;
  QCOMPARE(fold(sum16(f, 58, 66, pseudo)), std::uint16_t{0xffff});
  const QString text = QString::fromStdString(runtime::describePacket(f));
  QVERIFY2(text.contains(QStringLiteral("vlan 10 pcp 3 IPv6 fd00::1 > fd00::2 hlim 64 UDP 1234 > 80")),
           qPrintable(text));
  // ICMPv6 echo request, checksum with the pseudo header too.
  lab()->setTemplateField(QStringLiteral("proto"), QStringLiteral("icmp"));
  QVERIFY(lab()->buildFromTemplate());
  const std::vector<std::uint8_t> ping = lab()->packet();
  QCOMPARE(int(ping[18 + 6]), 58);
  QCOMPARE(int(ping[58]), 128);
  pseudo = sum16(ping, 18 + 8, 18 + 40) + 8 + 58;
  QCOMPARE(fold(sum16(ping, 58, 66, pseudo)), std::uint16_t{0xffff});
  QVERIFY(runtime::describePacket(ping).ends_with("ICMPv6 type 128 code 0"));
  // Back to IPv4 untagged: the defaults come back.
  lab()->setTemplateField(QStringLiteral("proto"), QStringLiteral("udp"));
  lab()->setTemplateField(QStringLiteral("vlan"), QString());
  lab()->setTemplateField(QStringLiteral("pcp"), QString());
  version->setCurrentIndex(version->findData(4));
  QCOMPARE(src->text(), QStringLiteral("10.0.0.1"));
  QVERIFY(lab()->buildFromTemplate());
  QCOMPARE(at16(lab()->packet(), 12), std::uint16_t{0x0800});
}

void TestPacketLab::vlanIpv4AndDescribe() {
  auto spec = runtime::parsePacketSpec("vlan=4095 dst=10.0.0.9 proto=tcp dport=443");
  QVERIFY(spec.ok());
  auto frame = runtime::buildPacket(*spec);
  QVERIFY(frame.ok());
  QCOMPARE(at16(*frame, 16), std::uint16_t{0x0800});
  QCOMPARE(fold(sum16(*frame, 18, 38)), std::uint16_t{0xffff});  // IPv4 header checksum
  QVERIFY(runtime::describePacket(*frame).ends_with("vlan 4095 pcp 0 IPv4 10.0.0.1 > 10.0.0.9 ttl 64 TCP 1234 > 443 len 0"));
  QVERIFY(!runtime::parsePacketSpec("vlan=4096").ok());
  QVERIFY(!runtime::parsePacketSpec("ip=5").ok());
  QVERIFY(!runtime::buildPacket(*runtime::parsePacketSpec("ip=6 dst=10.0.0.9")).ok());
}

void TestPacketLab::pcapRunAndSave() {
  if (geteuid() != 0) QSKIP("test runs need root (BPF)");
  QVERIFY(compileExample());
  const QString in = m_dir.filePath(QStringLiteral("in.pcap"));
  std::vector<std::vector<std::uint8_t>> packets;
  for (const char* spec : {"dst=10.0.0.2", "dst=10.0.0.3 proto=tcp", "dst=fd00::5"})
    packets.push_back(*runtime::buildPacket(*runtime::parsePacketSpec(spec)));
  QVERIFY(runtime::writePcap(in.toStdString(), packets).ok());

  visualizer::PacketBatchPanel* batch = lab()->batchPanel();
  QAbstractItemModelTester tester(batch->table()->model(),
                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
  QVERIFY(batch->openPcap(in));
  QCOMPARE(batch->table()->rowCount(), 3);
  QVERIFY(batch->table()->item(2, visualizer::PacketBatchPanel::Input)->text().contains(QStringLiteral("IPv6")));
  QSignalSpy ran(m_workbench->runtimeService(), &app::RuntimeService::batchRunFinished);
  QTest::mouseClick(batch->findChild<QPushButton*>(QStringLiteral("runAll")), Qt::LeftButton);
  QVERIFY(ran.wait(20000));
  QVERIFY2(ran.at(0).at(0).toBool(), qPrintable(ran.at(0).at(1).toString()));
  // No table entries: basic_fwd passes IPv4 misses to the kernel (and non-IPv4 too).
  for (int r = 0; r < 3; ++r)
    QVERIFY(batch->table()->item(r, visualizer::PacketBatchPanel::Verdict)->text().startsWith(QStringLiteral("XDP_")));
  const QString out = m_dir.filePath(QStringLiteral("out.pcap"));
  QVERIFY2(batch->saveOutputsAsPcap(out), qPrintable(batch->statusText()));
  auto saved = runtime::readPcap(out.toStdString());
  QVERIFY(saved.ok());
  QVERIFY(!saved->empty());
  QCOMPARE(saved->front(), packets.front());  // a miss leaves the frame as it was
}

void TestPacketLab::stfShowsPassAndFailPerPacket() {
  if (geteuid() != 0) QSKIP("STF runs need root (BPF)");
  QVERIFY(compileExample());
  const std::vector<std::uint8_t> miss = *runtime::buildPacket(*runtime::parsePacketSpec("dst=10.0.0.7"));
  const std::vector<std::uint8_t> dropped = *runtime::buildPacket(*runtime::parsePacketSpec("dst=10.0.0.8"));
  const QString missHex = QString::fromStdString(runtime::formatHex(miss, ""));
  const QString dropHex = QString::fromStdString(runtime::formatHex(dropped, ""));
  // Packet 1 expects what a miss does (sent on unchanged): passes. Packet 2 is dropped
  // by its entry but the script claims it passes: fails.
  const QString script = QStringLiteral(
                             "add ingress.ipv4_fwd hdr.ipv4.dstAddr:0x0a000008 ingress.drop()\n"
                             "packet 0 %1\n"
                             "expect 0 %1\n"
                             "packet 0 %2\n"
                             "expect XDP_PASS\n")
                             .arg(missHex, dropHex);
  visualizer::PacketBatchPanel* batch = lab()->batchPanel();
  QSignalSpy done(m_workbench->runtimeService(), &app::RuntimeService::stfFinished);
  batch->runStfScript(script);
  QVERIFY(done.wait(20000));
  QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
  QTableWidget* t = batch->table();
  QCOMPARE(t->rowCount(), 2);
  QCOMPARE(t->item(0, visualizer::PacketBatchPanel::Number)->text(), QStringLiteral("2"));
  QCOMPARE(t->item(0, visualizer::PacketBatchPanel::Verdict)->text(), QStringLiteral("pass"));
  QCOMPARE(t->item(1, visualizer::PacketBatchPanel::Verdict)->text(), QStringLiteral("FAIL"));
  QVERIFY(batch->statusText().contains(QStringLiteral("failed")));
}

void TestPacketLab::sendsIntoLabInterface() {
  if (geteuid() != 0) QSKIP("sending frames needs root (network namespaces, AF_PACKET)");
  runtime::LabOptions options;
  options.netns = "p4wb-plab-" + std::to_string(getpid());
  auto made = runtime::Lab::create(options);
  QVERIFY2(made.ok(), made.ok() ? "" : made.error().render().c_str());
  runtime::Lab testLab = std::move(made).value();
  const QString ns = QString::fromStdString(testLab.netns());
  m_workbench->runtimeService()->describeTargets();
  QTRY_VERIFY_WITH_TIMEOUT(lab()->setSendTarget(ns, QStringLiteral("veth0")), 10000);
  lab()->setTemplateField(QStringLiteral("dst"), QStringLiteral("10.0.0.99"));
  QVERIFY(lab()->buildFromTemplate());
  const std::vector<std::uint8_t> frame = lab()->packet();
  runtime::CaptureLimits limits;
  limits.count = 1;
  limits.seconds = 10;
  limits.includeOutgoing = false;
  auto captured = std::async(std::launch::async, [&] {
    return runtime::captureFrames(testLab.netns(), "veth1", limits);
  });
  QTest::qWait(300);  // the capture socket is bound before the frame goes out
  QSignalSpy sent(m_workbench->runtimeService(), &app::RuntimeService::sendFinished);
  QTest::mouseClick(lab()->findChild<QPushButton*>(QStringLiteral("send")), Qt::LeftButton);
  QVERIFY(sent.wait(10000));
  QVERIFY2(sent.at(0).at(0).toBool(), qPrintable(sent.at(0).at(1).toString()));
  QVERIFY(lab()->sendStatusText().contains(QStringLiteral("Sent 1 frame")));
  auto frames = captured.get();
  QVERIFY2(frames.ok(), frames.ok() ? "" : frames.error().render().c_str());
  QCOMPARE(frames->size(), size_t{1});
  QCOMPARE(frames->front().data, frame);
  (void)testLab.destroy();
}

void TestPacketLab::cleanupTestCase() { m_workbench.reset(); }

QTEST_MAIN(TestPacketLab)
#include "tst_packet_lab.moc"
