// The lexer-driven highlighter: keywords, width literals and a comment that spans
// lines get their styles, and editing inside the comment restyles what follows.
#include <QTest>

#include "editor/p4_editor.h"
#include "editor/p4_lexer.h"

using p4wb::editor::P4Editor;
using p4wb::editor::P4Lexer;

class TestP4Lexer : public QObject {
  Q_OBJECT

 private slots:
  void stylesTokens();
  void commentStateFollowsEdits();
  void keywordsComeFromTheCompiler();

 private:
  // Style of the byte at 0-based `line`/`index`, after making sure it is styled.
  static int styleAt(P4Editor& editor, int line, int index);
};

int TestP4Lexer::styleAt(P4Editor& editor, int line, int index) {
  const long pos = editor.positionFromLineIndex(line, index);
  editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
  return static_cast<int>(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, pos));
}

void TestP4Lexer::stylesTokens() {
  P4Editor editor;
  editor.setText(
      QStringLiteral("const bit<16> X = 16w0x0800; // eth\n"
                     "/* a comment\n"
                     "   table still comment */ table t {\n"
                     "#include <core.p4>\n"));
  // Line 0: keyword, type keyword, width literal, line comment.
  QCOMPARE(styleAt(editor, 0, 0), int(P4Lexer::Keyword));      // const
  QCOMPARE(styleAt(editor, 0, 6), int(P4Lexer::Type));         // bit
  QCOMPARE(styleAt(editor, 0, 14), int(P4Lexer::Identifier));  // X
  QCOMPARE(styleAt(editor, 0, 18), int(P4Lexer::Number));      // 16w0x0800
  QCOMPARE(styleAt(editor, 0, 26), int(P4Lexer::Number));      // ...the end of it
  QCOMPARE(styleAt(editor, 0, 30), int(P4Lexer::Comment));     // // eth
  // Lines 1-2: a block comment across lines; "table" inside it is comment, after it a keyword.
  QCOMPARE(styleAt(editor, 1, 0), int(P4Lexer::Comment));
  QCOMPARE(styleAt(editor, 2, 3), int(P4Lexer::Comment));
  QCOMPARE(styleAt(editor, 2, 26), int(P4Lexer::Keyword));     // table
  QCOMPARE(styleAt(editor, 2, 32), int(P4Lexer::Identifier));  // t
  // Line 3: preprocessor.
  QCOMPARE(styleAt(editor, 3, 0), int(P4Lexer::Preprocessor));
}

void TestP4Lexer::commentStateFollowsEdits() {
  P4Editor editor;
  editor.setText(
      QStringLiteral("control c() {\n"
                     "    apply { }\n"
                     "}\n"));
  QCOMPARE(styleAt(editor, 1, 4), int(P4Lexer::Keyword));  // apply
  // Opening a block comment on line 0 turns the following lines into comment...
  editor.insertAt(QStringLiteral("/* "), 0, 0);
  QCOMPARE(styleAt(editor, 1, 4), int(P4Lexer::Comment));
  QCOMPARE(styleAt(editor, 2, 0), int(P4Lexer::Comment));
  // ...and closing it on line 1 restores the code after it.
  editor.insertAt(QStringLiteral("*/"), 1, 0);
  QCOMPARE(styleAt(editor, 1, 0), int(P4Lexer::Comment));
  QCOMPARE(styleAt(editor, 1, 6), int(P4Lexer::Keyword));   // apply, shifted by "*/"
  QCOMPARE(styleAt(editor, 2, 0), int(P4Lexer::Operator));  // }
}

void TestP4Lexer::keywordsComeFromTheCompiler() {
  const QStringList words = P4Lexer::keywords();
  for (const char* kw : {"control", "parser", "table", "transition", "header", "bit", "apply"})
    QVERIFY2(words.contains(QLatin1String(kw)), kw);
  QVERIFY(!words.contains(QStringLiteral("_")));
  QVERIFY(!words.contains(QStringLiteral("{")));

  // Typing three letters of a keyword offers completion; accepting it inserts it.
  P4Editor editor;
  editor.show();
  QVERIFY(QTest::qWaitForWindowExposed(&editor));
  QTest::keyClicks(&editor, QStringLiteral("tran"));
  QTRY_VERIFY(editor.isListActive());
  QTest::keyClick(&editor, Qt::Key_Return);
  QCOMPARE(editor.text(), QStringLiteral("transition"));
}

QTEST_MAIN(TestP4Lexer)
#include "tst_p4_lexer.moc"
