// Parser states as basic blocks. Each state counts its stage, runs its statements
// (extract checks bounds and branches to reject on a short packet) and ends in a direct
// transition or a select chain; a select without a matching case rejects (error.NoMatch).
// accept continues with the control; reject drops the packet (XDP_DROP).
#include <algorithm>

#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

// How often one parser state may be entered per packet (see lowerParser).
constexpr unsigned kParserLoopLimit = 256;

llvm::Value* Lowerer::selectCaseMatches(const ast::Expr* keyset, llvm::Value* value,
                                        const sema::Type* type) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Type* t = value->getType();
  bool isSigned = isSignedType(type);
  if (ast::isa<ast::DefaultExpr>(keyset)) return b.getTrue();
  if (const auto* m = ast::dynCast<ast::MaskExpr>(keyset)) {
    llvm::Value* v = coerce(expr(m->value.get(), type), t, isSigned);
    llvm::Value* mask = coerce(expr(m->mask.get(), type), t, isSigned);
    return b.CreateICmpEQ(b.CreateAnd(value, mask), b.CreateAnd(v, mask));
  }
  if (const auto* r = ast::dynCast<ast::RangeExpr>(keyset)) {
    llvm::Value* lo = coerce(expr(r->lo.get(), type), t, isSigned);
    llvm::Value* hi = coerce(expr(r->hi.get(), type), t, isSigned);
    llvm::Value* geLo = isSigned ? b.CreateICmpSGE(value, lo) : b.CreateICmpUGE(value, lo);
    llvm::Value* leHi = isSigned ? b.CreateICmpSLE(value, hi) : b.CreateICmpULE(value, hi);
    return b.CreateAnd(geLo, leHi);
  }
  if (const auto* p = ast::dynCast<ast::PathExpr>(keyset))
    if (const auto* vs = ast::dynCast<ast::ValueSetDecl>(p->resolved))
      return valueSetContains(vs, value, keyset->loc);
  return b.CreateICmpEQ(value, coerce(expr(keyset, type), t, isSigned));
}

// `value_set<bit<N>>(size) vs` in parser P: a BPF hash map "P_vs" whose key is the value
// in network byte order, right-aligned in ceil(N/8) bytes (like a table key field), and
// whose u8 value is ignored; the control plane fills it at run time.
void Lowerer::declareValueSet(const ast::ValueSetDecl* vs, const std::string& parser) {
  const sema::Type* elem = vs->elementType ? vs->elementType->resolved : nullptr;
  if (!elem || elem->kind != sema::TypeKind::Bits || elem->bitWidth() == 0) {
    unsupported(vs->loc, "value_set of " + (elem ? elem->toString() : std::string("?")) +
                             " (only value_set<bit<N>> is implemented)");
    return;
  }
  std::uint32_t size = 1;
  if (vs->size && vs->size->constValue)
    size = static_cast<std::uint32_t>(std::max<std::uint64_t>(1, vs->size->constValue->asU64()));
  MapDefinition def;
  def.name = parser + "_" + vs->name;
  for (char& c : def.name)
    if (c == '.') c = '_';  // a value set of a sub-parser instance
  def.type = BpfMapType::Hash;
  def.key = m_ctx.diByteArray((elem->bitWidth() + 7) / 8);
  def.value = m_ctx.diU8();
  def.maxEntries = size;
  def.line = vs->loc.line;
  if (m_valueSets.count(vs)) return;  // made for the other program already
  m_valueSets[vs] = defineMap(m_ctx, def);
  // In the schema like a FlowTable without value fields: the control plane adds and
  // removes keys (p4wb valueset, runtime/externs.h).
  ExternLayout layout;
  layout.kind = "value_set";
  layout.name = parser + "." + vs->name;
  layout.map = def.name;
  layout.mapType = "hash";
  layout.maxEntries = size;
  layout.keySize = (elem->bitWidth() + 7) / 8;
  layout.valueSize = 1;
  layout.keyType = elem->toString();
  FieldLayout value;
  value.name = "value";
  value.bits = elem->bitWidth();
  value.bytes = layout.keySize;
  value.format = value.bits <= 64 ? "dec" : "hex";  // as table keys without a hint
  layout.keyFields.push_back(value);
  m_layout.externs.push_back(layout);
}

