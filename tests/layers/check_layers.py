#!/usr/bin/env python3
"""Fails when a source file breaks the layer rules of docs/architecture.md.

compiler/: no Qt, no libbpf, nothing else of the project.
runtime/:  no Qt, no LLVM, nothing of compiler/ (or any other layer).
editor/:   of the compiler only lex/ and diag/ (and source/, which they need).
visualizer/: never editor/ or app/.
Only app/ may construct services: not checked here.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')

QT = re.compile(r'^(Q[A-Za-z]+|Qt[A-Za-z]*/|Qsci/)')
LIBBPF = re.compile(r'^bpf/')
LLVM = re.compile(r'^(llvm|llvm-c|clang)/')
PROJECT = re.compile(r'^(compiler|runtime|editor|visualizer|app)/')

def rules(layer, inc):
    """Returns a reason string when `inc` is forbidden in `layer`."""
    top = inc.split("/", 1)[0] if "/" in inc else ""
    if layer == "compiler":
        if QT.match(inc): return "compiler/ must not include Qt"
        if LIBBPF.match(inc): return "compiler/ must not include libbpf"
        if PROJECT.match(inc) and top != "compiler": return "compiler/ must not include other layers"
    if layer == "runtime":
        if QT.match(inc): return "runtime/ must not include Qt"
        if LLVM.match(inc): return "runtime/ must not include LLVM"
        if PROJECT.match(inc) and top != "runtime": return "runtime/ must not include other layers"
    if layer == "editor":
        if LIBBPF.match(inc) or LLVM.match(inc): return "editor/ must not include libbpf or LLVM"
        if top in ("runtime", "visualizer", "app"): return "editor/ must not include " + top + "/"
        if top == "compiler" and not re.match(r'^compiler/(lex|diag|source)/', inc):
            return "editor/ may use only compiler lex/ and diag/"
    if layer == "visualizer":
        if top in ("editor", "app"): return "visualizer/ must not include " + top + "/"
        if LLVM.match(inc): return "visualizer/ must not include LLVM"
    return None

failures = []
for layer in ("compiler", "runtime", "editor", "visualizer"):
    for path in sorted((root / layer).rglob("*")):
        if path.suffix not in (".h", ".hpp", ".cpp", ".cc", ".def", ".inc"):
            continue
        for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if m:
                why = rules(layer, m.group(1))
                if why:
                    failures.append(f"{path.relative_to(root)}:{n}: {why}: {m.group(1)}")
for f in failures:
    print(f)
checked = "compiler, runtime, editor, visualizer"
print(f"layer check ({checked}): {len(failures)} violation(s)")
sys.exit(1 if failures else 0)
