#!/usr/bin/env python3
"""Runs `p4wb check` over the corpus and verifies each file's expectations.

ok_*.p4   must check with no errors (exit 0).
fail_*.p4 must fail, and its errors must be exactly the ones it announces with
          `// expected-error {{text}}` (same line), `// expected-error@+N {{text}}` or
          `@-N` (relative line): each expected error must appear at that line with the
          text as a substring of the message, and no unexpected error may appear.
warn_*.p4 must check with no errors (exit 0), and its warnings must be exactly the
          ones it announces with `// expected-warning {{text}}` (same forms): for the
          warnings sema gives only on error-free programs (-Wuninitialized-use, ...).
A fail_ file must expect at least one error, a warn_ file at least one warning and no
error; an ok_ file must expect nothing.

usage: run_corpus.py --p4wb BIN [--print-actual] [FILE_OR_DIR...]
--print-actual prints each file's actual errors as expected-error lines (to write or
review expectations; regenerate generated families with gen_corpus.py).
"""
import argparse, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = re.compile(r"//\s*expected-(error|warning)(@([+-]\d+))?\s*\{\{(.*?)\}\}")


def expectations(path):
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            for m in EXPECT.finditer(line):
                out.append((m.group(1), n + int(m.group(3) or 0), m.group(4)))
    return out


def check(p4wb, path):
    proc = subprocess.run([p4wb, "check", "--json", "-I", os.path.join(HERE, "include"), path],
                          capture_output=True, text=True, timeout=30)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        return proc.returncode, [("error", 0, "bad JSON output: " + proc.stderr[-300:])]
    diags = [(d["severity"], d["line"], d["message"]) for d in data["diagnostics"]
             if d["severity"] in ("error", "warning")
             and os.path.basename(d["file"]) == os.path.basename(path)]
    others = [("error", 0, d["message"]) for d in data["diagnostics"]
              if d["severity"] == "error" and os.path.basename(d["file"]) != os.path.basename(path)]
    return proc.returncode, diags + others


def verify(p4wb, path):
    name = os.path.basename(path)
    rc, actual = check(p4wb, path)
    expected = expectations(path)
    problems = []
    if name.startswith("fail_") and not any(k == "error" for k, _, _ in expected):
        problems.append("fail_ file expects no error")
    if name.startswith("ok_") and expected:
        problems.append("ok_ file has expectations")
    if name.startswith("warn_") and (not any(k == "warning" for k, _, _ in expected)
                                     or any(k == "error" for k, _, _ in expected)):
        problems.append("warn_ file must expect warnings and no error")
    if name.startswith("fail_") and rc == 0:
        problems.append("p4wb check exited 0")
    if (name.startswith("ok_") or name.startswith("warn_")) and rc != 0:
        problems.append("p4wb check exited %d" % rc)
    remaining = list(actual)
    for kind, line, text in expected:
        hit = next((a for a in remaining if a[0] == kind and a[1] == line and text in a[2]), None)
        if hit:
            remaining.remove(hit)
        else:
            problems.append("expected %s at line %d not seen: %s" % (kind, line, text))
    for kind, line, text in remaining:
        if kind == "error" or (kind == "warning" and name.startswith("warn_")):
            problems.append("unexpected %s at line %d: %s" % (kind, line, text))
    return problems, actual


def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in os.walk(a):
                for n in sorted(names):
                    if n.endswith(".p4") and n.startswith(("ok_", "fail_", "warn_")):
                        yield os.path.join(root, n)
        else:
            yield a


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4wb", required=True)
    ap.add_argument("--print-actual", action="store_true")
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()
    paths = sorted(files(a.paths or [os.path.join(HERE, "hand"), os.path.join(HERE, "gen")]))
    failed, counts = 0, {"ok": 0, "fail": 0, "warn": 0}
    for p in paths:
        problems, actual = verify(a.p4wb, p)
        kind = os.path.basename(p).split("_", 1)[0]
        counts[kind if kind in counts else "fail"] += 1
        if a.print_actual:
            for kind, line, text in actual:
                print("%s:%d: // expected-%s {{%s}}" % (p, line, kind, text))
        if problems:
            failed += 1
            print("FAIL %s" % os.path.relpath(p, HERE))
            for pr in problems:
                print("    " + pr)
    print("corpus: %d accept (%d of them with expected warnings), %d reject, %d failed"
          % (counts["ok"] + counts["warn"], counts["warn"], counts["fail"], failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