llvm::Value* Lowerer::valueSetContains(const ast::ValueSetDecl* vs, llvm::Value* value,
                                       SourceLocation loc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  auto it = m_valueSets.find(vs);
  if (it == m_valueSets.end()) {
    unsupported(loc, "value_set '" + vs->name + "' here");
    return b.getFalse();
  }
  unsigned bits = vs->elementType->resolved->bitWidth();
  unsigned bytes = (bits + 7) / 8;
  llvm::Function* f = b.GetInsertBlock()->getParent();
  llvm::IRBuilder<> entry(&f->getEntryBlock(), f->getEntryBlock().begin());
  llvm::AllocaInst* key = entry.CreateAlloca(llvm::ArrayType::get(b.getInt8Ty(), bytes));
  b.CreateMemSet(key, b.getInt8(0), bytes, llvm::MaybeAlign(1));
  storeBigEndian(key, bytes * 8 - bits, bits, coerce(value, b.getIntNTy(bits), false));
  return b.CreateIsNotNull(emitMapLookup(m_ctx, it->second, key));
}

namespace {

// One parser's blocks, by state.
struct StateBlocks {
  std::map<const ast::ParserStateDecl*, llvm::BasicBlock*> blocks;
  llvm::BasicBlock* accept = nullptr;
  llvm::BasicBlock* reject = nullptr;

  llvm::BasicBlock* target(const ast::ParserStateDecl* state, const std::string& name) const {
    if (ast::isAcceptState(name)) return accept;
    if (state) {
      auto it = blocks.find(state);
      if (it != blocks.end()) return it->second;
    }
    return reject;
  }
};

}  // namespace

// Where the parser goes for `error` (core.p4's names; "reject" for `transition reject`,
// "verify" for a verify whose error is only known at run time): a block that counts the
// stage "<parser>.reject.<error>" and joins the common reject (which counts
// "<parser>.reject" and drops).
llvm::BasicBlock* Lowerer::rejectWith(const std::string& error) {
  auto [it, fresh] = m_rejectBlocks.try_emplace(error, nullptr);
  if (!fresh) return it->second;
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::IRBuilderBase::InsertPointGuard guard(b);
  it->second = newBlock("reject." + error);
  b.SetInsertPoint(it->second);
  const ast::ParserDecl* parser = m_fe.programInfo.parser;
  m_stages.emitIncrement(m_stages.add(StageKind::ParserReject, m_parserName + ".reject." + error,
                                      fileName(parser->loc), parser->loc.line, parser->loc.column));
  b.CreateBr(m_parserReject);
  return it->second;
}

namespace {

// The states of `parser` that can be entered again (part of a cycle of transitions).
std::set<const ast::ParserStateDecl*> loopingStates(const ast::ParserDecl* parser) {
  std::map<const ast::ParserStateDecl*, std::vector<const ast::ParserStateDecl*>> next;
  for (const auto& state : parser->states) {
    const ast::Transition& tr = state->transition;
    auto& out = next[state.get()];
    if (tr.kind == ast::Transition::Kind::Direct && tr.target) out.push_back(tr.target);
    for (const ast::SelectCase& c : tr.cases)
      if (c.target) out.push_back(c.target);
  }
  std::set<const ast::ParserStateDecl*> looping;
  for (const auto& state : parser->states) {
    // Is `state` reachable from its successors?
    std::vector<const ast::ParserStateDecl*> work = next[state.get()];
    std::set<const ast::ParserStateDecl*> seen;
    while (!work.empty()) {
      const ast::ParserStateDecl* s = work.back();
      work.pop_back();
      if (s == state.get()) {
        looping.insert(s);
        break;
      }
      if (!seen.insert(s).second) continue;
      for (const ast::ParserStateDecl* n : next[s]) work.push_back(n);
    }
  }
  return looping;
}

// A select case's keysets as the schema's transition label: "0x0800", "(1, default)".
std::string keysetLabel(const ast::Expr* e) {
  if (const auto* i = ast::dynCast<ast::IntLiteralExpr>(e)) return i->text;
  if (const auto* d = ast::dynCast<ast::DefaultExpr>(e)) return d->isDontCare ? "_" : "default";
  if (const auto* m = ast::dynCast<ast::MaskExpr>(e))
    return keysetLabel(m->value.get()) + " &&& " + keysetLabel(m->mask.get());
  if (const auto* r = ast::dynCast<ast::RangeExpr>(e))
    return keysetLabel(r->lo.get()) + " .. " + keysetLabel(r->hi.get());
  return exprText(e);
}

std::string caseLabel(const ast::SelectCase& c) {
  std::string out;
  for (const ast::ExprPtr& k : c.keysets) out += (out.empty() ? "" : ", ") + keysetLabel(k.get());
  return c.keysets.size() > 1 ? "(" + out + ")" : out;
}

}  // namespace

