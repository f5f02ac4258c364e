// The xdp package as one BPF program: `int p4wb_xdp(struct xdp_md *ctx)` in section
// "xdp". Order: parser (reject -> XDP_DROP) -> control -> deparser -> verdict, where
// the verdict is xdp_output.output_action (XDP_REDIRECT calls bpf_redirect(output_port)).
// xdp_output starts as { XDP_PASS, 0 } so a control that sets nothing passes the packet.
#include "compiler/arch/arch.h"
#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

// struct xdp_md from include/uapi/linux/bpf.h, for the program's BTF signature.
llvm::DIType* xdpMdType(LowerContext& ctx) {
  std::vector<BtfMember> members;
  const char* names[] = {"data", "data_end", "data_meta", "ingress_ifindex",
                         "rx_queue_index", "egress_ifindex"};
  for (unsigned i = 0; i < 6; ++i) members.push_back({names[i], ctx.diU32(), i * 4});
  return createBtfStruct(ctx, "xdp_md", 24, members, 0);
}

constexpr unsigned kXdpMdData = 0;
constexpr unsigned kXdpMdDataEnd = 4;
constexpr unsigned kXdpMdIngressIfindex = 12;

const char* kVerdictNames[] = {"XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX", "XDP_REDIRECT"};

}  // namespace

Lowerer::Lowerer(LowerContext& ctx, const FrontEndResult& frontEnd, const LowerOptions& options,
                 ProgramLayout& layout)
    : m_ctx(ctx), m_fe(frontEnd), m_options(options), m_layout(layout),
      m_stages(ctx, options.stageCounters) {}

void Lowerer::unsupported(SourceLocation loc, const std::string& what) {
  m_errors.push_back({loc, "not supported by the xdp back end yet: " + what});
}

std::string Lowerer::fileName(SourceLocation loc) const {
  return std::string(m_fe.sources->name(loc.file));
}

llvm::DIScope* Lowerer::scopeFor(FileId file) {
  if (file == m_mainFile) return m_ctx.subprogram();
  if (auto it = m_scopes.find(file); it != m_scopes.end()) return it->second;
  llvm::DIFile* diFile = m_ctx.di().createFile(std::string(m_fe.sources->name(file)), "",
                                               std::nullopt, m_fe.sources->text(file));
  llvm::DIScope* scope = m_ctx.di().createLexicalBlockFile(m_ctx.subprogram(), diFile, 0);
  m_scopes[file] = scope;
  return scope;
}

void Lowerer::setLoc(SourceLocation loc) {
  if (!loc.valid()) return;
  m_ctx.setLocation(loc.line, loc.column, scopeFor(loc.file));
}

static llvm::Value* loadCtxField(LowerContext& ctx, unsigned offset) {
  llvm::IRBuilder<>& b = ctx.builder();
  llvm::Value* ptr = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), ctx.function()->getArg(0), offset);
  return b.CreateAlignedLoad(b.getInt32Ty(), ptr, llvm::Align(4));
}

