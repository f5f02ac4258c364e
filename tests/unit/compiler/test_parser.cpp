// Parser tests: our architecture include files parse (and check) cleanly, the shape of
// the AST for basic_fwd.p4, operator precedence, and error recovery with exact messages.
#include <QtTest>

#include "compiler/ast/ast_printer.h"
#include "compiler/sema/frontend.h"

using namespace p4wb::compiler;
using namespace p4wb::compiler::ast;

namespace {

const std::string kSourceDir = P4WB_SOURCE_DIR;

FrontEndResult parseText(const std::string& text, bool parseOnly = true) {
  FrontEndOptions o;
  o.inputPath = "t.p4";
  o.inputText = text;
  o.parseOnly = parseOnly;
  o.requireMain = false;
  return runFrontEnd(o);
}

std::vector<std::string> messages(const FrontEndResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags->records()) out.push_back(r.diags->renderOneLine(d));
  return out;
}

template <typename T>
const T* findDecl(const Program& p, const std::string& name) {
  for (const auto& d : p.decls)
    if (d->name == name && isa<T>(d.get())) return static_cast<const T*>(d.get());
  return nullptr;
}

}  // namespace

class TestParser : public QObject {
  Q_OBJECT

 private slots:
  void includeFilesParseAndCheck_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("core") << "core.p4";
    QTest::newRow("ebpf_model") << "ebpf_model.p4";
    QTest::newRow("xdp_model") << "xdp_model.p4";
  }

  void includeFilesParseAndCheck() {
    QFETCH(QString, file);
    FrontEndOptions o;
    o.inputPath = kSourceDir + "/resources/p4include/" + file.toStdString();
    o.requireMain = false;
    FrontEndResult r = runFrontEnd(o);
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    QVERIFY(r.program->decls.size() >= 6);
  }

  void includeFileDeclarations() {
    FrontEndResult r = parseText("#include <xdp_model.p4>\n", false);
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    const Program& p = *r.program;
    auto* pin = findDecl<ExternDecl>(p, "packet_in");
    QVERIFY(pin);
    QCOMPARE(pin->methods.size(), size_t(5));
    QCOMPARE(pin->methods[0]->name, std::string("extract"));
    QCOMPARE(pin->methods[0]->typeParams.size(), size_t(1));
    QCOMPARE(pin->methods[0]->params[0]->direction, Direction::Out);
    auto* ca = findDecl<ExternDecl>(p, "CounterArray");
    QVERIFY(ca && ca->methods[0]->isConstructor);
    auto* pkg = findDecl<BlockTypeDecl>(p, "xdp");
    QVERIFY(pkg && pkg->kind == NodeKind::PackageTypeDecl);
    QCOMPARE(pkg->params.size(), size_t(3));
    QCOMPARE(typeRefToString(*pkg->params[1]->typeRef), std::string("xdp_switch<H>"));
    auto* filt = findDecl<BlockTypeDecl>(p, "ebpfFilter");
    QVERIFY(filt);
    QCOMPARE(filt->params[1]->name, std::string("filt"));
    auto* act = findDecl<EnumDecl>(p, "xdp_action");
    QVERIFY(act);
    QCOMPARE(act->members.size(), size_t(5));
    QCOMPARE(act->members[3]->name, std::string("XDP_TX"));
    auto* csum = findDecl<FunctionPrototype>(p, "csum_replace2");
    QVERIFY(csum);
    QCOMPARE(csum->params[2]->name, std::string("new"));
  }

  void basicFwdShape() {
    FrontEndOptions o;
    o.inputPath = kSourceDir + "/resources/examples/basic_fwd.p4";
    o.parseOnly = true;
    FrontEndResult r = runFrontEnd(o);
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* prs = findDecl<ParserDecl>(*r.program, "prs");
    QVERIFY(prs);
    QCOMPARE(prs->states.size(), size_t(2));
    const Transition& t = prs->states[0]->transition;
    QCOMPARE(t.kind, Transition::Kind::Select);
    QCOMPARE(t.cases.size(), size_t(2));
    QCOMPARE(t.cases[0].nextState, std::string("parse_ipv4"));
    QCOMPARE(t.cases[1].keysets[0]->kind, NodeKind::Default);
    QCOMPARE(prs->states[1]->transition.nextState, std::string("accept"));
    auto* ingress = findDecl<ControlDecl>(*r.program, "ingress");
    QVERIFY(ingress && ingress->apply);
    QCOMPARE(ingress->locals.size(), size_t(4));
    auto* table = dynCast<TableDecl>(ingress->locals[3].get());
    QVERIFY(table);
    QCOMPARE(table->keys.size(), size_t(1));
    QCOMPARE(exprToString(*table->keys[0].expr), std::string("hdr.ipv4.dstAddr"));
    QCOMPARE(table->keys[0].matchKind, std::string("exact"));
    QCOMPARE(table->actions.size(), size_t(3));
    QVERIFY(table->defaultAction.has_value());
    QCOMPARE(exprToString(*table->defaultAction->expr), std::string("pass_to_kernel()"));
    QVERIFY(table->size);
    auto* main = findDecl<InstantiationDecl>(*r.program, "main");
    QVERIFY(main);
    QCOMPARE(main->args.size(), size_t(3));
    QCOMPARE(main->loc.line, 104u);
  }

  void precedence_data() {
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("tree");
    QTest::newRow("mul over add") << "a + b * c" << "(a + (b * c))";
    QTest::newRow("bitwise over compare") << "a & b == c" << "((a & b) == c)";
    QTest::newRow("compare over and") << "a == b && c != d" << "((a == b) && (c != d))";
    QTest::newRow("and over or") << "a || b && c" << "(a || (b && c))";
    QTest::newRow("shift right") << "a >> 2 + 1" << "(a >> (2 + 1))";
    QTest::newRow("concat") << "a ++ b + c" << "((a ++ b) + c)";
    QTest::newRow("ternary") << "a ? b : c ? d : e" << "(a ? b : (c ? d : e))";
    QTest::newRow("unary") << "-a - ~b" << "(-a - ~b)";
    QTest::newRow("cast slice member") << "(bit<8>)h.f[7:0]" << "(bit<8>)h.f[7:0]";
    QTest::newRow("typed call") << "p.lookahead<bit<16>>() |+| 1" << "(p.lookahead<bit<16>>() |+| 1)";
    QTest::newRow("typed call const width") << "p.lookahead<bit<W>>()" << "p.lookahead<bit<W>>()";
    QTest::newRow("comparisons not type args") << "f(a < b, c > (d))" << "f((a < b), (c > d))";
  }

  void precedence() {
    QFETCH(QString, expr);
    QFETCH(QString, tree);
    FrontEndResult r = parseText("const bit<8> X = " + expr.toStdString() + ";\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* c = findDecl<VariableDecl>(*r.program, "X");
    QVERIFY(c && c->init);
    QCOMPARE(QString::fromStdString(exprToString(*c->init)), tree);
  }

  void missingSemicolonRecovers() {
    FrontEndResult r = parseText(
        "header h_t {\n"
        "    bit<8> a\n"
        "    bit<8> b;\n"
        "}\n"
        "control c(inout h_t h) {\n"
        "    apply {\n"
        "        h.a = 1\n"
        "        h.b = 2;\n"
        "        h.a = ;\n"
        "    }\n"
        "}\n");
    std::vector<std::string> want = {
        "t.p4:2:13: error: expected ';' after field declaration",
        "t.p4:7:16: error: expected ';' after statement",
        "t.p4:9:15: error: expected an expression, found ';'",
    };
    QCOMPARE(messages(r), want);
    // Recovery kept the rest of the declarations.
    auto* h = findDecl<StructTypeDecl>(*r.program, "h_t");
    QVERIFY(h);
    QCOMPARE(h->fields.size(), size_t(2));
    auto* c = findDecl<ControlDecl>(*r.program, "c");
    QVERIFY(c && c->apply);
    QCOMPARE(c->apply->stmts.size(), size_t(2));
  }

  void garbageAtTopLevelRecovers() {
    FrontEndResult r = parseText("struct s { bit<8> a; }\n)))\nstruct t { bit<8> b; }\n");
    QCOMPARE(messages(r), std::vector<std::string>{"t.p4:2:1: error: expected a declaration, found ')'"});
    QVERIFY(findDecl<StructTypeDecl>(*r.program, "t"));
  }

  void tableFeatures() {
    FrontEndResult r = parseText(
        "control c() {\n"
        "  action a(bit<8> x) {}\n"
        "  table t {\n"
        "    key = { k1 : lpm; k2 : ternary @name(\"k\"); }\n"
        "    actions = { a; @defaultonly NoAction; }\n"
        "    const default_action = a(3);\n"
        "    implementation = hash_table(16);\n"
        "    const entries = { (1, 2 &&& 3) : a(1); priority = 5 : (_, default) : a(2); }\n"
        "    support_timeout = true;\n"
        "  }\n"
        "  apply { switch (t.apply().action_run) { a: {} default: {} } }\n"
        "}\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* c = findDecl<ControlDecl>(*r.program, "c");
    auto* t = dynCast<TableDecl>(c->locals[1].get());
    QVERIFY(t);
    QCOMPARE(t->keys[1].annotations[0].name, std::string("name"));
    QCOMPARE(t->actions[1].annotations[0].name, std::string("defaultonly"));
    QVERIFY(t->defaultActionConst);
    QVERIFY(t->implementation);
    QVERIFY(t->entriesConst);
    QCOMPARE(t->entries.size(), size_t(2));
    QCOMPARE(t->entries[0].keys[1]->kind, NodeKind::Mask);
    QVERIFY(t->entries[1].priority);
    QCOMPARE(t->otherProperties.size(), size_t(1));
    auto* sw = dynCast<SwitchStmt>(c->apply->stmts[0].get());
    QVERIFY(sw);
    QCOMPARE(sw->cases.size(), size_t(2));
  }

  void missingFileAndCancel() {
    FrontEndOptions o;
    o.inputPath = "/nonexistent/x.p4";
    FrontEndResult r = runFrontEnd(o);
    QVERIFY(r.hasErrors());
    QVERIFY(!r.program);
    QCOMPARE(messages(r), std::vector<std::string>{"error: cannot open file '/nonexistent/x.p4'"});
    std::atomic<bool> cancel{true};
    o.inputPath = kSourceDir + "/resources/examples/basic_fwd.p4";
    o.cancel = &cancel;
    FrontEndResult c = runFrontEnd(o);
    QVERIFY(c.cancelled);
  }

  void editorBufferIncludesRelativeToItsPath() {
    FrontEndOptions o;
    o.inputPath = kSourceDir + "/tests/unit/compiler/data/unsaved.p4";  // does not exist
    o.inputText = "#include \"xdp_features.p4\"\n";
    FrontEndResult r = runFrontEnd(o);
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    QVERIFY(r.programInfo.valid);
  }

  void absurdNestingIsAnError() {
    FrontEndResult parens = parseText("const bit<8> X = " + std::string(50000, '(') + "1" +
                                      std::string(50000, ')') + ";\n", false);
    QVERIFY(parens.hasErrors());
    QCOMPARE(parens.diags->records()[0].message,
             std::string("expressions or statements nested too deeply"));
    std::string chain = "const bit<8> X = 1";
    for (int i = 0; i < 50000; ++i) chain += " + 1";
    FrontEndResult sum = parseText(chain + ";\n", false);
    QVERIFY(sum.hasErrors());
    FrontEndResult blocks = parseText("control c() { apply " + std::string(50000, '{') +
                                      std::string(50000, '}') + " }\n", false);
    QVERIFY(blocks.hasErrors());
  }

  void dumpMentionsNodes() {
    FrontEndResult r = parseText("header h { bit<8> f; }\n");
    std::string dump = dumpAst(*r.program, r.sources.get());
    QVERIFY(dump.find("HeaderDecl h") != std::string::npos);
    QVERIFY(dump.find("FieldDecl f : bit<8>  <t.p4:1:19>") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestParser)
#include "test_parser.moc"
