// Parser states as basic blocks. Each state counts its stage, runs its statements
// (extract checks bounds and branches to reject on a short packet) and ends in a direct
// transition or a select chain; a select without a matching case rejects (error.NoMatch).
// accept continues with the control; reject drops the packet (XDP_DROP).
#include <algorithm>

#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

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
  def.type = BpfMapType::Hash;
  def.key = m_ctx.diByteArray((elem->bitWidth() + 7) / 8);
  def.value = m_ctx.diU8();
  def.maxEntries = size;
  def.line = vs->loc.line;
  m_valueSets[vs] = defineMap(m_ctx, def);
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

namespace {

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
  llvm::IRBuilder<>& b = m_ctx.builder();
  m_parserReject = reject;
  for (const ast::DeclPtr& local : parser->locals) {
    if (const auto* vs = ast::dynCast<ast::ValueSetDecl>(local.get()))
      declareValueSet(vs, parser->name);
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
  for (const auto& state : parser->states) {
    b.SetInsertPoint(states.blocks[state.get()]);
    setLoc(state->loc);
    m_stages.emitIncrement(m_stages.add(StageKind::ParserState, parser->name + "." + state->name,
                                        fileName(state->loc), state->loc.line, state->loc.column));
    for (const ast::StmtPtr& s : state->stmts) stmt(s.get());
    const ast::Transition& tr = state->transition;
    const std::string from = parser->name + "." + state->name;
    auto stageOf = [&](const std::string& next) {
      return ast::isAcceptState(next) || ast::isRejectState(next) ? next : parser->name + "." + next;
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
                                                          : reject);
      continue;
    }
    std::vector<llvm::Value*> values;
    for (const ast::ExprPtr& e : tr.selectExprs) values.push_back(expr(e.get()));
    for (const ast::SelectCase& c : tr.cases) {
      setLoc(c.loc);
      llvm::Value* match = b.getTrue();
      for (std::size_t i = 0; i < c.keysets.size() && i < values.size(); ++i)
        match = b.CreateAnd(
            match, selectCaseMatches(c.keysets[i].get(), values[i], tr.selectExprs[i]->type));
      llvm::BasicBlock* next = newBlock("select.next");
      b.CreateCondBr(match, states.target(c.target, c.nextState), next);
      b.SetInsertPoint(next);
    }
    b.CreateBr(reject);
  }
  m_parserReject = nullptr;
}

}  // namespace p4wb::compiler
