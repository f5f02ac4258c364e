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

void StageCounters::emitIncrement(unsigned id) {
  if (!m_enabled) return;
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (!m_key) m_key = m_ctx.entryAlloca(b.getInt32Ty(), "stage_key");
  b.CreateStore(b.getInt32(id), m_key);
  llvm::Value* slot = emitMapLookup(m_ctx, m_map, m_key);
  llvm::Function* fn = b.GetInsertBlock()->getParent();
  llvm::BasicBlock* add = llvm::BasicBlock::Create(m_ctx.context(), "stage.add", fn);
  llvm::BasicBlock* done = llvm::BasicBlock::Create(m_ctx.context(), "stage.done", fn);
  b.CreateCondBr(b.CreateIsNull(slot), done, add);
  b.SetInsertPoint(add);
  llvm::Value* count = b.CreateAlignedLoad(b.getInt64Ty(), slot, llvm::Align(8));
  b.CreateAlignedStore(b.CreateAdd(count, b.getInt64(1)), slot, llvm::Align(8));
  b.CreateBr(done);
  b.SetInsertPoint(done);
}

void StageCounters::finalize() {
  if (!m_enabled) return;
  MapDefinition def;
  def.name = kStageMapName;
  def.type = BpfMapType::PercpuArray;
  def.key = m_ctx.diU32();
  def.value = m_ctx.diU64();
  // A map needs at least one entry even for a program without stages.
  def.maxEntries = m_stages.empty() ? 1u : static_cast<std::uint32_t>(m_stages.size());
  describeMap(m_ctx, m_map, def);
}

}  // namespace p4wb::compiler
