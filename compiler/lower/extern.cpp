// Externs of ebpf_model.p4 / xdp_model.p4: CounterArray instances become BPF maps
// (ARRAY, or HASH when sparse; u32 index -> u32 count, incremented atomically), and the
// extern functions (incremental and full IPv4 checksums, time) are computed inline.
// Register, FlowTable and p4wb_hash (p4wb_externs.p4) are in extern_state.cpp.
#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

constexpr std::uint64_t kBpfNoExist = 1;  // BPF_NOEXIST
constexpr std::uint64_t kKtimeGetNs = 5;  // bpf_ktime_get_ns

// One's-complement fold of a 32-bit sum to 16 bits, complemented (the checksum).
llvm::Value* foldChecksum(llvm::IRBuilder<>& b, llvm::Value* sum) {
  for (int i = 0; i < 2; ++i)
    sum = b.CreateAdd(b.CreateAnd(sum, b.getInt32(0xffff)), b.CreateLShr(sum, 16));
  return b.CreateNot(b.CreateTrunc(sum, b.getInt16Ty()));
}

llvm::Value* u32(llvm::IRBuilder<>& b, llvm::Value* v) {
  return b.CreateZExtOrTrunc(v, b.getInt32Ty());
}

}  // namespace

void Lowerer::declareExternInstance(const ast::InstantiationDecl* inst) {
  if (m_counters.count(instanceKey(inst))) return;  // already made for the other program
  const auto* ext = ast::dynCast<ast::ExternDecl>(inst->instantiated);
  if (ext && declareStatefulExtern(inst, ext)) return;
  if (!ext || ext->name != "CounterArray") {
    unsupported(inst->loc, "extern instance '" + inst->name + "'" +
                               (ext ? " of type " + ext->name : std::string()));
    return;
  }
  auto argValue = [&](std::size_t i) -> std::uint64_t {
    const ast::Expr* e = i < inst->args.size() ? inst->args[i].value.get() : nullptr;
    return e && e->constValue ? e->constValue->asU64() : 0;
  };
  ExternLayout layout;
  layout.kind = "counter_array";
  layout.name = instanceLocalName(inst->name);
  std::string map;
  for (char c : layout.name) map += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  layout.map = map;
  bool sparse = argValue(1) != 0;
  layout.mapType = sparse ? "hash" : "array";
  layout.maxEntries = static_cast<std::uint32_t>(std::max<std::uint64_t>(1, argValue(0)));
  if (argValue(0) == 0) unsupported(inst->loc, "a CounterArray without a constant size");
  MapDefinition def{map,
                    sparse ? BpfMapType::Hash : BpfMapType::Array,
                    m_ctx.diU32(),
                    m_ctx.diU32(),
                    layout.maxEntries,
                    0,
                    inst->loc.line};
  m_counters[instanceKey(inst)] = {defineMap(m_ctx, def), sparse};
  m_layout.externs.push_back(layout);
}

llvm::Value* Lowerer::counterMethod(const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const auto* path = ast::dynCast<ast::PathExpr>(call->receiver);
  auto it = path ? m_counters.find(instanceKey(path->resolved)) : m_counters.end();
  if (it == m_counters.end()) return nullptr;
  const std::string& method = call->target->name;
  if ((method != "increment" && method != "add") || call->args.empty()) return nullptr;
  llvm::Value* amount = method == "add" && call->args.size() > 1
                            ? u32(b, expr(call->args[1].value.get(), m_fe.types->bits(32)))
                            : b.getInt32(1);
  llvm::AllocaInst* key = m_ctx.entryAlloca(b.getInt32Ty(), "counter_key");
  b.CreateStore(u32(b, expr(call->args[0].value.get(), m_fe.types->bits(32))), key);
  llvm::Value* slot = emitMapLookup(m_ctx, it->second.first, key);
  llvm::BasicBlock* add = newBlock("counter.add");
  llvm::BasicBlock* missing = newBlock("counter.missing");
  llvm::BasicBlock* done = newBlock("counter.done");
  b.CreateCondBr(b.CreateIsNull(slot), missing, add);
  b.SetInsertPoint(add);
  b.CreateAtomicRMW(llvm::AtomicRMWInst::Add, slot, amount, llvm::MaybeAlign(4),
                    llvm::AtomicOrdering::Monotonic);
  b.CreateBr(done);
  b.SetInsertPoint(missing);
  if (it->second.second) {  // sparse: first count creates the entry
    llvm::AllocaInst* value = m_ctx.entryAlloca(b.getInt32Ty(), "counter_value");
    b.CreateStore(amount, value);
    m_ctx.callHelper(BpfHelper::MapUpdateElem, b.getInt64Ty(),
                     {it->second.first, key, value, b.getInt64(kBpfNoExist)});
  }
  b.CreateBr(done);
  b.SetInsertPoint(done);
  return b.getInt32(0);
}

