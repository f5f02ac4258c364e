// Chord counters for the stage markers (see stage_profile.h).
//
// The graph: the blocks reachable from the entry over edges that can be taken (a branch
// on a constant condition has one), duplicate u -> v edges as one, a virtual exit node
// that every `ret` block flows to, and the virtual edge exit -> entry carrying one count
// per packet. A block holding markers is two nodes joined by its block edge, which
// carries the block's count. Counts then form a circulation, and a circulation is fixed
// by its values on the chords of any spanning tree: a tree edge carries the signed sum
// of the chords whose fundamental cycle runs through it. Only chords whose coefficient
// in some stage is not zero get a counter (a chord whose cycle runs through no marked
// block, or through them so that they cancel, needs none).
#include "compiler/lower/stage_profile.h"

#include <algorithm>
#include <map>
#include <numeric>

#include <llvm/ADT/DenseMap.h>
#include <llvm/Analysis/BlockFrequencyInfo.h>
#include <llvm/Analysis/BranchProbabilityInfo.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/Analysis/PostDominators.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/MDBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/JumpThreading.h>
#include <llvm/Transforms/Scalar/SCCP.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>

namespace p4wb::compiler {

namespace {

struct Edge {
  unsigned from = 0, to = 0;  // nodes
  llvm::BasicBlock* fromBlock = nullptr;  // a control-flow edge's blocks (nullptr: exit)
  llvm::BasicBlock* toBlock = nullptr;
  llvm::BasicBlock* counts = nullptr;  // a block edge: the marked block it runs through
  std::uint64_t weight = 0;
  bool tree = false;
};

struct Graph {
  std::vector<llvm::BasicBlock*> blocks;  // reachable blocks, in discovery order
  // A block's node where edges arrive and where they leave: two nodes joined by its
  // block edge when it holds markers, else one.
  llvm::DenseMap<llvm::BasicBlock*, std::pair<unsigned, unsigned>> node;
  unsigned nodes = 1;  // node 0 is the exit
  std::vector<Edge> edges;  // edges[0] is the virtual exit -> entry
  std::vector<unsigned> outDegree, inDegree;
};

bool isMarker(const llvm::Instruction& inst, const llvm::Function* marker) {
  const auto* call = llvm::dyn_cast<llvm::CallInst>(&inst);
  return call && call->getCalledFunction() == marker;
}

unsigned stageOf(const llvm::Instruction& markerCall) {
  return static_cast<unsigned>(
      llvm::cast<llvm::ConstantInt>(llvm::cast<llvm::CallInst>(markerCall).getArgOperand(1))->getZExtValue());
}

// The successors a terminator can take, each once, in operand order. A block that ends
// in `unreachable` never runs (a switch's impossible default): it is left out.
std::vector<llvm::BasicBlock*> liveSuccessors(llvm::Instruction* term) {
  std::vector<llvm::BasicBlock*> out;
  auto add = [&](llvm::BasicBlock* b) {
    if (llvm::isa<llvm::UnreachableInst>(b->getTerminator())) return;
    if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  };
  if (auto* br = llvm::dyn_cast<llvm::BranchInst>(term); br && br->isConditional())
    if (auto* c = llvm::dyn_cast<llvm::ConstantInt>(br->getCondition())) {
      add(br->getSuccessor(c->isOne() ? 0 : 1));
      return out;
    }
  if (auto* sw = llvm::dyn_cast<llvm::SwitchInst>(term))
    if (auto* c = llvm::dyn_cast<llvm::ConstantInt>(sw->getCondition())) {
      add(sw->findCaseValue(c)->getCaseSuccessor());
      return out;
    }
  for (llvm::BasicBlock* s : llvm::successors(term->getParent())) add(s);
  return out;
}

Graph buildGraph(llvm::BasicBlock& entry, const llvm::Function* marker) {
  Graph g;
  auto visit = [&](llvm::BasicBlock* bb) {
    if (g.node.count(bb)) return;
    bool marked = std::any_of(bb->begin(), bb->end(), [&](const llvm::Instruction& i) { return isMarker(i, marker); });
    unsigned in = g.nodes++;
    g.node[bb] = {in, marked ? g.nodes++ : in};
    if (marked) {
      Edge e;
      e.from = in;
      e.to = in + 1;
      e.counts = bb;
      g.edges.push_back(e);
    }
    g.blocks.push_back(bb);
  };
  g.edges.push_back({});  // the virtual edge, once the entry has its node
  visit(&entry);
  g.edges[0].to = g.node[&entry].first;
  for (std::size_t i = 0; i < g.blocks.size(); ++i) {
    llvm::BasicBlock* bb = g.blocks[i];
    std::vector<llvm::BasicBlock*> succs = liveSuccessors(bb->getTerminator());
    Edge e;
    e.from = g.node[bb].second;
    e.fromBlock = bb;
    if (succs.empty()) g.edges.push_back(e);  // to the exit
    for (llvm::BasicBlock* s : succs) {
      visit(s);
      e.to = g.node[s].first;
      e.toBlock = s;
      g.edges.push_back(e);
    }
  }
  g.outDegree.assign(g.nodes, 0);
  g.inDegree.assign(g.nodes, 0);
  for (const Edge& e : g.edges) {
    ++g.outDegree[e.from];
    ++g.inDegree[e.to];
  }
  return g;
}

bool hasColdMarker(llvm::BasicBlock* bb, llvm::Function* marker, const std::vector<bool>& cold) {
  for (llvm::Instruction& inst : *bb)
    if (isMarker(inst, marker) && stageOf(inst) < cold.size() && cold[stageOf(inst)]) return true;
  return false;
}

// Branch weights for the estimate only: a branch into a block that counts a cold stage
// (a parser reject: a bounds check that failed) is taken 1 in 1000 times. Returns what
// to restore.
std::vector<std::pair<llvm::Instruction*, llvm::MDNode*>> markColdBranches(const Graph& g, llvm::Function* marker,
                                                                           const std::vector<bool>& cold) {
  std::vector<std::pair<llvm::Instruction*, llvm::MDNode*>> saved;
  for (llvm::BasicBlock* bb : g.blocks) {
    llvm::Instruction* term = bb->getTerminator();
    if (term->getNumSuccessors() < 2 || !(llvm::isa<llvm::BranchInst>(term) || llvm::isa<llvm::SwitchInst>(term)))
      continue;
    std::vector<std::uint32_t> weights;
    bool any = false;
    for (unsigned i = 0; i < term->getNumSuccessors(); ++i) {
      bool isCold = hasColdMarker(term->getSuccessor(i), marker, cold);
      any |= isCold;
      weights.push_back(isCold ? 1 : 1000);
    }
    if (!any) continue;
    saved.push_back({term, term->getMetadata(llvm::LLVMContext::MD_prof)});
    term->setMetadata(llvm::LLVMContext::MD_prof, llvm::MDBuilder(bb->getContext()).createBranchWeights(weights));
  }
  return saved;
}

// Each edge weighs its estimated frequency (LLVM's static heuristics): a block edge its
// block's, a control-flow edge its source's times the branch probability; the virtual
// edge weighs most, so it is always in the tree. The tree keeps the frequent edges, the
// counters go to the rare ones.
void weighEdges(llvm::Function& fn, Graph& g, llvm::Function* marker, const std::vector<bool>& cold) {
  std::vector<std::pair<llvm::Instruction*, llvm::MDNode*>> saved = markColdBranches(g, marker, cold);
  llvm::DominatorTree dt(fn);
  llvm::LoopInfo li(dt);
  llvm::PostDominatorTree pdt(fn);
  llvm::BranchProbabilityInfo bpi(fn, li, nullptr, &dt, &pdt);
  llvm::BlockFrequencyInfo bfi(fn, bpi, li);
  for (Edge& e : g.edges) {
    llvm::BlockFrequency freq;
    if (e.counts)
      freq = bfi.getBlockFreq(e.counts);
    else if (e.fromBlock)
      freq = bfi.getBlockFreq(e.fromBlock);
    if (e.fromBlock && e.toBlock) freq = freq * bpi.getEdgeProbability(e.fromBlock, e.toBlock);
    e.weight = e.counts || e.fromBlock ? std::min<std::uint64_t>(freq.getFrequency(), UINT64_MAX - 1) : UINT64_MAX;
  }
  for (auto [term, prof] : saved) term->setMetadata(llvm::LLVMContext::MD_prof, prof);
}

// Kruskal with union-find, heaviest edges first (ties: graph order, so builds repeat).
void spanningTree(Graph& g) {
  std::vector<unsigned> parent(g.nodes);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](unsigned x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<unsigned> order(g.edges.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](unsigned a, unsigned b) { return g.edges[a].weight > g.edges[b].weight; });
  for (unsigned i : order) {
    unsigned a = find(g.edges[i].from), b = find(g.edges[i].to);
    if (a == b) continue;
    parent[a] = b;
    g.edges[i].tree = true;
  }
}

// Per edge, the stages its count adds to: a block edge carries its block's markers
// (stage id -> how many), a control-flow edge none.
std::vector<std::map<unsigned, std::int64_t>> markersPerEdge(const Graph& g, llvm::Function* marker) {
  std::vector<std::map<unsigned, std::int64_t>> out(g.edges.size());
  for (std::size_t i = 0; i < g.edges.size(); ++i)
    if (g.edges[i].counts)
      for (llvm::Instruction& inst : *g.edges[i].counts)
        if (isMarker(inst, marker)) ++out[i][stageOf(inst)];
  return out;
}

// Per chord, its coefficient in each stage: the stage terms of its fundamental cycle
// (chord u -> v, then the tree path v -> u), each edge signed by whether the cycle runs
// along it or against it. Every edge count is the signed sum of the chords whose cycle
// runs through it, so a stage's count is the sum of the chords times these.
std::vector<std::map<unsigned, std::int64_t>> chordCoefficients(const Graph& g, llvm::Function* marker) {
  std::vector<std::map<unsigned, std::int64_t>> atEdge = markersPerEdge(g, marker);
  // The tree rooted at the exit: per node the edge to its parent, and its depth.
  std::vector<std::vector<unsigned>> adjacent(g.nodes);
  for (unsigned i = 0; i < g.edges.size(); ++i)
    if (g.edges[i].tree) {
      adjacent[g.edges[i].from].push_back(i);
      adjacent[g.edges[i].to].push_back(i);
    }
  std::vector<int> up(g.nodes, -1);
  std::vector<unsigned> depth(g.nodes, 0);
  std::vector<bool> seen(g.nodes, false);
  std::vector<unsigned> queue = {0};
  seen[0] = true;
  for (std::size_t q = 0; q < queue.size(); ++q)
    for (unsigned e : adjacent[queue[q]]) {
      unsigned other = g.edges[e].from == queue[q] ? g.edges[e].to : g.edges[e].from;
      if (seen[other]) continue;
      seen[other] = true;
      up[other] = static_cast<int>(e);
      depth[other] = depth[queue[q]] + 1;
      queue.push_back(other);
    }
  auto parentOf = [&](unsigned x) {
    const Edge& e = g.edges[up[x]];
    return e.from == x ? e.to : e.from;
  };
  std::vector<std::map<unsigned, std::int64_t>> out(g.edges.size());
  for (unsigned c = 0; c < g.edges.size(); ++c) {
    if (g.edges[c].tree) continue;
    std::map<unsigned, std::int64_t>& terms = out[c];
    auto add = [&](unsigned edge, std::int64_t sign) {
      for (auto [stage, k] : atEdge[edge]) terms[stage] += sign * k;
    };
    add(c, 1);
    // Both ends climb to their common ancestor: on v's side the cycle runs towards the
    // root, on u's side away from it.
    unsigned v = g.edges[c].to, u = g.edges[c].from;
    while (v != u) {
      if (depth[v] >= depth[u]) {
        unsigned e = static_cast<unsigned>(up[v]);
        add(e, g.edges[e].from == v ? 1 : -1);
        v = parentOf(v);
      } else {
        unsigned e = static_cast<unsigned>(up[u]);
        add(e, g.edges[e].to == u ? 1 : -1);
        u = parentOf(u);
      }
    }
    std::erase_if(terms, [](const auto& t) { return t.second == 0; });
  }
  return out;
}

// slots[slot] += 1 at `where` (per-CPU memory: no other CPU writes it, a plain add is exact).
void emitIncrement(llvm::Instruction* where, llvm::Value* slots, unsigned slot) {
  llvm::IRBuilder<> b(where);
  if (!where->getDebugLoc()) b.SetCurrentDebugLocation(where->getParent()->getTerminator()->getDebugLoc());
  llvm::Value* p = b.CreateConstInBoundsGEP1_64(b.getInt64Ty(), slots, slot);
  llvm::Value* count = b.CreateAlignedLoad(b.getInt64Ty(), p, llvm::Align(8));
  b.CreateAlignedStore(b.CreateAdd(count, b.getInt64(1)), p, llvm::Align(8));
}

// Where a chord is counted: a block edge at its block's first marker; control-flow edge
// u -> v at the end of u when u always goes on to v, at the start of v when only u leads
// there, else in a new block on the edge.
llvm::Instruction* chordInsertPoint(const Graph& g, const Edge& e, llvm::Function* marker) {
  if (e.counts) {
    for (llvm::Instruction& inst : *e.counts)
      if (isMarker(inst, marker)) return &inst;
  }
  llvm::BasicBlock* from = e.fromBlock;
  if (!e.toBlock || g.outDegree[e.from] == 1) return from->getTerminator();
  llvm::BasicBlock* to = e.toBlock;
  if (g.inDegree[e.to] == 1) return &*to->getFirstInsertionPt();
  llvm::Instruction* term = from->getTerminator();
  for (unsigned i = 0; i < term->getNumSuccessors(); ++i)
    if (term->getSuccessor(i) == to) {
      llvm::BasicBlock* split = llvm::SplitCriticalEdge(
          term, i, llvm::CriticalEdgeSplittingOptions().setMergeIdenticalEdges());
      if (!split) split = llvm::SplitEdge(from, to);
      split->setName("stage.edge");
      return split->getTerminator();
    }
  return from->getTerminator();  // unreachable: v is a successor of u
}

// Locals into registers, constants propagated, dead branches folded: what O2 starts
// with, so no counter lands on an edge it would delete while a live one goes uncounted.
// The markers are calls with unknown effects; no transformation changes how often one runs.
void simplify(llvm::Function& fn) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb;
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::FunctionPassManager fpm;
  fpm.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
  fpm.addPass(llvm::EarlyCSEPass());
  fpm.addPass(llvm::SCCPPass());
  fpm.addPass(llvm::SimplifyCFGPass());
  fpm.addPass(llvm::JumpThreadingPass());
  fpm.addPass(llvm::SimplifyCFGPass());
  fpm.run(fn, fam);
}

