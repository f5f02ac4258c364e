#!/usr/bin/env python3
"""Rewrites the expected outputs of the golden dump tests (tests/lit/dump_*.p4).

Each dump_*.p4 names its p4wb arguments on a `// GOLDEN: ARGS` line; this script runs
`p4wb check ARGS dump_x.p4` in tests/lit and writes Inputs/dump_x.expected. Every change
is printed as a unified diff: review it (and `git diff`) before committing.

usage: update_goldens.py --p4wb BIN [--check] [FILE...]
--check only reports differences (exit 1 when there are any), writing nothing.
"""
import argparse, difflib, glob, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = re.compile(r"//\s*GOLDEN:\s*(.*)$", re.M)


def run(p4wb, path):
    with open(path, encoding="utf-8") as f:
        m = GOLDEN.search(f.read())
    if not m:
        return None
    args = m.group(1).split()
    proc = subprocess.run([p4wb, "check"] + args + [os.path.basename(path)], cwd=HERE,
                          capture_output=True, text=True, timeout=60)
    return proc.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--p4wb", required=True)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(HERE, "dump_*.p4")))
    changed = 0
    for path in files:
        out = run(os.path.abspath(a.p4wb), os.path.abspath(path))
        if out is None:
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        expected = os.path.join(HERE, "Inputs", stem + ".expected")
        old = open(expected, encoding="utf-8").read() if os.path.exists(expected) else ""
        if old == out:
            continue
        changed += 1
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), out.splitlines(True),
                                                   "a/" + os.path.relpath(expected, HERE),
                                                   "b/" + os.path.relpath(expected, HERE)))
        if not a.check:
            with open(expected, "w", encoding="utf-8") as f:
                f.write(out)
    print("%d golden file(s) %s" % (changed, "differ" if a.check else "updated"))
    return 1 if a.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