// BPF_PERF_EVENT_OUTPUT() (xdp_model.p4): the packet goes to user space as a perf sample
// on the current CPU's ring of `p4wb_perf_events` (PERF_EVENT_ARRAY, one slot per CPU:
// libbpf sizes it). The sample is the u32 ingress ifindex followed by the whole packet
// (the helper appends the packet bytes named in the upper 32 bits of its flags). Returns
// the helper's result: 0, or a negative errno (-ENOENT while nobody listens on this CPU).
llvm::Value* Lowerer::perfEventOutput() {
  llvm::IRBuilder<>& b = m_ctx.builder();
  constexpr const char* kMap = "p4wb_perf_events";
  constexpr std::uint64_t kCurrentCpu = 0xffffffffULL;  // BPF_F_CURRENT_CPU
  llvm::GlobalVariable* map = m_ctx.module().getGlobalVariable(kMap);
  if (!map) {
    map = defineMap(m_ctx, {kMap, BpfMapType::PerfEventArray, m_ctx.diU32(), m_ctx.diU32(), 0, 0,
                            m_fe.programInfo.main->loc.line});
    ExternLayout layout;
    layout.kind = "perf_event_array";
    layout.name = "BPF_PERF_EVENT_OUTPUT";
    layout.map = kMap;
    layout.mapType = "perf_event_array";
    m_layout.externs.push_back(layout);
  }
  llvm::Value* ctx = m_ctx.function()->getArg(0);
  llvm::Value* length = b.CreatePtrDiff(b.getInt8Ty(), m_dataEnd, m_data);
  length = b.CreateAnd(length, b.getInt64(0xffff));
  llvm::Value* flags = b.CreateOr(b.CreateShl(length, 32), b.getInt64(kCurrentCpu));
  llvm::AllocaInst* sample = m_ctx.entryAlloca(b.getInt32Ty(), "perf_sample");
  llvm::Value* ifindex = b.CreateAlignedLoad(
      b.getInt32Ty(), b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), ctx, m_tcHook ? 36 : 12),
      llvm::Align(4));
  b.CreateStore(ifindex, sample);
  llvm::Value* r = m_ctx.callHelper(BpfHelper::PerfEventOutput, b.getInt64Ty(),
                                    {ctx, map, flags, sample, b.getInt64(4)});
  return b.CreateTrunc(r, b.getInt32Ty());
}

llvm::Value* Lowerer::externCall(const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (call->callKind == ast::CallKind::ExternMethod) {
    if (llvm::Value* v = statefulMethod(call)) return v;
    return counterMethod(call);
  }
  if (call->callKind != ast::CallKind::ExternFunction || !call->target) return nullptr;
  const std::string& name = call->target->name;
  if (name == "p4wb_hash") return hashCall(call);
  std::vector<llvm::Value*> a;
  for (const ast::Argument& arg : call->args) a.push_back(u32(b, expr(arg.value.get())));
  if (name == "csum_replace2" && a.size() == 3) {
    // RFC 1624, eqn. 3: HC' = ~(~HC + ~m + m').
    llvm::Value* sum =
        b.CreateAdd(b.CreateXor(a[0], b.getInt32(0xffff)), b.CreateXor(a[1], b.getInt32(0xffff)));
    return foldChecksum(b, b.CreateAdd(sum, a[2]));
  }
  if (name == "csum_replace4" && a.size() == 3) {
    auto hi = [&](llvm::Value* v) { return b.CreateLShr(v, 16); };
    auto lo = [&](llvm::Value* v) { return b.CreateAnd(v, b.getInt32(0xffff)); };
    llvm::Value* sum = b.CreateXor(a[0], b.getInt32(0xffff));
    sum = b.CreateAdd(sum, b.CreateXor(hi(a[1]), b.getInt32(0xffff)));
    sum = b.CreateAdd(sum, b.CreateXor(lo(a[1]), b.getInt32(0xffff)));
    sum = b.CreateAdd(sum, b.CreateAdd(hi(a[2]), lo(a[2])));
    return foldChecksum(b, sum);
  }
  if (name == "ebpf_ipv4_checksum" && a.size() == 11) {
    // The header's 16-bit words with the checksum field taken as zero.
    llvm::Value* words[] = {
        b.CreateOr(b.CreateOr(b.CreateShl(a[0], 12), b.CreateShl(a[1], 8)), a[2]),
        a[3],
        a[4],
        b.CreateOr(b.CreateShl(a[5], 13), a[6]),
        b.CreateOr(b.CreateShl(a[7], 8), a[8]),
        b.CreateLShr(a[9], 16),
        b.CreateAnd(a[9], b.getInt32(0xffff)),
        b.CreateLShr(a[10], 16),
        b.CreateAnd(a[10], b.getInt32(0xffff))};
    llvm::Value* sum = b.getInt32(0);
    for (llvm::Value* w : words) sum = b.CreateAdd(sum, w);
    return foldChecksum(b, sum);
  }
  if (name == "BPF_PERF_EVENT_OUTPUT" && a.empty()) return perfEventOutput();
  if (name == "BPF_KTIME_GET_NS" && a.empty()) {
    llvm::FunctionType* type = llvm::FunctionType::get(b.getInt64Ty(), {}, false);
    llvm::Value* callee = llvm::ConstantExpr::getIntToPtr(b.getInt64(kKtimeGetNs), b.getPtrTy());
    return b.CreateTrunc(b.CreateCall(type, callee, {}), b.getInt32Ty());
  }
  return nullptr;
}

}  // namespace p4wb::compiler
