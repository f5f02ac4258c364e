// The program skeleton: one BPF function per hook, each running parser -> control(s)
// -> deparser -> verdict over the same maps.
//   xdp hook: `int p4wb_xdp(struct xdp_md *)` in section "xdp"
//   tc hook:  `int p4wb_tc(struct __sk_buff *)` in section "tc" (when enabled)
// xdp package: the verdict is xdp_output.output_action (starts as XDP_PASS); on tc,
//   PASS -> TC_ACT_OK, DROP/ABORTED -> TC_ACT_SHOT, TX -> bpf_redirect(ifindex),
//   REDIRECT -> bpf_redirect(output_port). ebpfFilter: accept -> pass, else drop; its
//   field assignments stay in the program (the filter has no deparser).
// A parser reject drops the packet.
#include "compiler/arch/arch.h"
#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

struct HookModel {
  const char* section;
  const char* function;
  bool tc;
  const char* ctxName;
  unsigned ctxSize;
  unsigned data, dataEnd, ingressIfindex, ifindex;  // offsets in the context
};

// Offsets from include/uapi/linux/bpf.h (struct xdp_md, struct __sk_buff).
constexpr HookModel kXdpHook{kXdpSection, kXdpFunction, false, "xdp_md", 24, 0, 4, 12, 12};
constexpr HookModel kTcHook{kTcSection, kTcFunction, true, "__sk_buff", 192, 76, 80, 36, 40};

constexpr unsigned kTcActOk = 0;
constexpr unsigned kTcActShot = 2;

const char* kVerdictNames[] = {"XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX", "XDP_REDIRECT"};

// The context struct for the program's BTF signature (only the members we read).
llvm::DIType* contextType(LowerContext& ctx, const HookModel& hook) {
  std::vector<BtfMember> members;
  if (hook.tc) {
    members = {{"len", ctx.diU32(), 0},
               {"ingress_ifindex", ctx.diU32(), 36},
               {"ifindex", ctx.diU32(), 40},
               {"data", ctx.diU32(), 76},
               {"data_end", ctx.diU32(), 80}};
  } else {
    const char* names[] = {"data",           "data_end",      "data_meta", "ingress_ifindex",
                           "rx_queue_index", "egress_ifindex"};
    for (unsigned i = 0; i < 6; ++i) members.push_back({names[i], ctx.diU32(), i * 4});
  }
  return createBtfStruct(ctx, hook.ctxName, hook.ctxSize, members, 0);
}

llvm::Value* loadCtxField(LowerContext& ctx, unsigned offset) {
  llvm::IRBuilder<>& b = ctx.builder();
  llvm::Value* ptr = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), ctx.function()->getArg(0), offset);
  return b.CreateAlignedLoad(b.getInt32Ty(), ptr, llvm::Align(4));
}

}  // namespace

Lowerer::Lowerer(LowerContext& ctx, const FrontEndResult& frontEnd, const LowerOptions& options,
                 ProgramLayout& layout)
    : m_ctx(ctx),
      m_fe(frontEnd),
      m_options(options),
      m_layout(layout),
      m_stages(ctx, options.stageCounters, options.stagePlacement) {}

void Lowerer::unsupported(SourceLocation loc, const std::string& what) {
  std::string message = "not supported by the xdp architecture: " + what;
  for (const LowerError& e : m_errors)
    if (e.loc == loc && e.message == message) return;  // the tc copy reports it again
  m_errors.push_back({loc, message});
}

std::string Lowerer::fileName(SourceLocation loc) const {
  return std::string(m_fe.sources->name(loc.file));
}

llvm::DIScope* Lowerer::scopeFor(FileId file) {
  if (file == m_mainFile) return m_ctx.subprogram();
  if (auto it = m_scopes.find(file); it != m_scopes.end()) return it->second;
  std::string name(m_fe.sources->name(file));
  if (name.empty()) name = kUnnamedSource;
  llvm::DIFile* diFile = m_ctx.di().createFile(name, "", std::nullopt, m_fe.sources->text(file));
  llvm::DIScope* scope = m_ctx.di().createLexicalBlockFile(m_ctx.subprogram(), diFile, 0);
  m_scopes[file] = scope;
  return scope;
}

