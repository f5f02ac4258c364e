// Stage registry and per-stage packet counters: every parser state, table hit/miss,
// action and verdict gets a dense id (listed in the schema's "stages"). When enabled,
// the single entry of the PERCPU_ARRAY map `p4wb_stages` (value u64[N]) is looked up
// once per packet (emitEntryLookup) and the program counts:
//   - per stage (StagePlacement::Stages): slot `id` += 1 where a packet enters stage id;
//   - on edges (StagePlacement::Edges, the default): lowering leaves a marker there and
//     finishFunction counts a few control-flow edges instead (stage_profile.h); each
//     stage's count is then a signed sum of slots, its formula in the schema.
#pragma once

#include <string>
#include <vector>

#include "compiler/lower/lower_context.h"
#include "compiler/lower/stage_profile.h"

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

// A parser transition for the schema's "transitions" (the pipeline view draws them):
// from a parser state's stage name to another's, or to "accept" / "reject"; label is
// the select case ("0x0800", "default"), empty for a direct transition.
struct StageEdge {
  std::string from;
  std::string to;
  std::string label;
};

inline constexpr const char* kStageMapName = "p4wb_stages";

enum class StagePlacement { Edges, Stages };

class StageCounters {
 public:
  StageCounters(LowerContext& ctx, bool enabled, StagePlacement placement);

  bool enabled() const { return m_enabled; }
  StagePlacement placement() const { return m_placement; }

  // Forgets per-function state; call before lowering each program function.
  void beginFunction() {
    m_slots = nullptr;
    m_entry = nullptr;
  }

  // Looks up the counter array once, at the builder's insertion point (the start of the
  // program function). The lookup cannot fail for entry 0 of a one-entry array; should it
  // anyway, the function returns `failResult` without running the program.
  void emitEntryLookup(llvm::Value* failResult);

  // Registers a stage and returns its id (ids are dense, in registration order); the
  // same kind and name registered again (by a second program) gets the same id.
  unsigned add(StageKind kind, const std::string& name, const std::string& file, unsigned line,
               unsigned column);

  // Records a parser transition (kept once per from/to/label).
  void addEdge(const std::string& from, const std::string& to, const std::string& label);
  const std::vector<StageEdge>& edges() const { return m_edges; }
  // Records a control-flow step: control or table -> the table applied next, labelled
  // with the condition that leads there ("if hdr.ipv4.isValid()", "else"), if any.
  void addFlowEdge(const std::string& from, const std::string& to, const std::string& label);
  const std::vector<StageEdge>& flowEdges() const { return m_flow; }

  // Counts stage `id` at the builder's insertion point: "slots[id] += 1", or the marker
  // for finishFunction (nothing when disabled).
  void emitIncrement(unsigned id);

  // Edges placement: replaces the markers of the finished program function by the edge
  // counters. Call once per program function, after it is complete.
  void finishFunction();

  // Gives the map its debug type now that the number of slots is known.
  void finalize();

  const std::vector<Stage>& stages() const { return m_stages; }
  // Elements of the map value (u64 each), at least 1: one per stage, or per counted edge.
  unsigned slotCount() const;
  // Edges placement: per stage id, its count as a sum of slots (after finalize).
  const std::vector<StageFormula>& formulas() const { return m_formulas; }

 private:
  LowerContext& m_ctx;
  bool m_enabled;
  StagePlacement m_placement;
  std::vector<Stage> m_stages;
  std::vector<StageFormula> m_formulas;
  unsigned m_edgeSlots = 0;  // slots used by the finished functions (Edges)
  std::vector<StageEdge> m_edges;
  std::vector<StageEdge> m_flow;
  llvm::GlobalVariable* m_map = nullptr;
  llvm::Value* m_slots = nullptr;  // the u64[N] map value, non-null past the entry check
  llvm::BasicBlock* m_entry = nullptr;  // past the entry check (its function gets the edge counters)
  llvm::FunctionCallee m_marker;
};

}  // namespace p4wb::compiler
