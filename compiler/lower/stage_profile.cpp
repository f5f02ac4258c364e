// Chord counters for the stage markers (see stage_profile.h).
//
// The graph: the blocks reachable from the entry over edges that can be taken (a branch
// on a constant condition has one), duplicate u -> v edges as one, a virtual exit node
// that every `ret` block flows to, and the virtual edge exit ->
// entry carrying one count per packet. Counts then form a circulation, and a circulation
// is fixed by its values on the chords of any spanning tree: a tree edge carries the
// signed sum of the chords whose fundamental cycle runs through it. The tree is a
// maximum one under estimated frequencies (LLVM's static branch heuristics), so the
// counted chords are the rarely taken edges.
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
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SCCP.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>

namespace p4wb::compiler {

namespace {

struct Edge {
  unsigned from = 0, to = 0;
  std::uint64_t weight = 0;
  bool tree = false;
};

struct Graph {
  std::vector<llvm::BasicBlock*> blocks;  // node i; node blocks.size() is the exit
  llvm::DenseMap<llvm::BasicBlock*, unsigned> node;
  std::vector<Edge> edges;  // edges[0] is the virtual exit -> entry
  std::vector<unsigned> outDegree, inDegree;
  unsigned exit() const { return static_cast<unsigned>(blocks.size()); }
};

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

Graph buildGraph(llvm::BasicBlock& entry) {
  Graph g;
  std::vector<std::pair<llvm::BasicBlock*, llvm::BasicBlock*>> arcs;  // nullptr: exit
  g.node[&entry] = 0;
  g.blocks.push_back(&entry);
  for (std::size_t i = 0; i < g.blocks.size(); ++i) {
    llvm::BasicBlock* bb = g.blocks[i];
    std::vector<llvm::BasicBlock*> succs = liveSuccessors(bb->getTerminator());
    if (succs.empty()) arcs.push_back({bb, nullptr});
    for (llvm::BasicBlock* s : succs) {
      arcs.push_back({bb, s});
      if (g.node.try_emplace(s, static_cast<unsigned>(g.blocks.size())).second) g.blocks.push_back(s);
    }
  }
  g.edges.push_back({g.exit(), 0, 0, false});
  for (auto [from, to] : arcs) g.edges.push_back({g.node[from], to ? g.node[to] : g.exit(), 0, false});
  g.outDegree.assign(g.blocks.size() + 1, 0);
  g.inDegree.assign(g.blocks.size() + 1, 0);
  for (const Edge& e : g.edges) {
    ++g.outDegree[e.from];
    ++g.inDegree[e.to];
  }
  return g;
}

// Estimated frequencies; the virtual edge weighs most so that it is always a tree edge.
void weighEdges(llvm::Function& fn, Graph& g) {
  llvm::DominatorTree dt(fn);
  llvm::LoopInfo li(dt);
  llvm::PostDominatorTree pdt(fn);
  llvm::BranchProbabilityInfo bpi(fn, li, nullptr, &dt, &pdt);
  llvm::BlockFrequencyInfo bfi(fn, bpi, li);
  g.edges[0].weight = UINT64_MAX;
  for (std::size_t i = 1; i < g.edges.size(); ++i) {
    Edge& e = g.edges[i];
    llvm::BasicBlock* from = g.blocks[e.from];
    llvm::BlockFrequency freq = bfi.getBlockFreq(from);
    if (e.to != g.exit() && liveSuccessors(from->getTerminator()).size() > 1)
      freq = freq * bpi.getEdgeProbability(from, g.blocks[e.to]);
    e.weight = freq.getFrequency();
  }
}

// Kruskal with union-find, heaviest edges first (ties: graph order, so builds repeat).
void spanningTree(Graph& g) {
  std::vector<unsigned> parent(g.blocks.size() + 1);
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

// Per node, the markers in its block: stage id -> how many.
std::vector<std::map<unsigned, std::int64_t>> markersPerNode(const Graph& g, llvm::Function* marker) {
  std::vector<std::map<unsigned, std::int64_t>> out(g.blocks.size() + 1);
  for (std::size_t i = 0; i < g.blocks.size(); ++i)
    for (llvm::Instruction& inst : *g.blocks[i])
      if (auto* call = llvm::dyn_cast<llvm::CallInst>(&inst); call && call->getCalledFunction() == marker)
        ++out[i][static_cast<unsigned>(llvm::cast<llvm::ConstantInt>(call->getArgOperand(1))->getZExtValue())];
  return out;
}

// For every edge, the stage terms its count adds: a stage's count is the sum of its
// blocks' counts, a block's count the sum of its incoming edges. Then, per chord, the
// terms of its fundamental cycle (chord u -> v, tree path v -> u), each edge signed by
// whether the cycle runs along it or against it: the chord's coefficient in each stage.
std::vector<std::map<unsigned, std::int64_t>> chordCoefficients(const Graph& g, llvm::Function* marker) {
  std::vector<std::map<unsigned, std::int64_t>> atNode = markersPerNode(g, marker);
  // The tree rooted at the exit: parent node and the edge leading there.
  unsigned n = g.exit() + 1;
  std::vector<std::vector<unsigned>> adjacent(n);
  for (unsigned i = 0; i < g.edges.size(); ++i)
    if (g.edges[i].tree) {
      adjacent[g.edges[i].from].push_back(i);
      adjacent[g.edges[i].to].push_back(i);
    }
  std::vector<int> up(n, -1);  // edge to the parent
  std::vector<unsigned> depth(n, 0);
  std::vector<unsigned> queue = {g.exit()};
  std::vector<bool> seen(n, false);
  seen[g.exit()] = true;
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
      for (auto [stage, k] : atNode[g.edges[edge].to]) terms[stage] += sign * k;
    };
    add(c, 1);
    // v climbs towards the common ancestor (the cycle runs v -> parent), u too (the
    // cycle runs parent -> u there).
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
  if (llvm::Instruction* term = where->getParent()->getTerminator())
    b.SetCurrentDebugLocation(term->getDebugLoc());
  llvm::Value* p = b.CreateConstInBoundsGEP1_64(b.getInt64Ty(), slots, slot);
  llvm::Value* count = b.CreateAlignedLoad(b.getInt64Ty(), p, llvm::Align(8));
  b.CreateAlignedStore(b.CreateAdd(count, b.getInt64(1)), p, llvm::Align(8));
}

// Where chord u -> v is counted: the end of u when u always goes on to v, the start of v
// when only u leads there, else a new block on the edge.
llvm::Instruction* chordInsertPoint(const Graph& g, const Edge& e) {
  llvm::BasicBlock* from = g.blocks[e.from];
  if (e.to == g.exit() || g.outDegree[e.from] == 1) return from->getTerminator();
  llvm::BasicBlock* to = g.blocks[e.to];
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

}  // namespace

unsigned placeStageCounters(llvm::Function& fn, llvm::BasicBlock& entry, unsigned firstSlot,
                            bool simplifyFirst, std::vector<StageFormula>& formulas) {
  llvm::Function* marker = fn.getParent()->getFunction(kStageMarkerName);
  if (!marker) return 0;
  std::vector<llvm::CallInst*> calls;
  for (llvm::BasicBlock& bb : fn)
    for (llvm::Instruction& inst : bb)
      if (auto* call = llvm::dyn_cast<llvm::CallInst>(&inst); call && call->getCalledFunction() == marker)
        calls.push_back(call);
  if (calls.empty()) return 0;
  llvm::Value* slots = calls.front()->getArgOperand(0);
  if (simplifyFirst) {
    simplify(fn);
    calls.clear();
    for (llvm::BasicBlock& bb : fn)
      for (llvm::Instruction& inst : bb)
        if (auto* call = llvm::dyn_cast<llvm::CallInst>(&inst); call && call->getCalledFunction() == marker)
          calls.push_back(call);
  }
  llvm::BasicBlock* start = simplifyFirst ? entryOf(slots) : &entry;
  if (!start) start = &entry;

  Graph g = buildGraph(*start);
  weighEdges(fn, g);
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
    increments.push_back({chordInsertPoint(g, g.edges[c]), it->second});
  }
  for (auto [where, s] : increments) emitIncrement(where, slots, s);
  for (llvm::CallInst* call : calls) call->eraseFromParent();
  return slot - firstSlot;
}

}  // namespace p4wb::compiler
