// Stage ids and the p4wb_stages PERCPU_ARRAY increments or markers (see stage_counters.h).
#include "compiler/lower/stage_counters.h"

#include <algorithm>

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

StageCounters::StageCounters(LowerContext& ctx, bool enabled, StagePlacement placement)
    : m_ctx(ctx), m_enabled(enabled), m_placement(placement) {
  if (!m_enabled) return;
  m_map = declareMap(ctx, kStageMapName);
  if (m_placement == StagePlacement::Edges) {
    llvm::LLVMContext& c = ctx.context();
    auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(c),
                                         {llvm::PointerType::get(c, 0), llvm::Type::getInt32Ty(c)}, false);
    m_marker = ctx.module().getOrInsertFunction(kStageMarkerName, type);
    // Passes may duplicate a marker onto separate paths but never merge two into one.
    if (auto* f = llvm::dyn_cast<llvm::Function>(m_marker.getCallee())) {
      f->addFnAttr(llvm::Attribute::NoMerge);
      f->addFnAttr(llvm::Attribute::NoUnwind);
    }
  }
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
  m_entry = body;
}

void StageCounters::emitIncrement(unsigned id) {
  if (!m_enabled || !m_slots) return;
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (m_placement == StagePlacement::Edges) {
    b.CreateCall(m_marker, {m_slots, b.getInt32(id)});
    return;
  }
  // Per-CPU memory: no other CPU writes this slot, so a plain add is exact.
  llvm::Value* slot = b.CreateConstInBoundsGEP1_64(b.getInt64Ty(), m_slots, id);
  llvm::Value* count = b.CreateAlignedLoad(b.getInt64Ty(), slot, llvm::Align(8));
  b.CreateAlignedStore(b.CreateAdd(count, b.getInt64(1)), slot, llvm::Align(8));
}

void StageCounters::finishFunction() {
  if (!m_enabled || m_placement != StagePlacement::Edges || !m_entry) return;
  std::vector<bool> cold;
  for (const Stage& s : m_stages) cold.push_back(s.kind == StageKind::ParserReject);
  m_edgeSlots += placeStageCounters(*m_entry->getParent(), m_edgeSlots, cold, m_formulas);
}

unsigned StageCounters::slotCount() const {
  // A map value needs at least one element even for a program without stages.
  unsigned n = m_placement == StagePlacement::Edges ? m_edgeSlots : static_cast<unsigned>(m_stages.size());
  return std::max(n, 1u);
}

void StageCounters::finalize() {
  if (!m_enabled) return;
  if (m_placement == StagePlacement::Edges) {
    m_formulas.resize(m_stages.size());  // a stage no packet can reach: no terms, count 0
    // Markers of a function that never got its entry lookup (none today) count nothing.
    if (llvm::Function* marker = m_ctx.module().getFunction(kStageMarkerName)) {
      for (llvm::User* u : llvm::make_early_inc_range(marker->users()))
        llvm::cast<llvm::Instruction>(u)->eraseFromParent();
      marker->eraseFromParent();
    }
  }
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
