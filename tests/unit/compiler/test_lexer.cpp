// Lexer tests: literal spellings, keywords, annotations, directives, and restarting
// line by line inside block comments (what the editor's highlighter relies on).
#include <QtTest>

#include "compiler/diag/diagnostics.h"
#include "compiler/lex/lexer.h"
#include "compiler/lex/literals.h"

using namespace p4wb::compiler;

class TestLexer : public QObject {
  Q_OBJECT

 private:
  static std::vector<TokenKind> kinds(const std::vector<Token>& toks) {
    std::vector<TokenKind> k;
    for (const auto& t : toks) k.push_back(t.kind);
    return k;
  }

 private slots:
  void literals_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");  // -1: none
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<qulonglong>("value");
    QTest::newRow("decimal") << "42" << -1 << false << 42ull;
    QTest::newRow("hex") << "0xFF" << -1 << false << 255ull;
    QTest::newRow("width hex") << "8w0xFF" << 8 << false << 255ull;
    QTest::newRow("signed") << "4s3" << 4 << true << 3ull;
    QTest::newRow("binary") << "0b1010" << -1 << false << 10ull;
    QTest::newRow("octal") << "0o17" << -1 << false << 15ull;
    QTest::newRow("explicit decimal") << "0d99" << -1 << false << 99ull;
    QTest::newRow("separators") << "1_000_000" << -1 << false << 1000000ull;
    QTest::newRow("width binary sep") << "16w0b1111_0000" << 16 << false << 240ull;
    QTest::newRow("ethertype") << "16w0x0800" << 16 << false << 2048ull;
  }

  void literals() {
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(bool, isSigned);
    QFETCH(qulonglong, value);
    std::string s = text.toStdString();
    auto toks = lexLine(s, {}, nullptr);
    QCOMPARE(toks.size(), size_t(1));
    QCOMPARE(toks[0].kind, TokenKind::IntLiteral);
    QCOMPARE(toks[0].text, std::string_view(s));
    IntLiteralInfo info = parseIntLiteral(toks[0].text);
    QVERIFY(info.ok);
    QCOMPARE(info.width.has_value() ? int(*info.width) : -1, width);
    QCOMPARE(info.isSigned, isSigned);
    QCOMPARE(qulonglong(info.value.getZExtValue()), value);
  }

  void invalidLiterals() {
    QVERIFY(!parseIntLiteral("0xZZ").ok);
    QVERIFY(!parseIntLiteral("0b102").ok);
    QVERIFY(!parseIntLiteral("8w").ok);
  }

  void signIsAnOperator() {
    auto toks = lexLine("-8s1", {}, nullptr);
    QCOMPARE(toks.size(), size_t(2));
    QCOMPARE(toks[0].kind, TokenKind::Minus);
    QCOMPARE(toks[1].kind, TokenKind::IntLiteral);
  }

  void keywordsAndPunctuation() {
    auto toks = lexLine("table t { key = { a : exact; } } x &&& y |+| z >= w", {}, nullptr);
    std::vector<TokenKind> want = {
        TokenKind::KwTable, TokenKind::Identifier, TokenKind::LBrace, TokenKind::KwKey,
        TokenKind::Assign, TokenKind::LBrace, TokenKind::Identifier, TokenKind::Colon,
        TokenKind::Identifier, TokenKind::Semi, TokenKind::RBrace, TokenKind::RBrace,
        TokenKind::Identifier, TokenKind::Mask, TokenKind::Identifier, TokenKind::PlusSat,
        TokenKind::Identifier, TokenKind::GreaterEq, TokenKind::Identifier};
    QCOMPARE(kinds(toks), want);
    QCOMPARE(toks[1].loc.column, 7u);
    QCOMPARE(toks[1].length, 1u);
  }

  void shiftIsTwoGreater() {
    auto toks = lexLine("a >> b", {}, nullptr);
    std::vector<TokenKind> want = {TokenKind::Identifier, TokenKind::Greater,
                                   TokenKind::Greater, TokenKind::Identifier};
    QCOMPARE(kinds(toks), want);
  }

  void stringsAndAnnotations() {
    auto toks = lexLine("@name(\"a \\\"b\\\"\") action", {}, nullptr);
    QCOMPARE(toks.size(), size_t(5));
    QCOMPARE(toks[0].kind, TokenKind::Annotation);
    QCOMPARE(toks[0].text, std::string_view("@name"));
    QCOMPARE(toks[2].kind, TokenKind::StringLiteral);
    QCOMPARE(unescapeStringLiteral(toks[2].text), std::string("a \"b\""));
    QCOMPARE(toks[4].kind, TokenKind::KwAction);
    auto bad = lexLine("\"open", {}, nullptr);
    QCOMPARE(bad.size(), size_t(1));
    QCOMPARE(bad[0].kind, TokenKind::Error);
  }

  void directives() {
    auto toks = lexLine("#include <core.p4>", {}, nullptr);
    QCOMPARE(toks.size(), size_t(2));
    QCOMPARE(toks[0].kind, TokenKind::Directive);
    QCOMPARE(toks[1].kind, TokenKind::HeaderName);
    QCOMPARE(toks[1].text, std::string_view("<core.p4>"));
    auto spaced = lexLine("  #  define X 1", {}, nullptr);
    QCOMPARE(spaced[0].kind, TokenKind::Directive);
    QCOMPARE(spaced[0].loc.column, 3u);
    QCOMPARE(tokenCategory(spaced[0].kind), TokenCategory::Preprocessor);
  }

  void restartInsideBlockComment() {
    LexState st;
    auto l1 = lexLine("x = 1; /* starts", st, &st);
    QVERIFY(st.inBlockComment);
    QCOMPARE(l1.back().kind, TokenKind::Comment);
    QCOMPARE(l1.back().loc.column, 8u);
    auto l2 = lexLine("still comment bit<8>", st, &st);
    QVERIFY(st.inBlockComment);
    QCOMPARE(l2.size(), size_t(1));
    QCOMPARE(l2[0].kind, TokenKind::Comment);
    auto l3 = lexLine("ends */ bit<8> y;", st, &st);
    QVERIFY(!st.inBlockComment);
    QCOMPARE(l3[0].kind, TokenKind::Comment);
    QCOMPARE(l3[0].length, 7u);
    QCOMPARE(l3[1].kind, TokenKind::KwBit);
    QCOMPARE(l3[1].loc.column, 9u);
    // The same line lexed from a fresh state gives different tokens.
    auto fresh = lexLine("ends */ bit<8> y;", {}, nullptr);
    QCOMPARE(fresh[0].kind, TokenKind::Identifier);
    QCOMPARE(LexState::fromInt(LexState{true}.toInt()), LexState{true});
  }

  void lineLexerObject() {
    LineLexer lx;
    lx.lex("/* a");
    QVERIFY(lx.state().inBlockComment);
    auto t = lx.lex("*/ // rest");
    QCOMPARE(t.size(), size_t(2));
    QCOMPARE(t[1].kind, TokenKind::Comment);
    QVERIFY(!lx.state().inBlockComment);
  }

  void bufferLocationsAndErrors() {
    SourceManager sm;
    DiagnosticEngine diags(sm);
    FileId f = sm.addBuffer("t.p4", "a /* x\n y */ b\n  $ c\n");
    auto toks = lexBuffer(sm, {f, false, &diags});
    QCOMPARE(toks.size(), size_t(5));  // a b $ c EOF
    QCOMPARE(toks[1].text, std::string_view("b"));
    QCOMPARE(toks[1].loc.line, 2u);
    QCOMPARE(toks[1].loc.column, 7u);
    QVERIFY(toks[1].atLineStart);  // first token of physical line 2
    QCOMPARE(toks[2].kind, TokenKind::Error);
    QVERIFY(toks[2].atLineStart);
    QCOMPARE(diags.errorCount(), size_t(1));
    QCOMPARE(diags.renderOneLine(diags.records()[0]), std::string("t.p4:3:3: error: stray '$' in program"));
    QCOMPARE(diags.render(diags.records()[0]),
             std::string("t.p4:3:3: error: stray '$' in program\n  $ c\n  ^\n"));
  }
};

QTEST_GUILESS_MAIN(TestLexer)
#include "test_lexer.moc"