// The block past the counter lookup: where `slots` (the lookup's answer) is not null.
llvm::BasicBlock* entryOf(llvm::Value* slots) {
  for (llvm::User* u : slots->users())
    if (auto* cmp = llvm::dyn_cast<llvm::ICmpInst>(u); cmp && cmp->isEquality())
      for (llvm::User* v : cmp->users())
        if (auto* br = llvm::dyn_cast<llvm::BranchInst>(v); br && br->isConditional())
          return br->getSuccessor(cmp->getPredicate() == llvm::ICmpInst::ICMP_EQ ? 1 : 0);
  return nullptr;
}

// Should the function not have the shape edge counting needs (no null check of the
// counter array found, a stage id that is not a constant): one slot per stage,
// slots[firstSlot + id] += 1 at each marker, as --stage-counters=all does.
unsigned placePerStage(const std::vector<llvm::CallInst*>& calls, llvm::Value* slots, unsigned firstSlot,
                       unsigned stages, std::vector<StageFormula>& formulas) {
  if (formulas.size() < stages) formulas.resize(stages);
  for (unsigned s = 0; s < stages; ++s) formulas[s].push_back({firstSlot + s, 1});
  for (llvm::CallInst* call : calls) {
    llvm::IRBuilder<> b(call);
    llvm::Value* index = b.CreateAdd(b.CreateZExt(call->getArgOperand(1), b.getInt64Ty()), b.getInt64(firstSlot));
    llvm::Value* p = b.CreateInBoundsGEP(b.getInt64Ty(), slots, index);
    llvm::Value* count = b.CreateAlignedLoad(b.getInt64Ty(), p, llvm::Align(8));
    b.CreateAlignedStore(b.CreateAdd(count, b.getInt64(1)), p, llvm::Align(8));
    call->eraseFromParent();
  }
  return stages;
}

}  // namespace

