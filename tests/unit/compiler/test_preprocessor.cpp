// Preprocessor tests: macros, conditionals, includes (quoted, -I, built-in), include
// guards, directives' diagnostics, and that every token keeps its original location.
#include <QtTest>

#include <fstream>

#include "compiler/diag/diagnostics.h"
#include "compiler/preprocess/preprocessor.h"

using namespace p4wb::compiler;

namespace {

struct Run {
  SourceManager sm;
  DiagnosticEngine diags{sm};
  PreprocessResult result;

  Run(const std::string& text, std::vector<std::string> includeDirs = {},
      std::vector<std::pair<std::string, std::string>> defines = {},
      const std::string& name = "t.p4") {
    PreprocessOptions o;
    o.mainFile = sm.addBuffer(name, text);
    o.includeDirs = std::move(includeDirs);
    o.defines = std::move(defines);
    result = preprocess(sm, diags, o);
  }
  // Token spellings joined by single spaces (without the final EndOfFile).
  std::string spelled() const {
    std::string s;
    for (const auto& t : result.tokens) {
      if (t.kind == TokenKind::EndOfFile) break;
      if (!s.empty()) s += ' ';
      s += t.text;
    }
    return s;
  }
  std::string firstError() const {
    return diags.records().empty() ? std::string() : diags.renderOneLine(diags.records()[0]);
  }
};

void writeFile(const QString& path, const std::string& text) {
  std::ofstream(path.toStdString()) << text;
}

}  // namespace

class TestPreprocessor : public QObject {
  Q_OBJECT

 private slots:
  void objectAndFunctionMacros() {
    Run r("#define A 3\n#define ADD(x, y) ((x) + (y))\nA ADD(1, A) ADD((2,3), 4)\n");
    QCOMPARE(r.diags.errorCount(), size_t(0));
    QCOMPARE(r.spelled(), std::string("3 ( ( 1 ) + ( 3 ) ) ( ( ( 2 , 3 ) ) + ( 4 ) )"));
  }

  void functionMacroNameWithoutCallStaysName() {
    Run r("#define F(x) x\nF + F(7)\n");
    QCOMPARE(r.spelled(), std::string("F + 7"));
  }

  void recursiveMacroStops() {
    Run r("#define X X + 1\nX\n");
    QCOMPARE(r.spelled(), std::string("X + 1"));
  }

  void undefAndRedefine() {
    Run r("#define A 1\n#undef A\nA\n#define A 2\nA\n");
    QCOMPARE(r.spelled(), std::string("A 2"));
  }

  void conditionals() {
    Run r(
        "#define V 3\n"
        "#if V > 2 && defined(V)\n a\n#elif 1\n b\n#else\n c\n#endif\n"
        "#ifdef NOPE\n d\n#elif V == 3\n e\n#endif\n"
        "#ifndef NOPE\n f\n#endif\n"
        "#if 0\n #if 1\n g\n #endif\n#else\n h\n#endif\n"
        "#if (1 << 4) == 16 && !defined NOPE && (7 >> 1) == 3\n i\n#endif\n");
    QCOMPARE(r.diags.errorCount(), size_t(0));
    QCOMPARE(r.spelled(), std::string("a e f h i"));
  }

  void commandLineDefines() {
    Run r("#if WIDTH == 16\nbit<WIDTH>\n#endif\nFLAG\n", {}, {{"WIDTH", "16"}, {"FLAG", ""}});
    QCOMPARE(r.spelled(), std::string("bit < 16 > 1"));
  }

  void originalLocations() {
    Run r("#define B  7\n\n  x B\n");
    QCOMPARE(r.result.tokens.size(), size_t(3));
    const Token& x = r.result.tokens[0];
    QCOMPARE(x.loc.line, 3u);
    QCOMPARE(x.loc.column, 3u);
    // A macro body token keeps the place where the body was written.
    const Token& seven = r.result.tokens[1];
    QCOMPARE(seven.text, std::string_view("7"));
    QCOMPARE(seven.loc.line, 1u);
    QCOMPARE(seven.loc.column, 12u);
  }

