// Stage registry and per-stage packet counters: every parser state, table hit/miss,
// action and verdict gets a dense id (listed in the schema's "stages"), and, when
// enabled, the generated code adds 1 to slot `id` of the PERCPU_ARRAY map `p4wb_stages`
// each time a packet enters that stage.
#pragma once

#include <string>
#include <vector>

#include "compiler/lower/lower_context.h"

namespace p4wb::compiler {

enum class StageKind {
  ParserState,
  ParserReject,
  TableHit,
  TableMiss,
  Action,
  Control,
  Deparser,
  Verdict,
};

// The schema spelling of a kind ("parser_state", "table_hit", ...).
const char* stageKindName(StageKind kind);

struct Stage {
  unsigned id = 0;
  StageKind kind = StageKind::ParserState;
  std::string name;
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
};

inline constexpr const char* kStageMapName = "p4wb_stages";

class StageCounters {
 public:
  StageCounters(LowerContext& ctx, bool enabled);

  bool enabled() const { return m_enabled; }

  // Forgets per-function state; call before lowering each program function.
  void beginFunction() { m_key = nullptr; }

  // Registers a stage and returns its id (ids are dense, in registration order); the
  // same kind and name registered again (by a second program) gets the same id.
  unsigned add(StageKind kind, const std::string& name, const std::string& file, unsigned line,
               unsigned column);

  // Emits "counter[id] += 1" at the builder's insertion point (nothing when disabled).
  // The builder continues in a fresh block after the increment.
  void emitIncrement(unsigned id);

  // Gives the map its debug type now that the number of stages is known.
  void finalize();

  const std::vector<Stage>& stages() const { return m_stages; }

 private:
  LowerContext& m_ctx;
  bool m_enabled;
  std::vector<Stage> m_stages;
  llvm::GlobalVariable* m_map = nullptr;
  llvm::AllocaInst* m_key = nullptr;
};

}  // namespace p4wb::compiler
