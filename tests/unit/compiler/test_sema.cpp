// Sema tests: basic_fwd.p4 checks cleanly and ProgramInfo finds xdp/prs/ingress/dprs;
// annotations lowering relies on (types, offsets, call kinds, tables, constants);
// error cases with exact messages and locations.
#include <QtTest>

#include "compiler/ast/ast_printer.h"
#include "compiler/driver/driver.h"
#include "compiler/sema/frontend.h"

using namespace p4wb::compiler;
using namespace p4wb::compiler::ast;
using namespace p4wb::compiler::sema;

namespace {

const std::string kSourceDir = P4WB_SOURCE_DIR;

FrontEndResult check(const std::string& text, bool requireMain = false) {
  FrontEndOptions o;
  o.inputPath = "t.p4";
  o.inputText = text;
  o.requireMain = requireMain;
  return runFrontEnd(o);
}

std::string firstError(const FrontEndResult& r) {
  for (const auto& d : r.diags->records())
    if (d.severity == DiagSeverity::Error) return r.diags->renderOneLine(d);
  return {};
}

template <typename T>
const T* findDecl(const Program& p, const std::string& name) {
  for (const auto& d : p.decls)
    if (d->name == name && isa<T>(d.get())) return static_cast<const T*>(d.get());
  return nullptr;
}

const char* kPrelude = "#include <core.p4>\n";  // line 1; user code starts on line 2

}  // namespace

class TestSema : public QObject {
  Q_OBJECT

 private:
  FrontEndResult m_fwd;

 private slots:
  void initTestCase() {
    FrontEndOptions o;
    o.inputPath = kSourceDir + "/resources/examples/basic_fwd.p4";
    m_fwd = runFrontEnd(o);
  }

  void basicFwdHasNoDiagnostics() {
    QVERIFY2(m_fwd.diags->records().empty(), m_fwd.diags->renderAll().c_str());
    QVERIFY(!m_fwd.hasErrors());
    QVERIFY(m_fwd.diagnostics().empty());
  }

  void basicFwdProgramInfo() {
    const ProgramInfo& pi = m_fwd.programInfo;
    QVERIFY(pi.valid);
    QCOMPARE(pi.arch, p4wb::compiler::arch::ArchKind::Xdp);
    QCOMPARE(pi.packageName, std::string("xdp"));
    QVERIFY(pi.main && pi.main->name == "main");
    QVERIFY(pi.parser && pi.parser->name == "prs");
    QCOMPARE(pi.controls.size(), size_t(1));
    QCOMPARE(pi.controls[0]->name, std::string("ingress"));
    QVERIFY(pi.deparser && pi.deparser->name == "dprs");
    QCOMPARE(pi.blocks.size(), size_t(3));
    QCOMPARE(pi.blocks[1].paramName, std::string("s"));
    QVERIFY(pi.headersStruct);
    QCOMPARE(pi.headersStruct->name, std::string("headers_t"));
    QCOMPARE(pi.headersStruct->fields.size(), size_t(2));
  }

  void headerLayout() {
    const StructType* H = m_fwd.programInfo.headersStruct;
    QVERIFY(H);
    auto* ip = static_cast<const StructType*>(H->fields[1].type);
    QCOMPARE(ip->kind, TypeKind::Header);
    QCOMPARE(ip->totalBits, 160u);
    const Field* ttl = ip->field("ttl");
    QVERIFY(ttl);
    QCOMPARE(ttl->bitOffset, 64u);
    QCOMPARE(ttl->bitWidth, 8u);
    const Field* dst = ip->field("dstAddr");
    QCOMPARE(dst->bitOffset, 128u);
    QCOMPARE(dst->type->toString(), std::string("bit<32>"));  // typedef resolved
    auto* eth = static_cast<const StructType*>(H->fields[0].type);
    QCOMPARE(eth->totalBits, 112u);
    QCOMPARE(H->fields[0].bitWidth, 112u);
  }