void Lowerer::lowerParser(const ast::ParserDecl* parser, llvm::BasicBlock* accept,
                          llvm::BasicBlock* reject) {
  m_parserReject = reject;
  m_parserName = parser->name;
  lowerParserStates(parser, parser->name, accept);
  m_parserReject = nullptr;
  m_parserName.clear();
  m_parserState.clear();
}

// `inst.apply(packet, ...)` of a parser instantiated in a parser: its states are inlined
// where it is applied (stages `<caller>.<inst>.<state>`), its accept continues the
// calling state, its reject is the parser's reject; parameters are copied in and out
// (the packet_in is the same packet: the cursor is shared).
void Lowerer::applyParserInstance(const ast::InstantiationDecl* inst, const ast::ParserDecl* sub,
                                  const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (!m_parserReject || m_parserDepth > 8) {
    unsupported(call->loc, m_parserReject ? "sub-parsers nested more than 8 deep"
                                          : "applying parser '" + inst->name + "' outside a parser");
    return;
  }
  std::vector<BoundArg> args = bindCallArgs(sub->params, call);
  std::string savedPrefix = m_parserPrefix;
  std::string prefix = m_parserPrefix + "." + inst->name;
  llvm::BasicBlock* after = newBlock("after." + inst->name);
  // The schema's edge from the calling state into the sub-parser, labelled by the call;
  // the sub-parser's "accept" edges return to that caller.
  const std::string caller = m_parserState;
  if (!caller.empty()) m_stages.addEdge(caller, prefix + ".start", inst->name + ".apply()");
  ++m_parserDepth;
  inlineBody(sub->params, args, nullptr, inst->name, nullptr, [&] {
    lowerParserStates(sub, prefix, after);
    b.SetInsertPoint(after);
  });
  --m_parserDepth;
  m_parserPrefix = savedPrefix;
  m_parserState = caller;
  setLoc(call->loc);
}