void Lowerer::setLoc(SourceLocation loc) {
  if (!loc.valid()) return;
  m_ctx.setLocation(loc.line, loc.column, scopeFor(loc.file));
}

bool Lowerer::bindParameters(unsigned ingressIfindexOffset) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  m_headers = allocate(pi.headersType, "hdr", pi.main->loc);
  auto bind = [&](const ast::Params& params) {
    for (const auto& p : params) {
      if (!p->type) continue;
      if (p->type == pi.headersType) {
        m_storage[p.get()] = {m_headers, p->type};
      } else if (p->type->kind == sema::TypeKind::Bool && p->direction == ast::Direction::Out &&
                 m_isFilter) {
        if (!m_accept) m_accept = allocate(p->type, p->name, p->loc);
        m_storage[p.get()] = {m_accept, p->type};
      } else if (const sema::StructType* st = asStruct(p->type)) {
        if (st->name == arch::kXdpOutputStruct) {
          if (!m_output) {
            m_output = allocate(st, "xout", p->loc);
            m_outputType = st;
            int action = st->fieldIndex("output_action");
            if (action >= 0)
              b.CreateStore(b.getInt32(2),
                            b.CreateStructGEP(llvmType(st, p->loc), m_output, action));
          }
          m_storage[p.get()] = {m_output, st};
        } else if (st->name == arch::kXdpInputStruct) {
          llvm::AllocaInst* in = allocate(st, "xin", p->loc);
          int port = st->fieldIndex("input_port");
          if (port >= 0) {
            llvm::Value* v = loadCtxField(m_ctx, ingressIfindexOffset);
            b.CreateStore(coerce(v, llvmType(st->fields[port].type, p->loc), false),
                          b.CreateStructGEP(llvmType(st, p->loc), in, port));
          }
          m_storage[p.get()] = {in, st};
        } else {
          m_storage[p.get()] = {allocate(p->type, p->name, p->loc), p->type};
        }
      }
    }
  };
  bind(pi.parser->params);
  for (const ast::ControlDecl* c : pi.controls) bind(c->params);
  if (pi.deparser) bind(pi.deparser->params);
  if (!m_isFilter && !m_output) {
    unsupported(pi.main->loc, "an xdp control without an xdp_output parameter");
    return false;
  }
  if (m_isFilter && !m_accept) {
    unsupported(pi.main->loc, "a filter control without an `out bool` parameter");
    return false;
  }
  return true;
}

void Lowerer::lowerControl(const ast::ControlDecl* control, llvm::BasicBlock* done) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  m_controlFrames = {{control, control->name}};
  m_flowPreds = {{control->name, ""}};
  setLoc(control->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::Control, control->name, fileName(control->loc),
                                      control->loc.line, control->loc.column));
  declareControlLocals(control);
  m_controlExit = newBlock("exit." + control->name);
  block(control->apply.get());
  b.CreateBr(m_controlExit);
  b.SetInsertPoint(m_controlExit);
  b.CreateBr(done);
  m_controlExit = nullptr;
  m_controlFrames.clear();
}

void Lowerer::declareControlLocals(const ast::ControlDecl* control) {
  for (const ast::DeclPtr& local : control->locals) {
    if (const auto* t = ast::dynCast<ast::TableDecl>(local.get()))
      tableFor(t);
    else
      declareLocal(local.get());
  }
}

void Lowerer::lowerDeparser(const ast::ControlDecl* deparser) {
  setLoc(deparser->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::Deparser, deparser->name, fileName(deparser->loc),
                                      deparser->loc.line, deparser->loc.column));
  for (const ast::DeclPtr& local : deparser->locals) declareLocal(local.get());
  llvm::BasicBlock* exit = newBlock("exit." + deparser->name);
  m_controlExit = exit;
  m_inDeparser = true;
  block(deparser->apply.get());
  m_inDeparser = false;
  m_ctx.builder().CreateBr(exit);
  m_ctx.builder().SetInsertPoint(exit);
  m_controlExit = nullptr;
}