bool Lowerer::bindXdpParameters() {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  m_headers = allocate(pi.headersType, "hdr", pi.main->loc);
  auto bind = [&](const ast::Params& params) {
    for (const auto& p : params) {
      if (!p->type) continue;
      if (p->type == pi.headersType) {
        m_storage[p.get()] = {m_headers, p->type};
      } else if (const sema::StructType* st = asStruct(p->type)) {
        if (st->name == arch::kXdpOutputStruct) {
          if (!m_output) {
            m_output = allocate(st, "xout", p->loc);
            m_outputType = st;
            int action = st->fieldIndex("output_action");
            if (action >= 0)
              b.CreateStore(b.getInt32(2), b.CreateStructGEP(llvmType(st, p->loc), m_output, action));
          }
          m_storage[p.get()] = {m_output, st};
        } else if (st->name == arch::kXdpInputStruct) {
          llvm::AllocaInst* in = allocate(st, "xin", p->loc);
          int port = st->fieldIndex("input_port");
          if (port >= 0) {
            llvm::Value* v = loadCtxField(m_ctx, kXdpMdIngressIfindex);
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
  if (!m_output) {
    unsupported(pi.main->loc, "an xdp control without an xdp_output parameter");
    return false;
  }
  return true;
}

void Lowerer::lowerControl(const ast::ControlDecl* control, llvm::BasicBlock* done) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  m_currentControl = control;
  setLoc(control->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::Control, control->name, fileName(control->loc),
                                      control->loc.line, control->loc.column));
  for (const ast::DeclPtr& local : control->locals) {
    if (const auto* t = ast::dynCast<ast::TableDecl>(local.get())) tableFor(t);
    else declareLocal(local.get());
  }
  m_controlExit = newBlock("exit." + control->name);
  block(control->apply.get());
  b.CreateBr(m_controlExit);
  b.SetInsertPoint(m_controlExit);
  b.CreateBr(done);
  m_controlExit = nullptr;
  m_currentControl = nullptr;
}

void Lowerer::lowerDeparser(const ast::ControlDecl* deparser) {
  setLoc(deparser->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::Deparser, deparser->name,
                                      fileName(deparser->loc), deparser->loc.line,
                                      deparser->loc.column));
  for (const ast::DeclPtr& local : deparser->locals) declareLocal(local.get());
  llvm::BasicBlock* exit = newBlock("exit." + deparser->name);
  m_controlExit = exit;
  block(deparser->apply.get());
  m_ctx.builder().CreateBr(exit);
  m_ctx.builder().SetInsertPoint(exit);
  m_controlExit = nullptr;
}

void Lowerer::emitVerdict() {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  setLoc(pi.main->loc);
  llvm::Type* outType = llvmType(m_outputType, {});
  int actionIndex = m_outputType->fieldIndex("output_action");
  int portIndex = m_outputType->fieldIndex("output_port");
  llvm::Value* action = actionIndex < 0 ? b.getInt32(2)
      : coerce(b.CreateLoad(llvmType(m_outputType->fields[actionIndex].type, {}),
                            b.CreateStructGEP(outType, m_output, actionIndex)), b.getInt32Ty(), false);
  llvm::Value* port = portIndex < 0 ? b.getInt32(0)
      : coerce(b.CreateLoad(llvmType(m_outputType->fields[portIndex].type, {}),
                            b.CreateStructGEP(outType, m_output, portIndex)), b.getInt32Ty(), false);
  llvm::BasicBlock* aborted = newBlock("verdict.XDP_ABORTED");
  llvm::SwitchInst* sw = b.CreateSwitch(action, aborted);
  for (unsigned v = 0; v < 5; ++v) {
    llvm::BasicBlock* block = v == 0 ? aborted : newBlock(std::string("verdict.") + kVerdictNames[v]);
    if (v != 0) sw->addCase(b.getInt32(v), block);
    b.SetInsertPoint(block);
    m_stages.emitIncrement(m_verdictStages[kVerdictNames[v]]);
    if (v == 4) {
      llvm::Value* r = m_ctx.callHelper(BpfHelper::Redirect, b.getInt64Ty(),
                                        {b.CreateZExt(port, b.getInt64Ty()), b.getInt64(0)});
      b.CreateRet(b.CreateTrunc(r, b.getInt32Ty()));
    } else {
      b.CreateRet(b.getInt32(v));
    }
  }
}

void Lowerer::registerVerdictStages() {
  const sema::ProgramInfo& pi = m_fe.programInfo;
  for (const char* name : kVerdictNames)
    m_verdictStages[name] = m_stages.add(StageKind::Verdict, name, fileName(pi.main->loc),
                                         pi.main->loc.line, pi.main->loc.column);
}

bool Lowerer::run() {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::ProgramInfo& pi = m_fe.programInfo;
  if (!pi.valid || pi.arch != arch::ArchKind::Xdp || !pi.parser || pi.controls.empty() || !pi.main) {
    unsupported(pi.main ? pi.main->loc : SourceLocation{},
                "architecture '" + pi.packageName + "' (only xdp)");
    return false;
  }
  m_mainFile = pi.main->loc.file;
  m_ctx.createProgramFunction(kXdpFunction, kXdpSection, xdpMdType(m_ctx), pi.parser->loc.line);
  llvm::BasicBlock* entry = b.GetInsertBlock();
  b.SetInsertPoint(newBlock("start"));
  setLoc(pi.parser->loc);
  auto toPtr = [&](llvm::Value* v) {
    return b.CreateIntToPtr(b.CreateZExt(v, b.getInt64Ty()), b.getPtrTy());
  };
  m_data = toPtr(loadCtxField(m_ctx, kXdpMdData));
  m_dataEnd = toPtr(loadCtxField(m_ctx, kXdpMdDataEnd));
  m_packetOffset = allocate(m_fe.types->bits(32), "packet_offset", pi.parser->loc);
  if (!bindXdpParameters()) return false;

  llvm::BasicBlock* control = newBlock("control");
  llvm::BasicBlock* reject = newBlock("reject");
  llvm::BasicBlock* verdict = newBlock("verdict");
  lowerParser(pi.parser, control, reject);

  b.SetInsertPoint(reject);
  setLoc(pi.parser->loc);
  m_stages.emitIncrement(m_stages.add(StageKind::ParserReject, pi.parser->name + ".reject",
                                      fileName(pi.parser->loc), pi.parser->loc.line,
                                      pi.parser->loc.column));
  int actionIndex = m_outputType->fieldIndex("output_action");
  if (actionIndex >= 0)
    b.CreateStore(b.getInt32(1), b.CreateStructGEP(llvmType(m_outputType, {}), m_output, actionIndex));
  b.CreateBr(verdict);

  b.SetInsertPoint(control);
  for (std::size_t i = 0; i < pi.controls.size(); ++i) {
    llvm::BasicBlock* next = newBlock("after." + pi.controls[i]->name);
    lowerControl(pi.controls[i], next);
    b.SetInsertPoint(next);
  }
  if (pi.deparser) lowerDeparser(pi.deparser);
  checkEveryHeaderEmitted();
  b.CreateBr(verdict);

  registerVerdictStages();
  b.SetInsertPoint(verdict);
  emitVerdict();

  // Entry holds only allocas and their initialisation; it falls into the body now.
  b.SetInsertPoint(entry);
  b.CreateBr(&*std::next(entry->getIterator()));
  // Blocks left open after an unsupported construct must still be terminated.
  for (llvm::BasicBlock& bb : *m_ctx.function())
    if (!bb.getTerminator()) {
      b.SetInsertPoint(&bb);
      b.CreateUnreachable();
    }
  return m_errors.empty();
}

LowerResult lowerProgram(llvm::LLVMContext& context, const FrontEndResult& frontEnd,
                         const LowerOptions& options) {
  LowerResult result;
  const SourceManager& sources = *frontEnd.sources;
  FileId main = frontEnd.programInfo.main ? frontEnd.programInfo.main->loc.file : 1;
  LowerContext ctx(context, {std::string(sources.name(main)), std::string(sources.text(main))});
  result.layout.source = options.inputPath;
  result.layout.arch = "xdp";
  result.layout.hooks = {"xdp", "xdp-generic"};
  result.layout.sections = {{"xdp", kXdpSection}, {"xdp-generic", kXdpSection}};
  result.layout.stageCounters = options.stageCounters;
  Lowerer lowerer(ctx, frontEnd, options, result.layout);
  bool ok = lowerer.run();
  result.errors = std::move(lowerer.errors());
  if (!ok || !result.errors.empty()) return result;
  lowerer.m_stages.finalize();
  result.layout.stages = lowerer.m_stages.stages();
  embedSchema(ctx, buildSchemaJson(result.layout));
  ctx.defineLicense("GPL");
  ctx.finalize();
  result.module = ctx.takeModule();
  return result;
}

}  // namespace p4wb::compiler
