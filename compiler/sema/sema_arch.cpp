// Sema, last pass: the architecture instantiation. Finds `main`, recognizes its package
// (arch/arch.h) and binds each package argument to a parser or control declaration.
#include "compiler/arch/arch.h"
#include "compiler/sema/sema_impl.h"

namespace p4wb::compiler::sema {

namespace {

const char* roleWord(arch::BlockRole r) { return r == arch::BlockRole::Parser ? "parser" : "control"; }

std::string describeParam(const ParamDecl& p) {
  std::string d = directionSpelling(p.direction);
  return (d.empty() ? "" : d + " ") + (p.type ? p.type->toString() : std::string("?"));
}

}  // namespace

bool Sema::matchBlockSignature(const Decl& block, const Params& blockParams,
                               const BlockTypeDecl& expected, const Type*& headers) {
  const char* what = block.kind == NodeKind::ParserDecl ? "parser" : "control";
  if (blockParams.size() != expected.params.size()) {
    error(DiagKind::BlockParamCount, block.loc, {what, block.name, std::to_string(blockParams.size()),
                                                 expected.name, std::to_string(expected.params.size())});
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < blockParams.size(); ++i) {
    const ParamDecl& have = *blockParams[i];
    const ParamDecl& want = *expected.params[i];
    const Type* wantType = want.type;
    if (wantType && wantType->kind == TypeKind::TypeVar) {
      if (!headers && have.type && !have.type->isUnknown()) headers = have.type;
      wantType = headers;
    }
    bool typeOk = !have.type || !wantType || sameType(have.type, wantType);
    if (have.direction != want.direction || !typeOk) {
      std::string wantText = std::string(directionSpelling(want.direction));
      wantText += (wantText.empty() ? "" : " ") + (wantType ? wantType->toString() : std::string("?"));
      error(DiagKind::BlockParamMismatch, have.loc, {have.name, block.name, describeParam(have),
                                                     expected.name, wantText});
      ok = false;
    }
  }
  return ok;
}

// Any package (not only the known architectures): a parser/control argument must have
// the apply parameters of the parser/control type the package parameter names. Type
// variables of that type are bound by the first use and must agree after that.
void Sema::checkPackageBlockArg(const Type* paramType, const Type* argType, const ParamDecl& param,
                                std::map<const TypeVar*, std::pair<const Type*, const Decl*>>& tied) {
  auto* want = static_cast<const CallableType*>(paramType);
  auto* have = static_cast<const CallableType*>(argType);
  auto* expected = want->decl ? dynCast<BlockTypeDecl>(want->decl) : nullptr;
  const Decl* block = have->decl;
  if (!expected || !block) return;
  const Params* blockParams = nullptr;
  if (auto* p = dynCast<ParserDecl>(block)) blockParams = &p->params;
  if (auto* c = dynCast<ControlDecl>(block)) blockParams = &c->params;
  if (!blockParams) return;
  const char* what = block->kind == NodeKind::ParserDecl ? "parser" : "control";
  if (blockParams->size() != expected->params.size()) {
    error(DiagKind::BlockParamCount, block->loc, {what, block->name, std::to_string(blockParams->size()),
                                                  expected->name, std::to_string(expected->params.size())});
    return;
  }
  TypeBindings b;
  for (std::size_t i = 0; i < blockParams->size(); ++i) {
    const ParamDecl& h = *(*blockParams)[i];
    const ParamDecl& w = *expected->params[i];
    const Type* wantType = substitute(w.type, b);
    if (wantType && containsTypeVar(wantType) && h.type) {
      bind(wantType, h.type, b);
      wantType = substitute(wantType, b);
    }
    bool typeOk = !h.type || !wantType || containsTypeVar(wantType) || sameType(h.type, wantType);
    if (h.direction == w.direction && typeOk) continue;
    std::string wantText = std::string(directionSpelling(w.direction));
    wantText += (wantText.empty() ? "" : " ") + (wantType ? wantType->toString() : std::string("?"));
    error(DiagKind::BlockParamMismatch, h.loc, {h.name, block->name, describeParam(h),
                                                 expected->name, wantText});
  }
  // `Prs<H> p, Ctl<H> c`: the H this block fixed must be the H the other blocks fix.
  const auto* written = param.typeRef ? &param.typeRef->typeArgs : nullptr;
  for (std::size_t k = 0; written && k < written->size() && k < expected->typeParams.size(); ++k) {
    auto own = b.find(static_cast<const TypeVar*>(expected->typeParams[k]->type));
    const Type* arg = (*written)[k] ? (*written)[k]->resolved : nullptr;
    if (own == b.end() || !arg || arg->isUnknown()) continue;
    const Type* fixed = own->second;
    if (arg->kind != TypeKind::TypeVar) {
      if (!sameType(fixed, arg))
        error(DiagKind::PackageTypeArgConflict, block->loc,
              {expected->typeParams[k]->name, param.name, arg->toString(), fixed->toString(), block->name});
      continue;
    }
    auto* var = static_cast<const TypeVar*>(arg);
    auto [it, fresh] = tied.try_emplace(var, fixed, block);
    if (!fresh && !sameType(it->second.first, fixed)) {
      error(DiagKind::PackageTypeArgConflict, block->loc,
            {var->name, param.name, it->second.first->toString(), fixed->toString(), block->name});
      error(DiagKind::Note, it->second.second->loc,
            {"'" + it->second.second->name + "' fixes " + var->name + " = " + it->second.first->toString()});
    }
  }
}

ProgramInfo Sema::instantiateArchitecture() {
  ProgramInfo pi;
  const Decl* mainDecl = lookupGlobal("main");
  auto* inst = mainDecl ? dynCast<InstantiationDecl>(mainDecl) : nullptr;
  if (!inst) {
    if (m_opts.requireMain) error(DiagKind::NoMain, SourceLocation{});
    return pi;
  }
  pi.main = inst;
  auto* pkg = inst->instantiated ? dynCast<BlockTypeDecl>(inst->instantiated) : nullptr;
  std::string pkgName = inst->typeRef ? inst->typeRef->name : std::string("?");
  const arch::ArchModel* model = arch::findArchByPackage(pkgName);
  if (pkg && pkg->kind == NodeKind::PackageTypeDecl && !model) {
    // Valid P4 for another architecture: the front end accepts it; only the back end
    // (which needs a known model, pi.valid) refuses it.
    pi.package = pkg;
    pi.packageName = pkg->name;
    return pi;
  }
  if (!pkg || pkg->kind != NodeKind::PackageTypeDecl || !model) {
    if (inst->instantiated || !inst->typeRef || inst->typeRef->resolved == nullptr ||
        !inst->typeRef->resolved->isUnknown())
      error(DiagKind::UnknownPackage, inst->typeRef ? inst->typeRef->loc : inst->loc, {pkgName});
    return pi;
  }
  pi.package = pkg;
  pi.packageName = pkg->name;
  pi.arch = model->kind;
  bool ok = inst->args.size() == model->blockSlots.size();
  const Type* headers = nullptr;  // H, taken from the first block that names it
  for (std::size_t i = 0; i < model->blockSlots.size() && i < inst->args.size(); ++i) {
    const arch::BlockSlot& slot = model->blockSlots[i];
    const Expr* a = inst->args[i].value.get();
    BlockBinding b;
    b.role = slot.role;
    b.paramName = i < pkg->params.size() ? pkg->params[i]->name : std::string(slot.paramName);
    if (auto* c = dynCast<CallExpr>(a); c && c->callKind == CallKind::Constructor) {
      b.decl = c->target;
    } else if (auto* p = dynCast<PathExpr>(a); p && p->resolved) {
      if (auto* via = dynCast<InstantiationDecl>(p->resolved)) {
        b.instance = via;
        b.decl = via->instantiated;
      }
    }
    bool wantParser = slot.role == arch::BlockRole::Parser;
    bool good = b.decl && (wantParser ? b.decl->kind == NodeKind::ParserDecl
                                      : b.decl->kind == NodeKind::ControlDecl);
    if (!good) {
      // Parser-vs-control mix-ups were reported when `main` was checked.
      bool reported = a && a->type &&
                      (a->type->kind == TypeKind::Parser || a->type->kind == TypeKind::Control);
      if (a && a->type && !a->type->isUnknown() && !reported)
        error(DiagKind::PackageArgMismatch, a->loc, {std::to_string(i + 1), pkg->name,
                                                     roleWord(slot.role), a->type->toString()});
      ok = false;
      continue;
    }
    auto* slotType = i < pkg->params.size() && pkg->params[i]->typeRef
                         ? dynCast<BlockTypeDecl>(pkg->params[i]->typeRef->decl)
                         : nullptr;
    if (slotType) {
      const Params& params = b.decl->kind == NodeKind::ParserDecl
                                 ? static_cast<const ParserDecl*>(b.decl)->params
                                 : static_cast<const ControlDecl*>(b.decl)->params;
      ok = matchBlockSignature(*b.decl, params, *slotType, headers) && ok;
    }
    if (slot.role == arch::BlockRole::Parser) pi.parser = static_cast<const ParserDecl*>(b.decl);
    else if (slot.role == arch::BlockRole::Control) pi.controls.push_back(static_cast<const ControlDecl*>(b.decl));
    else pi.deparser = static_cast<const ControlDecl*>(b.decl);
    pi.blocks.push_back(std::move(b));
  }
  if (pi.parser) {
    for (const auto& p : pi.parser->params) {
      if (p->direction == Direction::Out) {
        pi.headersType = p->type;
        break;
      }
    }
  }
  if (pi.headersType && pi.headersType->isStructLike())
    pi.headersStruct = static_cast<const StructType*>(pi.headersType);
  pi.valid = ok && pi.parser && !pi.controls.empty();
  return pi;
}

}  // namespace p4wb::compiler::sema
