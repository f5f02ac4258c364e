// Exact stage counts from few counters (edge profiling over a spanning tree: Knuth 1973;
// Ball & Larus 1994, "Optimally profiling and tracing programs"): lowering marks where a
// packet enters each stage; this step counts only the control-flow edges that a maximum
// spanning tree of the function leaves out (the chords) and whose counts some stage
// needs, and describes every stage's count as a signed sum of those counters. Every
// execution from the counter lookup to a `ret` adds exactly what the per-stage adds
// would have, so the sums are exact (for one packet too).
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/IR/Function.h>

namespace p4wb::compiler {

// The marker `call void @p4wb.stage(ptr slots, i32 id)` that lowering emits where a
// packet enters stage `id`; `slots` is the u64[N] counter array past its lookup.
inline constexpr const char* kStageMarkerName = "p4wb.stage";

struct StageTerm {
  unsigned slot = 0;
  std::int64_t coeff = 0;
};
// A stage's count: sum of coeff * (slot's per-CPU sum) over its terms.
using StageFormula = std::vector<StageTerm>;

// Simplifies `fn` (dead branches folded, as O2 would), then replaces every marker call
// by increments of slots firstSlot, firstSlot+1, ... on the chords of the control-flow
// graph reachable from the block past the counter lookup's null check, and adds each
// stage's terms to formulas[id]. coldStages has one entry per stage id (true: rarely
// entered, a parser reject). Returns how many slots it used.
unsigned placeStageCounters(llvm::Function& fn, unsigned firstSlot, const std::vector<bool>& coldStages,
                            std::vector<StageFormula>& formulas);

}  // namespace p4wb::compiler
