#!/usr/bin/env python3
"""Generates the corpus families under gen/ (one small program per operator/type
combination). Rerun after editing; review the result with `git diff tests/corpus/gen`.
Every generated file tests one thing; fail_ files state their expected error inline."""
import os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gen")

WIDTHS = [1, 4, 8, 16, 32, 64]
SWIDTHS = [4, 8, 16, 32]
ARITH = {"add": "+", "sub": "-", "mul": "*", "and": "&", "or": "|", "xor": "^",
         "sadd": "|+|", "ssub": "|-|"}
CMP = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def prog(comment, body, decls=""):
    return ("// %s\n#include \"harness.p4\"\n%s\ncontrol Impl() {\n  apply {\n%s\n  }\n}\n"
            "Test(Impl()) main;\n" % (comment, decls, body))


def emit(files, name, text):
    files[name] = text


def accept(files):
    for ty, widths in (("bit", WIDTHS), ("int", SWIDTHS)):
        for w in widths:
            t = "%s<%d>" % (ty, w)
            for n, op in ARITH.items():
                emit(files, "ok_op_%s_%s%d.p4" % (n, ty, w), prog(
                    "'%s' on two %s values gives %s" % (op, t, t),
                    "    %s a = 1;\n    %s b = 0;\n    %s c = a %s b;" % (t, t, t, op)))
            for n, op in CMP.items():
                emit(files, "ok_cmp_%s_%s%d.p4" % (n, ty, w), prog(
                    "'%s' on %s gives bool" % (op, t),
                    "    %s a = 1;\n    %s b = 0;\n    bool c = a %s b;" % (t, t, op)))
            for n, op in (("shl", "<<"), ("shr", ">>")):
                emit(files, "ok_op_%s_%s%d.p4" % (n, ty, w), prog(
                    "'%s' of %s by a bit<8> amount keeps %s" % (op, t, t),
                    "    %s a = 1;\n    bit<8> s = 1;\n    %s c = a %s s;" % (t, t, op)))
            emit(files, "ok_op_not_%s%d.p4" % (ty, w), prog(
                "'~' on %s" % t, "    %s a = 1;\n    %s c = ~a;" % (t, t)))
            emit(files, "ok_op_neg_%s%d.p4" % (ty, w), prog(
                "unary '-' on %s" % t, "    %s a = 1;\n    %s c = -a;" % (t, t)))
            emit(files, "ok_lit_infer_%s%d.p4" % (ty, w), prog(
                "an int literal takes the width of the other %s operand" % t,
                "    %s a = 1;\n    %s c = a + 1;\n    bool d = 1 == a;" % (t, t)))
            emit(files, "ok_ternary_%s%d.p4" % (ty, w), prog(
                "?: with %s arms" % t,
                "    %s a = 1;\n    bool f = true;\n    %s c = f ? a : a;" % (t, t)))
    for w1 in WIDTHS:
        for w2 in WIDTHS:
            if w1 == w2:
                continue
            emit(files, "ok_cast_bit%d_bit%d.p4" % (w1, w2), prog(
                "explicit cast bit<%d> -> bit<%d>" % (w1, w2),
                "    bit<%d> a = 1;\n    bit<%d> c = (bit<%d>)a;" % (w1, w2, w2)))
            emit(files, "ok_concat_bit%d_bit%d.p4" % (w1, w2), prog(
                "bit<%d> ++ bit<%d> is bit<%d>" % (w1, w2, w1 + w2),
                "    bit<%d> a = 1;\n    bit<%d> b = 0;\n    bit<%d> c = a ++ b;" % (w1, w2, w1 + w2)))
    for w in SWIDTHS:
        emit(files, "ok_cast_bit%d_int%d.p4" % (w, w), prog(
            "bit<%d> <-> int<%d> casts keep the width" % (w, w),
            "    bit<%d> a = 1;\n    int<%d> b = (int<%d>)a;\n    bit<%d> c = (bit<%d>)b;"
            % (w, w, w, w, w)))
    for w in (8, 16, 32, 64):
        for hi, lo in ((w - 1, 0), (w - 1, w // 2), (w // 2 - 1, 0), (3, 0), (0, 0)):
            emit(files, "ok_slice_bit%d_%d_%d.p4" % (w, hi, lo), prog(
                "slice [%d:%d] of bit<%d> is bit<%d>" % (hi, lo, w, hi - lo + 1),
                "    bit<%d> a = 1;\n    bit<%d> c = a[%d:%d];\n    a[%d:%d] = c;"
                % (w, hi - lo + 1, hi, lo, hi, lo)))
    for n, op in (("and", "&&"), ("or", "||"), ("eq", "=="), ("ne", "!=")):
        emit(files, "ok_bool_%s.p4" % n, prog(
            "'%s' on bool" % op, "    bool a = true;\n    bool b = false;\n    bool c = a %s b;" % op))
    literals = {"hex": "8w0xFF", "bin": "8w0b1010_1010", "oct": "8w0o17", "dec": "8w255",
                "under": "16w1_000", "signed": "8s5", "neg_signed": "-8s5",
                "plain_hex": "0xff", "upper_hex": "0XFF", "width_only": "32w0"}
    for n, lit in literals.items():
        ty = "int<8>" if "signed" in n else ("bit<16>" if n == "under" else (
            "bit<32>" if n == "width_only" else "bit<8>"))
        emit(files, "ok_literal_%s.p4" % n, prog(
            "literal form %s" % lit, "    %s c = %s;" % (ty, lit)))


def reject(files):
    pairs = [(8, 16), (16, 32), (4, 8), (32, 64), (1, 8)]
    for n, op in list(ARITH.items()) + list(CMP.items()):
        for w1, w2 in pairs:
            rt = "bool" if n in CMP else "bit<%d>" % w1
            emit(files, "fail_width_%s_bit%d_bit%d.p4" % (n, w1, w2), prog(
                "'%s' needs equal widths: bit<%d> and bit<%d>" % (op, w1, w2),
                "    bit<%d> a = 1;\n    bit<%d> b = 0;\n"
                "    // expected-error@+1 {{width mismatch in '%s': bit<%d> and bit<%d>}}\n"
                "    %s c = a %s b;" % (w1, w2, op, w1, w2, rt, op)))
    for n, op in ARITH.items():
        emit(files, "fail_mixed_sign_%s.p4" % n, prog(
            "'%s' on bit<8> and int<8> is an error" % op,
            "    bit<8> a = 1;\n    int<8> b = 0;\n"
            "    // expected-error@+1 {{signedness mismatch in '%s': bit<8> and int<8>}}\n"
            "    bit<8> c = a %s b;" % (op, op)))
        emit(files, "fail_bool_operand_%s.p4" % n, prog(
            "'%s' does not apply to bool" % op,
            "    bool a = true;\n"
            "    // expected-error@+1 {{invalid operands to '%s': bool and bool}}\n"
            "    bool c = a %s a;" % (op, op)))
    for w in WIDTHS:
        emit(files, "fail_assign_bool_bit%d.p4" % w, prog(
            "bit<%d> does not convert to bool implicitly" % w,
            "    bit<%d> a = 1;\n    // expected-error@+1 {{cannot convert bit<%d> to bool}}\n"
            "    bool c = a;" % (w, w)))
        emit(files, "fail_undeclared_in_bit%d.p4" % w, prog(
            "an undeclared name in a bit<%d> expression" % w,
            "    // expected-error@+1 {{use of undeclared identifier 'nope'}}\n"
            "    bit<%d> c = nope + 1;" % w))
        emit(files, "fail_redefine_local_bit%d.p4" % w, prog(
            "a local bit<%d> declared twice in one block" % w,
            "    bit<%d> a = 1;\n    // expected-error@+1 {{redefinition of 'a'}}\n"
            "    bit<%d> a = 2;" % (w, w)))
        for w2 in WIDTHS:
            if w2 != w:
                emit(files, "fail_assign_bit%d_bit%d.p4" % (w, w2), prog(
                    "bit<%d> does not convert to bit<%d> implicitly" % (w, w2),
                    "    bit<%d> a = 1;\n    // expected-error@+1 {{cannot convert bit<%d> to bit<%d>}}\n"
                    "    bit<%d> c = a;" % (w, w, w2, w2)))
    for w in WIDTHS:
        t = "bit<%d>" % w
        for n, op in CMP.items():
            if n in ("eq", "ne"):
                continue
            emit(files, "fail_cmp_%s_bool_bit%d.p4" % (n, w), prog(
                "'%s' between bool and %s" % (op, t),
                "    bool a = true;\n    %s b = 0;\n"
                "    // expected-error@+1 {{invalid operands to '%s': bool and %s}}\n"
                "    bool c = a %s b;" % (t, op, t, op)))
        for n, op in (("land", "&&"), ("lor", "||")):
            emit(files, "fail_logical_%s_bit%d.p4" % (n, w), prog(
                "'%s' needs bool operands, not %s" % (op, t),
                "    %s a = 1;\n"
                "    // expected-error@+1 {{invalid operands to '%s': %s and %s}}\n"
                "    bool c = a %s a;" % (t, op, t, t, op)))
        emit(files, "fail_if_cond_bit%d.p4" % w, prog(
            "an if condition of type %s" % t,
            "    %s a = 1;\n    // expected-error@+1 {{condition must be bool, found %s}}\n"
            "    if (a) { a = 2; }" % (t, t)))
        emit(files, "fail_assign_const_bit%d.p4" % w, prog(
            "a constant %s cannot be assigned" % t,
            "    // expected-error@+1 {{cannot assign to 'K'}}\n    K = 2;",
            "const %s K = 1;" % t))
        emit(files, "fail_lnot_bit%d.p4" % w, prog(
            "'!' needs a bool operand, not %s" % t,
            "    %s a = 1;\n    // expected-error@+1 {{invalid operand to '!': %s}}\n"
            "    bool c = !a;" % (t, t)))
    for w in (8, 16, 32):
        emit(files, "fail_slice_out_of_range_bit%d.p4" % w, prog(
            "slice [%d:0] is outside bit<%d>" % (w, w),
            "    bit<%d> a = 1;\n"
            "    // expected-error@+1 {{slice [%d:0] out of range for bit<%d>}}\n"
            "    bit<%d> c = a[%d:0];" % (w, w, w, w + 1, w)))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    files = {}
    accept(files)
    reject(files)
    for name, text in files.items():
        with open(os.path.join(OUT, name), "w") as f:
            f.write(text)
    print("generated %d files (%d ok_, %d fail_)" % (
        len(files), sum(n.startswith("ok_") for n in files),
        sum(n.startswith("fail_") for n in files)))


if __name__ == "__main__":
    main()
