// Every test here is named fail_* if and only if it expects p4wb to fail.
// RUN: %python %S/Inputs/check_names.py %S
