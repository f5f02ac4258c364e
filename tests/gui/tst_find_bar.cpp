// The editor's find bar walks through matches in both directions, wraps around, and
// says when there is none.
#include <QLineEdit>
#include <QTest>

#include "editor/find_bar.h"
#include "editor/p4_editor.h"

using p4wb::editor::FindBar;
using p4wb::editor::P4Editor;

class TestFindBar : public QObject {
  Q_OBJECT

 private slots:
  void walksMatches();
};

namespace {

int selectionLine(const P4Editor& editor) {
  int line = -1, index = -1, lineTo = -1, indexTo = -1;
  editor.getSelection(&line, &index, &lineTo, &indexTo);
  return line;
}

}  // namespace

void TestFindBar::walksMatches() {
  P4Editor editor;
  FindBar bar(&editor);
  editor.setText(QStringLiteral("table a {}\n// nothing\ntable b {}\ncontrol c {}\ntable d {}\n"));
  editor.setCursorPosition(0, 0);
  bar.activate();
  QVERIFY(!bar.isHidden());

  QTest::keyClicks(bar.lineEdit(), QStringLiteral("table"));  // incremental: first match
  QCOMPARE(editor.selectedText(), QStringLiteral("table"));
  QCOMPARE(selectionLine(editor), 0);
  QVERIFY(bar.findNext());
  QCOMPARE(selectionLine(editor), 2);
  QVERIFY(bar.findNext());
  QCOMPARE(selectionLine(editor), 4);
  QVERIFY(bar.findNext());  // wraps around
  QCOMPARE(selectionLine(editor), 0);
  QVERIFY(bar.findPrevious());  // and back
  QCOMPARE(selectionLine(editor), 4);
  QVERIFY(bar.findPrevious());
  QCOMPARE(selectionLine(editor), 2);

  bar.lineEdit()->setText(QStringLiteral("parser"));
  QVERIFY(!bar.findNext());
  QCOMPARE(editor.text().count(QStringLiteral("table")), 3);  // never edits

  QTest::keyClick(bar.lineEdit(), Qt::Key_Escape);
  QVERIFY(bar.isHidden());
}

QTEST_MAIN(TestFindBar)
#include "tst_find_bar.moc"
