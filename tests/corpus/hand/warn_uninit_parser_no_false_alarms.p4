// parser patterns that assign before every read: a sub-parser's out argument,
// lookahead into a local, assignments on every path into a state; only the read at
// the end is of a value some path leaves unassigned
#include <core.p4>
header h_t { bit<8> f; }
struct hdrs_t { h_t a; h_t b; }
parser Inner(packet_in pkt, out h_t h, out bit<8> kind) {
  state start { pkt.extract(h); kind = h.f; transition accept; }
}
parser Prs(packet_in pkt, out hdrs_t h, out bit<8> tag);
package Pkg(Prs p);
parser Impl(packet_in pkt, out hdrs_t h, out bit<8> tag) {
  Inner() inner;
  bit<8> kind;
  bit<8> peek;
  bit<8> maybe;
  state start {
    inner.apply(pkt, h.a, kind);
    peek = pkt.lookahead<bit<8>>();
    verify(kind == peek || peek != 0, error.ParserInvalidArgument);
    transition select(kind) {
      1: one;
      default: two;
    }
  }
  state one { tag = 1; maybe = 1; transition done; }
  state two { tag = peek; transition done; }
  state done {
    pkt.extract(h.b);
    tag = tag + maybe; // expected-warning {{'maybe' may be uninitialized}}
    transition accept;
  }
}
Pkg(Impl()) main;
