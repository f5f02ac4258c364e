// Golden test of --dump-ast: the tree with sema annotations.
// Update with tests/lit/update_goldens.py (review the diff).
// RUN: cd %S && %p4wb check --dump-ast dump_ast.p4 > %t.out
// RUN: diff %S/Inputs/dump_ast.expected %t.out
// GOLDEN: --dump-ast
const bit<8> X = 2 + 3;
const bool Y = X == 5;
control C();
package P(C c);
control I() { apply { } }
P(I()) main;
