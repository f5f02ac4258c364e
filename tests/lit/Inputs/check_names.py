"""Checks the golden-test naming rule: a test is named fail_* iff it expects errors,
i.e. iff one of its RUN lines runs p4wb under `not`."""
import os
import re
import sys

folder = sys.argv[1]
bad = []
for name in sorted(os.listdir(folder)):
    if not name.endswith(".p4"):
        continue
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        runs = [l for l in f if re.match(r"\s*//\s*RUN:", l)]
    expects_errors = any(re.search(r"\bnot\s+%p4wb\b", l) for l in runs)
    if expects_errors != name.startswith("fail_"):
        bad.append(name)
for name in bad:
    print("naming rule broken:", name)
sys.exit(1 if bad else 0)