unsigned placeStageCounters(llvm::Function& fn, unsigned firstSlot, const std::vector<bool>& coldStages,
                            std::vector<StageFormula>& formulas) {
  llvm::Function* marker = fn.getParent()->getFunction(kStageMarkerName);
  if (!marker) return 0;
  auto markerCalls = [&] {
    std::vector<llvm::CallInst*> calls;
    for (llvm::BasicBlock& bb : fn)
      for (llvm::Instruction& inst : bb)
        if (isMarker(inst, marker)) calls.push_back(llvm::cast<llvm::CallInst>(&inst));
    return calls;
  };
  std::vector<llvm::CallInst*> calls = markerCalls();
  if (calls.empty()) return 0;
  llvm::Value* slots = calls.front()->getArgOperand(0);
  simplify(fn);
  calls = markerCalls();
  llvm::BasicBlock* start = entryOf(slots);
  bool constantIds = std::all_of(calls.begin(), calls.end(), [](llvm::CallInst* c) {
    return llvm::isa<llvm::ConstantInt>(c->getArgOperand(1));
  });
  if (!start || !constantIds)
    return placePerStage(calls, slots, firstSlot, static_cast<unsigned>(coldStages.size()), formulas);

  Graph g = buildGraph(*start, marker);
  weighEdges(fn, g, marker, coldStages);
  spanningTree(g);
  std::vector<std::map<unsigned, std::int64_t>> coefficients = chordCoefficients(g, marker);
  // Placement decisions use the graph's degrees, which splitting an edge leaves as they are.
  // Chords with the same coefficients in every stage share a slot (it holds their sum).
  std::vector<std::pair<llvm::Instruction*, unsigned>> increments;
  std::map<std::map<unsigned, std::int64_t>, unsigned> slotOf;
  unsigned slot = firstSlot;
  for (unsigned c = 0; c < g.edges.size(); ++c) {
    if (coefficients[c].empty()) continue;
    auto [it, fresh] = slotOf.try_emplace(coefficients[c], slot);
    if (fresh) {
      for (auto [stage, k] : coefficients[c]) {
        if (formulas.size() <= stage) formulas.resize(stage + 1);
        formulas[stage].push_back({slot, k});
      }
      ++slot;
    }
    increments.push_back({chordInsertPoint(g, g.edges[c], marker), it->second});
  }
  for (auto [where, s] : increments) emitIncrement(where, slots, s);
  for (llvm::CallInst* call : calls) call->eraseFromParent();
  return slot - firstSlot;
}

}  // namespace p4wb::compiler
