// extern functions and methods with the same name and arity: chosen by argument types
#include "harness.p4"
header h_t { bit<8> a; }
struct s_t { bit<16> b; }
extern bit<8> probe(in bit<8> x);
extern bit<16> probe(in bit<16> x);
extern bool probe(in bool x);
extern Sink {
  Sink();
  void put(in h_t h);
  void put(in s_t s);
}
control Impl() {
  Sink() sink;
  apply {
    bit<8> a = probe(8w1);
    bit<16> b = probe(16w2);
    bool c = probe(true);
    h_t h = { a = a };
    s_t s = { b = b };
    sink.put(h);
    sink.put(s);
  }
}
Test(Impl()) main;