// The locals and states of `parser` (stages `<prefix>.<state>`): accept continues at
// `accept`, rejects go to m_parserReject. Leaves the builder at the end of the last state.
void Lowerer::lowerParserStates(const ast::ParserDecl* parser, const std::string& prefix,
                                llvm::BasicBlock* accept) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::BasicBlock* reject = m_parserReject;
  m_parserPrefix = prefix;
  for (const ast::DeclPtr& local : parser->locals) {
    if (const auto* vs = ast::dynCast<ast::ValueSetDecl>(local.get()))
      declareValueSet(vs, prefix);
    else
      declareLocal(local.get());
  }
  StateBlocks states;
  states.accept = accept;
  states.reject = reject;
  for (const auto& state : parser->states)
    states.blocks[state.get()] = newBlock("state." + state->name);
  const ast::ParserStateDecl* start = parser->findState("start");
  if (!start) {
    unsupported(parser->loc, "a parser without a start state");
    b.CreateBr(reject);
    return;
  }
  b.CreateBr(states.blocks[start]);
  std::set<const ast::ParserStateDecl*> looping = loopingStates(parser);
  for (const auto& state : parser->states) {
    b.SetInsertPoint(states.blocks[state.get()]);
    setLoc(state->loc);
    m_stages.emitIncrement(m_stages.add(StageKind::ParserState, prefix + "." + state->name,
                                        fileName(state->loc), state->loc.line, state->loc.column));
    if (looping.count(state.get())) {
      // A state in a loop counts its entries and rejects past kParserLoopLimit: the
      // verifier follows each iteration with a precise cursor, and without a bound it
      // gives up long before the packet offset's own limit ("too many jumps").
      // LLVM may prove the limit is never reached (a bit<8> counter ends the loop sooner)
      // and drop the check the verifier needs; an empty asm hides the count from it.
      llvm::AllocaInst* entries = m_ctx.entryAlloca(b.getInt64Ty(), "loop." + state->name);
      llvm::BasicBlock& entry = m_ctx.function()->getEntryBlock();
      llvm::IRBuilder<>(&entry, entry.getTerminator() ? entry.getTerminator()->getIterator()
                                                      : entry.end())
          .CreateStore(b.getInt64(0), entries);
      llvm::Value* count =
          m_ctx.opaque(b.CreateAdd(b.CreateLoad(b.getInt64Ty(), entries), b.getInt64(1)));
      b.CreateStore(count, entries);
      llvm::BasicBlock* body = newBlock("state." + state->name + ".body");
      b.CreateCondBr(b.CreateICmpUGT(count, b.getInt64(kParserLoopLimit)), rejectWith("ParserTimeout"),
                     body);
      b.SetInsertPoint(body);
    }
    m_parserState = prefix + "." + state->name;
    for (const ast::StmtPtr& s : state->stmts) stmt(s.get());
    const ast::Transition& tr = state->transition;
    const std::string from = prefix + "." + state->name;
    m_parserState = from;
    auto stageOf = [&](const std::string& next) {
      return ast::isAcceptState(next) || ast::isRejectState(next) ? next : prefix + "." + next;
    };
    if (tr.kind == ast::Transition::Kind::Direct) m_stages.addEdge(from, stageOf(tr.nextState), "");
    if (tr.kind == ast::Transition::Kind::None) m_stages.addEdge(from, "reject", "");
    if (tr.kind == ast::Transition::Kind::Select) {
      bool hasDefault = false;
      for (const ast::SelectCase& c : tr.cases) {
        m_stages.addEdge(from, stageOf(c.nextState), caseLabel(c));
        hasDefault |= std::all_of(c.keysets.begin(), c.keysets.end(),
                                  [](const ast::ExprPtr& k) { return ast::isa<ast::DefaultExpr>(k.get()); });
      }
      if (!hasDefault) m_stages.addEdge(from, "reject", "no match");
    }
    setLoc(tr.loc.valid() ? tr.loc : state->loc);
    if (tr.kind != ast::Transition::Kind::Select) {
      b.CreateBr(tr.kind == ast::Transition::Kind::Direct ? states.target(tr.target, tr.nextState)
                                                          : rejectWith("reject"));
      continue;
    }
    std::vector<llvm::Value*> values;
    for (const ast::ExprPtr& e : tr.selectExprs) values.push_back(expr(e.get()));
    bool exhaustive = false;  // a case matches everything: no NoMatch reject to count
    for (const ast::SelectCase& c : tr.cases) {
      setLoc(c.loc);
      llvm::Value* match = b.getTrue();
      for (std::size_t i = 0; i < c.keysets.size() && i < values.size(); ++i)
        match = b.CreateAnd(
            match, selectCaseMatches(c.keysets[i].get(), values[i], tr.selectExprs[i]->type));
      if (auto* k = llvm::dyn_cast<llvm::ConstantInt>(match); k && k->isOne()) exhaustive = true;
      llvm::BasicBlock* next = newBlock("select.next");
      b.CreateCondBr(match, states.target(c.target, c.nextState), next);
      b.SetInsertPoint(next);
    }
    b.CreateBr(exhaustive ? reject : rejectWith("NoMatch"));
  }
}

}  // namespace p4wb::compiler
