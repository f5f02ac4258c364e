// Stage ids and the p4wb_stages PERCPU_ARRAY increments (see stage_counters.h).
#include "compiler/lower/stage_counters.h"

#include "compiler/lower/bpf_maps.h"

namespace p4wb::compiler {

const char* stageKindName(StageKind kind) {
  switch (kind) {
    case StageKind::ParserState:
      return "parser_state";
    case StageKind::ParserReject:
      return "parser_reject";
    case StageKind::TableHit:
      return "table_hit";
    case StageKind::TableMiss:
      return "table_miss";
    case StageKind::Action:
      return "action";
    case StageKind::Control:
      return "control";
    case StageKind::Deparser:
      return "deparser";
    case StageKind::Verdict:
      return "verdict";
  }
  return "unknown";
}

StageCounters::StageCounters(LowerContext& ctx, bool enabled) : m_ctx(ctx), m_enabled(enabled) {
  if (m_enabled) m_map = declareMap(ctx, kStageMapName);
}

unsigned StageCounters::add(StageKind kind, const std::string& name, const std::string& file,
                            unsigned line, unsigned column) {
  for (const Stage& s : m_stages)
    if (s.kind == kind && s.name == name) return s.id;
  unsigned id = static_cast<unsigned>(m_stages.size());
  m_stages.push_back({id, kind, name, file, line, column});
  return id;
}

void StageCounters::addEdge(const std::string& from, const std::string& to, const std::string& label) {
  for (const StageEdge& e : m_edges)
    if (e.from == from && e.to == to && e.label == label) return;
  m_edges.push_back({from, to, label});
}

void StageCounters::addFlowEdge(const std::string& from, const std::string& to, const std::string& label) {
  for (const StageEdge& e : m_flow)
    if (e.from == from && e.to == to && e.label == label) return;
  m_flow.push_back({from, to, label});
}

void StageCounters::emitEntryLookup(llvm::Value* failResult) {
  if (!m_enabled) return;
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::AllocaInst* key = m_ctx.zeroKey();
  llvm::Value* slots = emitMapLookup(m_ctx, m_map, key);
  llvm::Function* fn = b.GetInsertBlock()->getParent();
  llvm::BasicBlock* fail = llvm::BasicBlock::Create(m_ctx.context(), "stage.nomap", fn);
  llvm::BasicBlock* body = llvm::BasicBlock::Create(m_ctx.context(), "stage.ok", fn);
  b.CreateCondBr(b.CreateIsNull(slots), fail, body);
  b.SetInsertPoint(fail);
  b.CreateRet(failResult);
  b.SetInsertPoint(body);
  m_slots = slots;
}

void StageCounters::emitIncrement(unsigned id) {
  if (!m_enabled || !m_slots) return;
  llvm::IRBuilder<>& b = m_ctx.builder();
  // Per-CPU memory: no other CPU writes this slot, so a plain add is exact.
  llvm::Value* slot = b.CreateConstInBoundsGEP1_64(b.getInt64Ty(), m_slots, id);
  llvm::Value* count = b.CreateAlignedLoad(b.getInt64Ty(), slot, llvm::Align(8));
  b.CreateAlignedStore(b.CreateAdd(count, b.getInt64(1)), slot, llvm::Align(8));
}

unsigned StageCounters::slotCount() const {
  // A map value needs at least one element even for a program without stages.
  return m_stages.empty() ? 1u : static_cast<unsigned>(m_stages.size());
}

void StageCounters::finalize() {
  if (!m_enabled) return;
  llvm::DIBuilder& di = m_ctx.di();
  llvm::Metadata* range = di.getOrCreateSubrange(0, static_cast<std::int64_t>(slotCount()));
  MapDefinition def;
  def.name = kStageMapName;
  def.type = BpfMapType::PercpuArray;
  def.key = m_ctx.diU32();
  def.value = di.createArrayType(std::uint64_t{slotCount()} * 64, 64, m_ctx.diU64(),
                                 di.getOrCreateArray({range}));
  def.maxEntries = 1;
  describeMap(m_ctx, m_map, def);
}

}  // namespace p4wb::compiler
