// Header stacks with a fixed number of elements: constant indexes are plain struct
// members; `extract(s.next)` switches on the next index (one extract per element, so
// every packet offset and element stays a constant the verifier can follow) and
// rejects when the stack is full (error.StackOutOfBounds); `s.last.f` and
// `s.lastIndex` read through the next index. A run-time index is a switch too: a
// write (assignment, setValid/setInvalid, extract) runs once per element with the
// index fixed, an index out of range writes nothing; a read copies the element, an
// invalid all-zero header when out of range. push_front/pop_front: deparser.cpp.
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

const sema::HeaderStackType* asStack(const sema::Type* type) {
  return type && type->kind == sema::TypeKind::HeaderStack
             ? static_cast<const sema::HeaderStackType*>(type)
             : nullptr;
}

// A stack element chosen at run time: `s[i]` with i not a constant, `s.last`, `s.next`.
bool isDynamicElement(const ast::Expr* e) {
  if (const auto* ix = ast::dynCast<ast::IndexExpr>(e)) return !ix->index->constValue;
  const auto* m = ast::dynCast<ast::MemberExpr>(e);
  return m && (m->memberKind == ast::MemberExpr::MemberKind::StackLast ||
               m->memberKind == ast::MemberExpr::MemberKind::StackNext);
}

const ast::Expr* stackOf(const ast::Expr* e) {
  if (const auto* ix = ast::dynCast<ast::IndexExpr>(e)) return ix->base.get();
  return static_cast<const ast::MemberExpr*>(e)->base.get();
}

// The first dynamic element in the l-value chain of `e` not yet fixed by an enclosing
// withRuntimeIndex().
const ast::Expr* dynamicElementIn(const ast::Expr* e,
                                  const std::unordered_map<const ast::Expr*, unsigned>& fixed) {
  while (e) {
    if (isDynamicElement(e) && fixed.count(e) == 0) return e;
    if (const auto* ix = ast::dynCast<ast::IndexExpr>(e)) {
      e = ix->base.get();
    } else if (const auto* m = ast::dynCast<ast::MemberExpr>(e)) {
      e = m->base.get();
    } else if (const auto* s = ast::dynCast<ast::SliceExpr>(e)) {
      e = s->base.get();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

}  // namespace

// The run-time index of a dynamic element (i32 for last/next).
llvm::Value* Lowerer::dynamicIndex(const ast::Expr* element, const LValue& stack) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (const auto* ix = ast::dynCast<ast::IndexExpr>(element)) return expr(ix->index.get());
  llvm::Value* next = b.CreateLoad(
      b.getInt32Ty(), b.CreateStructGEP(llvmType(stack.type, element->loc), stack.ptr,
                                        kStackNextIndex));
  const auto* m = static_cast<const ast::MemberExpr*>(element);
  if (m->memberKind == ast::MemberExpr::MemberKind::StackNext) return next;
  return b.CreateSub(next, b.getInt32(1));  // -1 (out of range) when nothing was extracted
}

bool Lowerer::withRuntimeIndex(const ast::Expr* target, const std::function<void()>& body) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const ast::Expr* element = dynamicElementIn(target, m_forcedIndex);
  if (!element) return false;
  std::optional<LValue> stack = lvalue(stackOf(element));
  const sema::HeaderStackType* hs = stack ? asStack(stack->type) : nullptr;
  llvm::Value* index = hs ? dynamicIndex(element, *stack) : nullptr;
  if (!hs || !index->getType()->isIntegerTy()) {
    unsupported(element->loc, "this run-time stack index");
    return true;
  }
  auto* indexType = llvm::cast<llvm::IntegerType>(index->getType());
  llvm::BasicBlock* join = newBlock("index.done");
  llvm::SwitchInst* sw = b.CreateSwitch(index, join);
  for (unsigned k = 0; k < hs->size; ++k) {
    if (indexType->getBitWidth() < 32 && k >= (1u << indexType->getBitWidth())) break;
    llvm::BasicBlock* one = newBlock("index." + std::to_string(k));
    sw->addCase(llvm::ConstantInt::get(indexType, k), one);
    b.SetInsertPoint(one);
    m_forcedIndex[element] = k;
    body();
    m_forcedIndex.erase(element);
    b.CreateBr(join);
  }
  b.SetInsertPoint(join);
  return true;
}