  void includesAndGuards() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir(dir.path()).mkdir("sub");
    QDir(dir.path()).mkdir("inc");
    writeFile(dir.filePath("sub/local.p4"), "#ifndef LOCAL\n#define LOCAL\nlocal_tok\n#endif\n");
    writeFile(dir.filePath("inc/lib.p4"), "\n  lib_tok\n");
    writeFile(dir.filePath("sub/main.p4"),
              "#include \"local.p4\"\n#include \"local.p4\"\n#include <lib.p4>\nend\n");
    SourceManager sm;
    DiagnosticEngine diags(sm);
    PreprocessOptions o;
    std::string mainPath = dir.filePath("sub/main.p4").toStdString();
    o.mainFile = sm.addFile(mainPath);
    QVERIFY(o.mainFile != 0);
    o.includeDirs = {dir.filePath("inc").toStdString()};
    PreprocessResult r = preprocess(sm, diags, o);
    QCOMPARE(diags.errorCount(), size_t(0));
    QCOMPARE(r.tokens.size(), size_t(4));
    QCOMPARE(r.tokens[0].text, std::string_view("local_tok"));
    QCOMPARE(r.tokens[1].text, std::string_view("lib_tok"));
    QCOMPARE(r.tokens[1].loc.line, 2u);
    QCOMPARE(r.tokens[1].loc.column, 3u);
    QVERIFY(sm.name(r.tokens[1].loc.file).find("lib.p4") != std::string_view::npos);
    QCOMPARE(r.tokens[2].text, std::string_view("end"));
    QCOMPARE(r.tokens[2].loc.file, o.mainFile);
    QCOMPARE(r.tokens[2].loc.line, 4u);
  }

  void builtinIncludes() {
    Run r("#include <core.p4>\n#include <core.p4>\n#include <xdp_model.p4>\n");
    QCOMPARE(r.diags.errorCount(), size_t(0));
    std::string s = r.spelled();
    QVERIFY(s.find("extern packet_in") != std::string::npos);
    QVERIFY(s.find("package xdp < H >") != std::string::npos);
    // core.p4 is guarded: its error block appears once.
    QCOMPARE(s.find("error {"), s.rfind("error {"));
    QCOMPARE(std::string(r.sm.name(r.result.tokens[0].loc.file)), std::string("p4include/core.p4"));
  }

  void diagnostics() {
    QCOMPARE(Run("#include <nope.p4>\n").firstError(),
             std::string("t.p4:1:10: error: 'nope.p4' file not found"));
    QCOMPARE(Run("\n#error stop here\n").firstError(),
             std::string("t.p4:2:1: error: #error stop here"));
    QCOMPARE(Run("#if 1\nx\n").firstError(),
             std::string("t.p4:1:1: error: unterminated conditional directive"));
    QCOMPARE(Run("#endif\n").firstError(), std::string("t.p4:1:1: error: #endif without #if"));
    QCOMPARE(Run("#frobnicate\n").firstError(),
             std::string("t.p4:1:1: error: invalid preprocessing directive 'frobnicate'"));
    QCOMPARE(Run("#define F(a, b) a\nF(1)\n").firstError(),
             std::string("t.p4:2:1: error: macro 'F' expects 2 arguments, given 1"));
    QCOMPARE(Run("#if 1 +\n#endif\n").firstError(),
             std::string("t.p4:1:1: error: invalid expression in #if"));
  }

  void exponentialMacroIsAnError() {
    std::string text;
    for (int i = 0; i < 40; ++i)
      text += "#define M" + std::to_string(i) + " M" + std::to_string(i + 1) + " M" +
              std::to_string(i + 1) + "\n";
    Run r(text + "M0\n");
    QCOMPARE(r.diags.errorCount(), size_t(1));
    QVERIFY(r.firstError().find("is too large") != std::string::npos);
  }

  void pragmaAndLine() {
    Run r("#pragma my_option 1\n#line 100\nx\n# 7 \"other.p4\" 2\ny\n#\n");
    QCOMPARE(r.diags.errorCount(), size_t(0));
    QCOMPARE(r.result.pragmas.size(), size_t(1));
    QCOMPARE(r.result.pragmas[0][0].text, std::string_view("my_option"));
    QCOMPARE(r.result.tokens[0].loc.line, 100u);
    QCOMPARE(r.result.tokens[1].loc.line, 7u);  // cpp line marker
  }

  void lineWithFileNameRenamesAndKeepsSourceText() {
    Run r("a\n#line 40 \"gen.p4\"\nbb cc\n#line 90\ndd\n");
    QCOMPARE(r.diags.errorCount(), size_t(0));
    const Token& bb = r.result.tokens[1];
    QCOMPARE(r.sm.name(bb.loc.file), std::string_view("gen.p4"));
    QCOMPARE(bb.loc.line, 40u);
    QCOMPARE(r.sm.lineText(bb.loc.file, 40), std::string_view("bb cc"));  // physical line 3
    const Token& dd = r.result.tokens[3];
    QCOMPARE(r.sm.name(dd.loc.file), std::string_view("gen.p4"));  // the name persists
    QCOMPARE(dd.loc.line, 90u);
    QCOMPARE(r.sm.lineText(dd.loc.file, 90), std::string_view("dd"));
  }

  void stringizeAndPaste() {
    Run r("#define S(x) #x\n#define P(a, b) a ## b\n#define Q(a) a ## _t\n"
          "S(hi  there) S(\"q\") P(ab, 12) Q(eth) P(8w, 1)\n");
    QCOMPARE(r.diags.errorCount(), size_t(0));
    QCOMPARE(r.spelled(), std::string("\"hi there\" \"\\\"q\\\"\" ab12 eth_t 8w1"));
    QCOMPARE(r.result.tokens[0].kind, TokenKind::StringLiteral);
    QCOMPARE(r.result.tokens[2].kind, TokenKind::Identifier);
    QCOMPARE(r.result.tokens[4].kind, TokenKind::IntLiteral);
    Run bad("#define P(a, b) a ## b\nP(+, /)\n");
    QCOMPARE(bad.diags.errorCount(), size_t(1));
    QVERIFY(bad.firstError().find("pasting '+' and '/'") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestPreprocessor)
#include "test_preprocessor.moc"