void Lowerer::registerVerdictStages() {
  const sema::ProgramInfo& pi = m_fe.programInfo;
  std::vector<std::string> names;
  if (m_isFilter)
    names = {"accept", "reject"};
  else
    names.assign(std::begin(kVerdictNames), std::end(kVerdictNames));
  for (const std::string& name : names)
    m_verdictStages[name] = m_stages.add(StageKind::Verdict, name, fileName(pi.main->loc),
                                         pi.main->loc.line, pi.main->loc.column);
}

// Counts the verdict stage and returns `result` (a constant or a helper's answer).
void Lowerer::finishWith(const std::string& verdict, llvm::Value* result) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  m_stages.emitIncrement(m_verdictStages[verdict]);
  b.CreateRet(result);
}

void Lowerer::emitVerdict(bool tc, unsigned ifindexOffset) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  setLoc(pi.main->loc);
  if (m_isFilter) {
    llvm::Value* accept = b.CreateLoad(b.getInt1Ty(), m_accept);
    llvm::BasicBlock* yes = newBlock("verdict.accept");
    llvm::BasicBlock* no = newBlock("verdict.reject");
    b.CreateCondBr(accept, yes, no);
    b.SetInsertPoint(yes);
    finishWith("accept", b.getInt32(tc ? kTcActOk : 2));
    b.SetInsertPoint(no);
    finishWith("reject", b.getInt32(tc ? kTcActShot : 1));
    return;
  }
  llvm::Type* outType = llvmType(m_outputType, {});
  int actionIndex = m_outputType->fieldIndex("output_action");
  int portIndex = m_outputType->fieldIndex("output_port");
  auto field = [&](int index) -> llvm::Value* {
    return coerce(b.CreateLoad(llvmType(m_outputType->fields[index].type, {}),
                               b.CreateStructGEP(outType, m_output, index)),
                  b.getInt32Ty(), false);
  };
  llvm::Value* action = actionIndex < 0 ? b.getInt32(2) : field(actionIndex);
  llvm::Value* port = portIndex < 0 ? b.getInt32(0) : field(portIndex);
  llvm::BasicBlock* aborted = newBlock("verdict.XDP_ABORTED");
  llvm::SwitchInst* sw = b.CreateSwitch(action, aborted);
  auto redirect = [&](llvm::Value* ifindex) {
    llvm::Value* r = m_ctx.callHelper(BpfHelper::Redirect, b.getInt64Ty(),
                                      {b.CreateZExt(ifindex, b.getInt64Ty()), b.getInt64(0)});
    return b.CreateTrunc(r, b.getInt32Ty());
  };
  for (unsigned v = 0; v < 5; ++v) {
    llvm::BasicBlock* block =
        v == 0 ? aborted : newBlock(std::string("verdict.") + kVerdictNames[v]);
    if (v != 0) sw->addCase(b.getInt32(v), block);
    b.SetInsertPoint(block);
    llvm::Value* result = b.getInt32(v);
    if (v == 4) {
      m_stages.emitIncrement(m_verdictStages[kVerdictNames[v]]);
      b.CreateRet(redirect(port));
      continue;
    }
    if (tc) {
      if (v == 3) {  // bounce: out of the interface the packet is on
        m_stages.emitIncrement(m_verdictStages[kVerdictNames[v]]);
        b.CreateRet(redirect(loadCtxField(m_ctx, ifindexOffset)));
        continue;
      }
      result = b.getInt32(v == 2 ? kTcActOk : kTcActShot);
    }
    finishWith(kVerdictNames[v], result);
  }
}