std::optional<LValue> Lowerer::runtimeElement(const LValue& stack, const ast::Expr* e) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  if (auto forced = m_forcedIndex.find(e); forced != m_forcedIndex.end())
    return stackElement(stack, forced->second, e->loc);
  const sema::HeaderStackType* hs = asStack(stack.type);
  if (!hs || stack.isSlice) {
    unsupported(e->loc, "indexing something that is not a header stack");
    return std::nullopt;
  }
  llvm::Value* index = dynamicIndex(e, stack);
  if (!index->getType()->isIntegerTy()) {
    unsupported(e->loc, "this run-time stack index");
    return std::nullopt;
  }
  llvm::Type* elementType = llvmType(hs->element, e->loc);
  llvm::AllocaInst* copy = m_ctx.entryAlloca(elementType, "stack.element");
  b.CreateStore(initialValue(hs->element, e->loc), copy);
  auto* indexType = llvm::cast<llvm::IntegerType>(index->getType());
  llvm::BasicBlock* join = newBlock("element.done");
  llvm::SwitchInst* sw = b.CreateSwitch(index, join);
  for (unsigned k = 0; k < hs->size; ++k) {
    if (indexType->getBitWidth() < 32 && k >= (1u << indexType->getBitWidth())) break;
    llvm::BasicBlock* one = newBlock("element." + std::to_string(k));
    sw->addCase(llvm::ConstantInt::get(indexType, k), one);
    b.SetInsertPoint(one);
    if (std::optional<LValue> lv = stackElement(stack, k, e->loc))
      b.CreateStore(b.CreateLoad(elementType, lv->ptr), copy);
    b.CreateBr(join);
  }
  b.SetInsertPoint(join);
  LValue lv;
  lv.ptr = copy;
  lv.type = hs->element;
  lv.path = stack.path + "[" + std::to_string(reinterpret_cast<std::uintptr_t>(copy)) + "?]";
  return lv;
}

std::optional<LValue> Lowerer::stackElement(const LValue& stack, unsigned index,
                                            SourceLocation loc) {
  const sema::HeaderStackType* hs = asStack(stack.type);
  if (!hs || stack.isSlice) {
    unsupported(loc, "indexing something that is not a header stack");
    return std::nullopt;
  }
  if (index >= hs->size) {
    unsupported(loc, "header stack index " + std::to_string(index) + " out of range");
    return std::nullopt;
  }
  LValue lv;
  lv.ptr =
      m_ctx.builder().CreateStructGEP(llvmType(hs, loc), stack.ptr, kStackFirstElement + index);
  lv.type = hs->element;
  lv.path = stack.path + "[" + std::to_string(index) + "]";
  return lv;
}

void Lowerer::extractNext(const LValue& stack, const ast::CallExpr* call) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const sema::HeaderStackType* hs = asStack(stack.type);
  if (!hs) {
    unsupported(call->loc, "'.next' of something that is not a header stack");
    return;
  }
  llvm::Type* type = llvmType(hs, call->loc);
  llvm::Value* nextSlot = b.CreateStructGEP(type, stack.ptr, kStackNextIndex);
  llvm::Value* next = b.CreateLoad(b.getInt32Ty(), nextSlot);
  llvm::BasicBlock* done = newBlock("next.done");
  llvm::SwitchInst* sw = b.CreateSwitch(next, rejectWith("StackOutOfBounds"));
  for (unsigned k = 0; k < hs->size; ++k) {
    llvm::BasicBlock* element = newBlock("next." + std::to_string(k));
    sw->addCase(b.getInt32(k), element);
    b.SetInsertPoint(element);
    if (std::optional<LValue> lv = stackElement(stack, k, call->loc)) {
      emitHeaderExtract(*lv, call);
      b.CreateStore(b.getInt32(k + 1), nextSlot);
    }
    b.CreateBr(done);
  }
  b.SetInsertPoint(done);
}

llvm::Value* Lowerer::stackLastIndex(const ast::MemberExpr* e) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  std::optional<LValue> stack = lvalue(e->base.get());
  const sema::HeaderStackType* hs = stack ? asStack(stack->type) : nullptr;
  if (!hs) return b.getInt32(0);
  llvm::Value* next = b.CreateLoad(
      b.getInt32Ty(), b.CreateStructGEP(llvmType(hs, e->loc), stack->ptr, kStackNextIndex));
  return b.CreateSub(next, b.getInt32(1));
}

llvm::Value* Lowerer::stackLastField(const ast::MemberExpr* field) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  const auto* last = static_cast<const ast::MemberExpr*>(field->base.get());
  std::optional<LValue> stack = lvalue(last->base.get());
  const sema::HeaderStackType* hs = stack ? asStack(stack->type) : nullptr;
  const sema::StructType* element = hs ? asStruct(hs->element) : nullptr;
  if (!element || field->fieldIndex < 0) {
    unsupported(field->loc, "this use of '.last'");
    return zeroValue(field->type, field->loc);
  }
  llvm::Value* lastIndex = stackLastIndex(last);
  llvm::Type* elementType = llvmType(element, field->loc);
  llvm::Type* fieldType = llvmType(field->type, field->loc);
  llvm::Value* result = llvm::Constant::getNullValue(fieldType);
  // Read the field of every element and keep the one at lastIndex (a few selects).
  for (unsigned k = 0; k < hs->size; ++k) {
    std::optional<LValue> lv = stackElement(*stack, k, field->loc);
    if (!lv) continue;
    llvm::Value* ptr = b.CreateStructGEP(
        elementType, lv->ptr, kHeaderFirstField + static_cast<unsigned>(field->fieldIndex));
    llvm::Value* v = b.CreateLoad(fieldType, ptr);
    result = b.CreateSelect(b.CreateICmpEQ(lastIndex, b.getInt32(k)), v, result);
  }
  return wireField(element, static_cast<std::size_t>(field->fieldIndex)) ? wireSwap(result) : result;
}

}  // namespace p4wb::compiler