  void parserAnnotations() {
    const ParserDecl* prs = m_fwd.programInfo.parser;
    const ParserStateDecl* start = prs->findState("start");
    QVERIFY(start);
    auto* cs = dynCast<CallStmt>(start->stmts[0].get());
    QVERIFY(cs);
    QCOMPARE(cs->call->callKind, CallKind::Extract);
    QVERIFY(cs->call->receiver && cs->call->receiver->type->kind == TypeKind::Extern);
    QCOMPARE(cs->call->args[0].value->type->kind, TypeKind::Header);
    const Transition& t = start->transition;
    QCOMPARE(t.selectExprs[0]->type->toString(), std::string("bit<16>"));
    const Expr* key = t.cases[0].keysets[0].get();
    QVERIFY(key->constValue);
    QCOMPARE(key->constValue->asU64(), 0x0800ull);
    QCOMPARE(key->type->toString(), std::string("bit<16>"));
    QCOMPARE(t.cases[0].target, prs->findState("parse_ipv4"));
    QCOMPARE(t.cases[1].target, nullptr);  // accept
    auto* param = dynCast<MemberExpr>(cs->call->args[0].value.get());
    QCOMPARE(param->memberKind, MemberExpr::MemberKind::Field);
    QCOMPARE(param->fieldIndex, 0);
    auto* hdr = dynCast<PathExpr>(param->base.get());
    QCOMPARE(hdr->resolved, prs->params[1].get());
  }

  void controlAnnotations() {
    const ControlDecl* ingress = m_fwd.programInfo.controls[0];
    auto* table = dynCast<TableDecl>(ingress->locals[3].get());
    QVERIFY(table);
    QCOMPARE(table->keys[0].matchKindDecl->name, std::string("exact"));
    QCOMPARE(table->keys[0].expr->type->bitWidth(), 32u);
    QCOMPARE(table->actions.size(), size_t(3));
    QCOMPARE(table->actions[0].action, dynCast<ActionDecl>(ingress->locals[0].get()));
    QVERIFY(table->defaultAction && table->defaultAction->action);
    QCOMPARE(table->defaultAction->action->name, std::string("pass_to_kernel"));
    QCOMPARE(table->sizeValue.value_or(0), 1024ull);
    QCOMPARE(table->enclosing, ingress);
    // apply { xout.output_port = 0; xout.output_action = xdp_action.XDP_PASS; if (...) t.apply(); }
    const auto& stmts = ingress->apply->stmts;
    auto* a0 = dynCast<AssignStmt>(stmts[0].get());
    QCOMPARE(a0->rhs->type->toString(), std::string("bit<32>"));  // literal took the lhs width
    QCOMPARE(a0->rhs->constValue->asU64(), 0ull);
    auto* a1 = dynCast<AssignStmt>(stmts[1].get());
    auto* m = dynCast<MemberExpr>(a1->rhs.get());
    QCOMPARE(m->memberKind, MemberExpr::MemberKind::EnumMember);
    QCOMPARE(m->resolved->name, std::string("XDP_PASS"));
    QCOMPARE(static_cast<const EnumMemberDecl*>(m->resolved)->index, 2u);
    auto* ifs = dynCast<IfStmt>(stmts[2].get());
    auto* valid = dynCast<CallExpr>(ifs->cond.get());
    QCOMPARE(valid->callKind, CallKind::IsValid);
    auto* block = dynCast<BlockStmt>(ifs->thenStmt.get());
    auto* apply = dynCast<CallStmt>(block->stmts[0].get());
    QCOMPARE(apply->call->callKind, CallKind::TableApply);
    QCOMPARE(apply->call->target, table);
    auto* emitStmt = dynCast<CallStmt>(m_fwd.programInfo.deparser->apply->stmts[0].get());
    QCOMPARE(emitStmt->call->callKind, CallKind::Emit);
  }