void Lowerer::resetFunctionState() {
  m_storage.clear();
  m_scopes.clear();
  m_extracted.clear();
  m_emitted.clear();
  m_emits.clear();
  m_validityMayChange = m_conditionalEmit = m_inDeparser = m_parserSkips = false;
  m_branchDepth = 0;
  m_headers = m_output = m_accept = m_packetOffset = nullptr;
  m_data = m_dataEnd = nullptr;
  m_headRebuild = nullptr;
  m_headDirty = nullptr;
  m_extractPaths.clear();
  m_controlExit = m_actionReturn = m_parserReject = nullptr;
  m_rejectBlocks.clear();
  m_returnSlot = nullptr;
  m_stages.beginFunction();
}

bool Lowerer::lowerFunction(bool tc) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  const HookModel& hook = tc ? kTcHook : kXdpHook;
  resetFunctionState();
  m_tcHook = hook.tc;
  m_ctxData = hook.data;
  m_ctxDataEnd = hook.dataEnd;
  m_ctx.createProgramFunction(hook.function, hook.section, contextType(m_ctx, hook),
                              pi.parser->loc.line);
  llvm::BasicBlock* entry = b.GetInsertBlock();
  b.SetInsertPoint(newBlock("start"));
  setLoc(pi.parser->loc);
  // XDP_ABORTED (0) / TC_ACT_SHOT should the one-entry counter array ever be missing.
  m_stages.emitEntryLookup(b.getInt32(tc ? kTcActShot : 0));
  auto toPtr = [&](llvm::Value* v) {
    return b.CreateIntToPtr(b.CreateZExt(v, b.getInt64Ty()), b.getPtrTy());
  };
  m_data = toPtr(loadCtxField(m_ctx, hook.data));
  m_dataEnd = toPtr(loadCtxField(m_ctx, hook.dataEnd));
  m_packetOffset = allocate(m_fe.types->bits(32), "packet_offset", pi.parser->loc);
  if (!bindParameters(hook.ingressIfindex)) return false;

  llvm::BasicBlock* control = newBlock("control");
  llvm::BasicBlock* reject = newBlock("reject");
  llvm::BasicBlock* verdict = newBlock("verdict");
  lowerParser(pi.parser, control, reject);

  b.SetInsertPoint(reject);
  setLoc(pi.parser->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::ParserReject, pi.parser->name + ".reject",
                                      fileName(pi.parser->loc), pi.parser->loc.line,
                                      pi.parser->loc.column));
  if (m_isFilter) {
    b.CreateStore(b.getFalse(), m_accept);
  } else if (int actionIndex = m_outputType->fieldIndex("output_action"); actionIndex >= 0) {
    b.CreateStore(b.getInt32(1),
                  b.CreateStructGEP(llvmType(m_outputType, {}), m_output, actionIndex));
  }
  b.CreateBr(verdict);

  b.SetInsertPoint(control);
  for (const ast::ControlDecl* c : pi.controls) {
    llvm::BasicBlock* next = newBlock("after." + c->name);
    lowerControl(c, next);
    b.SetInsertPoint(next);
  }
  if (pi.deparser) lowerDeparser(pi.deparser);
  if (headNeedsRewrite()) rewriteHead(verdict);
  b.CreateBr(verdict);

  if (m_verdictStages.empty()) registerVerdictStages();
  b.SetInsertPoint(verdict);
  emitVerdict(hook.tc, hook.ifindex);

  // Entry holds only allocas and their initialisation; it falls into the body now.
  b.SetInsertPoint(entry);
  if (m_headRebuild) b.CreateStore(b.getInt1(headNeedsRewrite()), m_headRebuild);
  if (m_headDirty) b.CreateStore(b.getFalse(), m_headDirty);
  b.CreateBr(&*std::next(entry->getIterator()));
  // Blocks left open after an unsupported construct must still be terminated.
  for (llvm::BasicBlock& bb : *m_ctx.function())
    if (!bb.getTerminator()) {
      b.SetInsertPoint(&bb);
      b.CreateUnreachable();
    }
  if (m_errors.empty()) spillLargeLocals(tc ? "tc" : "xdp", tc ? kTcActShot : 0, headNeedsRewrite());
  if (m_errors.empty()) m_stages.finishFunction();
  return m_errors.empty();
}