  void featureProgramsCheckCleanly_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("package");
    QTest::newRow("filter") << "filter_features.p4" << "ebpfFilter";
    QTest::newRow("xdp") << "xdp_features.p4" << "xdp";
  }

  void featureProgramsCheckCleanly() {
    QFETCH(QString, file);
    QFETCH(QString, package);
    FrontEndOptions o;
    o.inputPath = kSourceDir + "/tests/unit/compiler/data/" + file.toStdString();
    FrontEndResult r = runFrontEnd(o);
    QVERIFY2(r.diags->records().empty(), r.diags->renderAll().c_str());
    QVERIFY(r.programInfo.valid);
    QCOMPARE(QString::fromStdString(r.programInfo.packageName), package);
    // Every expression reachable from the blocks has a type.
    std::string dump = dumpAst(*r.program, nullptr);
    QVERIFY(dump.find("<unknown>") == std::string::npos);
  }

  void constants() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "const bit<8> A = 8w250 + 8w10;\n"
                             "const int<8> B = -8s1 >> 1;\n"
                             "const bit<16> C = A ++ 8w1;\n"
                             "const bit<4> D = C[11:8] | 4w1;\n"
                             "const bool E = A < 8w5 && !false;\n"
                             "const int F = (7 * 6) % 5;\n"
                             "const bit<8> G = (bit<8>)16w0x1FF;\n"
                             "header h_t { bit<4> a; bit<12> b; varbit<16> c; }\n"
                             "control k(in h_t h) { apply { bit<8> s = (bit<8>)h.maxSizeInBytes(); } }\n"
                             "const bit<32> H = 32w0xAB >> 4 + 0;\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto value = [&](const char* n) {
      return findDecl<VariableDecl>(*r.program, n)->init->constValue->toString();
    };
    QCOMPARE(value("A"), std::string("4"));
    QCOMPARE(value("B"), std::string("-1"));
    QCOMPARE(value("C"), std::string("1025"));
    QCOMPARE(value("D"), std::string("5"));
    QCOMPARE(value("E"), std::string("true"));
    QCOMPARE(value("F"), std::string("2"));
    QCOMPARE(value("G"), std::string("255"));
    QCOMPARE(value("H"), std::string("10"));
    auto* k = findDecl<ControlDecl>(*r.program, "k");
    auto* s = dynCast<VariableDecl>(dynCast<DeclStmt>(k->apply->stmts[0].get())->decl.get());
    QCOMPARE(s->init->constValue->toString(), std::string("4"));
  }

  void errors_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("undeclared identifier")
        << "control c(inout bit<8> x) { apply { x = y; } }"
        << "t.p4:2:41: error: use of undeclared identifier 'y'";
    QTest::newRow("unknown field")
        << "header ipv4_t { bit<32> dstAddr; }\n"
           "control c(inout ipv4_t h) { apply { h.dstAdr = 1; } }"
        << "t.p4:3:39: error: no field 'dstAdr' in header 'ipv4_t'";
    QTest::newRow("unknown type") << "struct s { heder_t h; }"
                                  << "t.p4:2:12: error: unknown type name 'heder_t'";
    QTest::newRow("width mismatch")
        << "control c(inout bit<8> a, in bit<16> b) { apply { a = a + b; } }"
        << "t.p4:2:57: error: width mismatch in '+': bit<8> and bit<16>";
    QTest::newRow("assignment type")
        << "control c(inout bit<8> a, in bit<16> b) { apply { a = b; } }"
        << "t.p4:2:55: error: cannot convert bit<16> to bit<8>";
    QTest::newRow("in parameter")
        << "control c(in bit<8> a) { apply { a = 1; } }"
        << "t.p4:2:34: error: cannot assign to 'in' parameter 'a'";
    QTest::newRow("condition")
        << "control c(inout bit<8> a) { apply { if (a) { a = 1; } } }"
        << "t.p4:2:41: error: condition must be bool, found bit<8>";
    QTest::newRow("unknown state")
        << "parser p(packet_in b) { state start { transition nowhere; } }"
        << "t.p4:2:39: error: no parser state named 'nowhere'";
    QTest::newRow("missing start")
        << "parser p(packet_in b) { state s { transition accept; } }"
        << "t.p4:2:8: error: parser 'p' has no 'start' state";
    QTest::newRow("extract non-header")
        << "parser p(packet_in b, out bit<8> x) { state start { b.extract(x); transition accept; } }"
        << "t.p4:2:63: error: extract expects a header, found bit<8>";
    QTest::newRow("unknown action")
        << "control c() { table t { actions = { nope; } } apply { t.apply(); } }"
        << "t.p4:2:37: error: use of undeclared identifier 'nope'";
    QTest::newRow("bad match kind")
        << "control c(in bit<8> k) { table t { key = { k : fuzzy; } actions = { NoAction; } } apply {} }"
        << "t.p4:2:48: error: 'fuzzy' is not a match_kind";
    QTest::newRow("redefinition") << "const bit<8> X = 1;\nconst bit<8> X = 2;"
                                  << "t.p4:3:14: error: redefinition of 'X'";
    QTest::newRow("argument count")
        << "action a(bit<8> x) {}\ncontrol c() { apply { a(); } }"
        << "t.p4:3:23: error: 'a' expects 1 arguments, given 0";
    QTest::newRow("no method") << "control c(packet_out p) { apply { p.write(); } }"
                               << "t.p4:2:37: error: no method 'write' in extern 'packet_out'";
    QTest::newRow("slice range") << "const bit<8> X = 8w1;\nconst bit<4> Y = X[9:6];"
                                 << "t.p4:3:19: error: slice [9:6] out of range for bit<8>";
    QTest::newRow("enum member") << "enum E { A }\nconst E X = E.B;"
                                 << "t.p4:3:15: error: no member 'B' in enum 'E'";
    QTest::newRow("static_assert") << "const bool OK = static_assert(2 + 2 == 5, \"math\");"
                                   << "t.p4:2:17: error: static assertion failed: math";
    QTest::newRow("generic struct field")
        << "struct G<T> { T v; }\nconst G<bit<8>> X = { 8w1 };\nconst bit<16> Y = X.v;"
        << "t.p4:4:19: error: cannot convert bit<8> to bit<16>";
    QTest::newRow("default action not listed")
        << "control c() { action a() {} action b() {}\n"
           "  table t { actions = { a; } default_action = b(); } apply {} }"
        << "t.p4:3:47: error: action 'b' is not in the actions list of table 't'";
    QTest::newRow("header field type") << "header a_t { bit<8> x; }\nheader b_t { a_t inner; }"
                                       << "t.p4:3:18: error: field 'inner' of header 'b_t' cannot have type header 'a_t'";
    QTest::newRow("action in parser")
        << "action a() {}\nparser p(packet_in b) { state start { a(); transition accept; } }"
        << "t.p4:3:39: error: calling action 'a' is not allowed in a parser";
    QTest::newRow("exit in parser")
        << "parser p(packet_in b) { state start { exit; } }"
        << "t.p4:2:39: error: 'exit' is not allowed in a parser";
    QTest::newRow("missing main") << "const bit<8> X = 1;"
                                  << "error: program has no 'main' package instantiation";
  }

  void errors() {
    QFETCH(QString, code);
    QFETCH(QString, message);
    FrontEndResult r = check(kPrelude + code.toStdString() + "\n", true);
    QVERIFY(r.hasErrors());
    QCOMPARE(QString::fromStdString(firstError(r)), message);
  }

  void wrongPackageArgument() {
    FrontEndResult r = check(
        "#include <xdp_model.p4>\n"
        "struct H {}\n"
        "parser p(packet_in b, out H h) { state start { transition accept; } }\n"
        "control c(inout H h, in xdp_input i, out xdp_output o) { apply {} }\n"
        "control d(in H h, packet_out b) { apply {} }\n"
        "xdp(p(), p(), d()) main;\n",
        true);
    QCOMPARE(firstError(r), std::string("t.p4:6:10: error: argument 2 of 'xdp' must be a control 'xdp_switch', found parser 'p'"));
    QCOMPARE(r.diags->errorCount(), size_t(1));
    QVERIFY(!r.programInfo.valid);
  }

  void blockSignatures_data() {
    QTest::addColumn<QString>("control");
    QTest::addColumn<QString>("message");
    QTest::newRow("other headers type")
        << "control c(inout G h, in xdp_input i, out xdp_output o) { apply {} }"
        << "t.p4:5:19: error: parameter 'h' of 'c' is inout struct 'G', but 'xdp_switch' expects inout struct 'H'";
    QTest::newRow("direction")
        << "control c(in H h, in xdp_input i, out xdp_output o) { apply {} }"
        << "t.p4:5:16: error: parameter 'h' of 'c' is in struct 'H', but 'xdp_switch' expects inout struct 'H'";
    QTest::newRow("count") << "control c(inout H h) { apply {} }"
                           << "t.p4:5:9: error: control 'c' has 1 parameters but 'xdp_switch' expects 3";
  }

  void blockSignatures() {
    QFETCH(QString, control);
    QFETCH(QString, message);
    FrontEndResult r = check(
        "#include <xdp_model.p4>\n"
        "struct H {} struct G { bit<8> x; }\n"
        "parser p(packet_in b, out H h) { state start { transition accept; } }\n"
        "control d(in H h, packet_out b) { apply {} }\n" +
            control.toStdString() + "\n" +
            "xdp(p(), c(), d()) main;\n",
        true);
    QCOMPARE(QString::fromStdString(firstError(r)), message);
    QVERIFY(!r.programInfo.valid);
  }

  void ebpfFilterProgram() {
    FrontEndResult r = check(
        "#include <ebpf_model.p4>\n"
        "header h_t { bit<8> f; }\n"
        "struct H { h_t h; }\n"
        "parser prs(packet_in b, out H hd) { state start { b.extract(hd.h); transition accept; } }\n"
        "control filt(inout H hd, out bool accept) {\n"
        "  CounterArray(32w4, true) cnt;\n"
        "  action ok() { accept = true; cnt.increment(32w1); }\n"
        "  table t { key = { hd.h.f : exact; } actions = { ok; } implementation = hash_table(8); }\n"
        "  apply { accept = false; switch (t.apply().action_run) { ok: { } } }\n"
        "}\n"
        "ebpfFilter(prs(), filt()) main;\n",
        true);
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    const ProgramInfo& pi = r.programInfo;
    QVERIFY(pi.valid);
    QCOMPARE(pi.arch, p4wb::compiler::arch::ArchKind::EbpfFilter);
    QCOMPARE(pi.controls[0]->name, std::string("filt"));
    QVERIFY(!pi.deparser);
    auto* sw = dynCast<SwitchStmt>(pi.controls[0]->apply->stmts[1].get());
    QVERIFY(sw && sw->table && sw->table->name == "t");
    QVERIFY(sw->cases[0].action && sw->cases[0].action->name == "ok");
    auto* act = dynCast<ActionDecl>(pi.controls[0]->locals[1].get());
    auto* inc = dynCast<CallStmt>(act->body->stmts[1].get());
    QCOMPARE(inc->call->callKind, CallKind::ExternMethod);
    QCOMPARE(inc->call->target->name, std::string("increment"));
  }

  void serializableEnumsMixWithTheirBits() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "enum bit<8> P { TCP = 6 }\n"
                             "@pragma my_tool option 1\n"
                             "control c(inout bit<8> x, in P p) { apply { x = p; if (p == 6) { x = 1; } } }\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* c = findDecl<ControlDecl>(*r.program, "c");
    QVERIFY(c->findAnnotation("pragma"));
    QCOMPARE(c->findAnnotation("pragma")->body, std::string("my_tool option 1"));
    auto* ifs = dynCast<IfStmt>(c->apply->stmts[1].get());
    auto* cmp = dynCast<BinaryExpr>(ifs->cond.get());
    QCOMPARE(cmp->rhs->type->toString(), std::string("bit<8>"));
  }

  void abstractMethodInitializer() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "extern Hook<T> {\n"
                             "  Hook(bit<8> n);\n"
                             "  abstract T compute(in T v);\n"
                             "  bit<8> count();\n"
                             "}\n"
                             "control c(inout bit<16> x) {\n"
                             "  Hook<bit<16>>(8w2) h = {\n"
                             "    bit<16> compute(in bit<16> v) { return v + (bit<16>)this.count(); }\n"
                             "  };\n"
                             "  apply { x = h.compute(x); }\n"
                             "}\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* c = findDecl<ControlDecl>(*r.program, "c");
    auto* inst = dynCast<InstantiationDecl>(c->locals[0].get());
    QVERIFY(inst);
    QCOMPARE(inst->initializer.size(), size_t(1));
    auto* ext = findDecl<ExternDecl>(*r.program, "Hook");
    QVERIFY(ext->methods[1]->isAbstract);
  }

  void loops() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "header h_t { bit<8> v; }\n"
                             "control c(inout h_t[3] hs, inout bit<8> acc) { apply {\n"
                             "  for (bit<8> i = 0, bit<8> j = 1; i < 3; i = i + 1, j = j << 1) { acc = acc + j; }\n"
                             "  for (h_t h in hs) { if (h.v == 0) { break; } acc = acc + h.v; }\n"
                             "  for (bit<4> k in 1 .. 5) { continue; }\n"
                             "} }\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* c = findDecl<ControlDecl>(*r.program, "c");
    auto* f = dynCast<ForStmt>(c->apply->stmts[0].get());
    QVERIFY(f);
    QCOMPARE(f->init.size(), size_t(2));
    QCOMPARE(f->update.size(), size_t(2));
    QCOMPARE(f->cond->type->toString(), std::string("bool"));
    auto* fi = dynCast<ForInStmt>(c->apply->stmts[1].get());
    QVERIFY(fi && fi->var->type->kind == TypeKind::Header);
    auto* range = dynCast<ForInStmt>(c->apply->stmts[2].get());
    QVERIFY(range && range->collection->kind == NodeKind::Range);
    FrontEndResult bad = check(std::string(kPrelude) + "control c() { apply { break; } }\n");
    QCOMPARE(firstError(bad), std::string("t.p4:2:23: error: 'break' outside a loop"));
  }

  void didYouMeanNotes() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "header ipv4_t { bit<32> dstAddr; }\n"
                             "control c(inout ipv4_t hdr) { apply { hdr.dstAdr = 1; hdrr.dstAddr = 2; } }\n");
    std::vector<std::string> all;
    for (const auto& d : r.diags->records()) all.push_back(r.diags->renderOneLine(d));
    std::vector<std::string> want = {
        "t.p4:3:43: error: no field 'dstAdr' in header 'ipv4_t'",
        "t.p4:3:43: note: did you mean 'dstAddr'?",
        "t.p4:3:55: error: use of undeclared identifier 'hdrr'",
        "t.p4:3:55: note: did you mean 'hdr'?",
    };
    QCOMPARE(all, want);
  }

  void namedArgumentsInParameterOrder() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "action a(in bit<8> x, in bool y) {}\n"
                             "control c() { apply { a(y = true, x = 8w1); } }\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* c = findDecl<ControlDecl>(*r.program, "c");
    auto* call = dynCast<CallStmt>(c->apply->stmts[0].get())->call.get();
    QCOMPARE(call->args[0].name, std::string("x"));
    QCOMPARE(call->args[1].name, std::string("y"));
  }

  // `type bit<9> Port_t` is a distinct type with bit<9>'s layout; `typedef` is not.
  void newTypeIsDistinctWithSameLayout() {
    FrontEndResult r = check(std::string(kPrelude) +
                             "type bit<9> Port_t;\n"
                             "typedef bit<9> Alias_t;\n"
                             "const Port_t P = (Port_t)9w3;\n");
    QVERIFY2(!r.hasErrors(), r.diags->renderAll().c_str());
    auto* port = findDecl<TypedefDecl>(*r.program, "Port_t")->type;
    auto* alias = findDecl<TypedefDecl>(*r.program, "Alias_t")->type;
    QCOMPARE(port->kind, TypeKind::Bits);
    QCOMPARE(port->bitWidth(), 9u);
    QCOMPARE(port->toString(), std::string("Port_t"));
    QCOMPARE(alias->toString(), std::string("bit<9>"));
    QVERIFY(port != alias);
    QCOMPARE(findDecl<VariableDecl>(*r.program, "P")->init->constValue->asU64(), 3ull);
  }

  void driverDiagnosticsConversion() {
    FrontEndResult r = check(std::string(kPrelude) + "const bit<8> X = y;\n");
    std::vector<Diagnostic> ds = r.diagnostics();
    QCOMPARE(ds.size(), size_t(1));
    QCOMPARE(ds[0].file, std::string("t.p4"));
    QCOMPARE(ds[0].line, 2u);
    QCOMPARE(ds[0].column, 18u);
    QCOMPARE(ds[0].message, std::string("use of undeclared identifier 'y'"));
    QCOMPARE(ds[0].severity, Diagnostic::Severity::Error);
    QCOMPARE(r.diags->render(r.diags->records()[0]),
             std::string("t.p4:2:18: error: use of undeclared identifier 'y'\n"
                         "const bit<8> X = y;\n"
                         "                 ^\n"));
  }
};

QTEST_GUILESS_MAIN(TestSema)
#include "test_sema.moc"