bool Lowerer::run() {
  const sema::ProgramInfo& pi = m_fe.programInfo;
  bool known = pi.arch == arch::ArchKind::Xdp || pi.arch == arch::ArchKind::EbpfFilter;
  if (!pi.valid || !known || !pi.parser || pi.controls.empty() || !pi.main) {
    unsupported(pi.main ? pi.main->loc : SourceLocation{},
                "architecture '" + pi.packageName + "' (only xdp and ebpfFilter)");
    return false;
  }
  m_isFilter = pi.arch == arch::ArchKind::EbpfFilter;
  // A filter has no deparser: what its control assigns never reaches the packet.
  m_writeThrough = !m_isFilter;
  m_mainFile = pi.main->loc.file;
  if (!lowerFunction(false)) return false;
  if (m_options.tcProgram && !lowerFunction(true)) return false;
  return true;
}

namespace {

LowerResult lowerOnce(llvm::LLVMContext& context, const FrontEndResult& frontEnd,
                      const LowerOptions& options, bool wireFields, bool* rebuildsHead) {
  LowerResult result;
  const SourceManager& sources = *frontEnd.sources;
  FileId main = frontEnd.programInfo.main ? frontEnd.programInfo.main->loc.file : 1;
  std::string mainName(sources.name(main));
  if (mainName.empty()) mainName = kUnnamedSource;
  LowerContext ctx(context, {mainName, std::string(sources.text(main))});
  result.layout.source = options.inputPath;
  result.layout.arch = std::string(arch::archName(frontEnd.programInfo.arch));
  result.layout.hooks = {"xdp", "xdp-generic"};
  result.layout.sections = {{"xdp", kXdpSection}, {"xdp-generic", kXdpSection}};
  if (options.tcProgram) {
    result.layout.hooks.insert(result.layout.hooks.end(), {"tc-ingress", "tc-egress"});
    result.layout.sections.push_back({"tc-ingress", kTcSection});
    result.layout.sections.push_back({"tc-egress", kTcSection});
  }
  result.layout.stageCounters = options.stageCounters;
  Lowerer lowerer(ctx, frontEnd, options, result.layout);
  lowerer.m_wireFields = wireFields;
  bool ok = lowerer.run();
  if (rebuildsHead) *rebuildsHead = lowerer.rebuildsHead();
  result.errors = std::move(lowerer.errors());
  if (!ok || !result.errors.empty()) return result;
  lowerer.m_stages.finalize();
  result.layout.stagePlacement = options.stagePlacement;
  result.layout.stageSlots = lowerer.m_stages.slotCount();
  result.layout.stageFormulas = lowerer.m_stages.formulas();
  result.layout.stages = lowerer.m_stages.stages();
  result.layout.transitions = lowerer.m_stages.edges();
  result.layout.controlFlow = lowerer.m_stages.flowEdges();
  embedSchema(ctx, buildSchemaJson(result.layout));
  ctx.defineLicense("GPL");
  ctx.finalize();
  result.module = ctx.takeModule();
  return result;
}

}  // namespace

// A program that rebuilds its head keeps its headers in memory (across the resize, often
// in the scratch map), where host-order fields cost a byte swap at the extract and again
// at the rebuild: it is lowered a second time with wire fields (lowerer.h). Elsewhere the
// headers are SSA values and LLVM already folds the swaps; host order keeps them simple
// there (conntrack: 185 static insns in host order, 209 with wire fields).
LowerResult lowerProgram(llvm::LLVMContext& context, const FrontEndResult& frontEnd,
                         const LowerOptions& options) {
  bool rebuilds = false;
  LowerResult result = lowerOnce(context, frontEnd, options, false, &rebuilds);
  if (!result.module || !rebuilds) return result;
  result.module.reset();
  return lowerOnce(context, frontEnd, options, true, nullptr);
}

}  // namespace p4wb::compiler
