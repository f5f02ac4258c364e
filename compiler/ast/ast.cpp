// AST helpers: kind names, category tests, small lookups.
#include "compiler/ast/ast.h"

namespace p4wb::compiler::ast {

namespace {

enum class Category { Expr, Stmt, Decl, Other };

Category categoryOf(NodeKind k) {
  static const Category kCats[] = {
#define AST_NODE(Kind, Class, Cat) Category::Cat,
#include "compiler/ast/node_kinds.def"
  };
  return kCats[static_cast<unsigned>(k)];
}

}  // namespace

const char* nodeKindName(NodeKind kind) {
  static const char* const kNames[] = {
#define AST_NODE(Kind, Class, Cat) #Kind,
#include "compiler/ast/node_kinds.def"
  };
  return kNames[static_cast<unsigned>(kind)];
}

bool Expr::classof(NodeKind k) { return categoryOf(k) == Category::Expr; }
bool Stmt::classof(NodeKind k) { return categoryOf(k) == Category::Stmt; }
bool Decl::classof(NodeKind k) { return categoryOf(k) == Category::Decl; }

const char* unaryOpSpelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg: return "-";
    case UnaryOp::Plus: return "+";
    case UnaryOp::Not: return "!";
    case UnaryOp::BitNot: return "~";
  }
  return "?";
}

const char* binaryOpSpelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::AddSat: return "|+|";
    case BinaryOp::SubSat: return "|-|";
    case BinaryOp::Shl: return "<<";
    case BinaryOp::Shr: return ">>";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::Concat: return "++";
    case BinaryOp::And: return "&&";
    case BinaryOp::Or: return "||";
  }
  return "?";
}

const char* callKindName(CallKind kind) {
  switch (kind) {
    case CallKind::Unknown: return "Unknown";
    case CallKind::Extract: return "Extract";
    case CallKind::Lookahead: return "Lookahead";
    case CallKind::Advance: return "Advance";
    case CallKind::PacketLength: return "PacketLength";
    case CallKind::Emit: return "Emit";
    case CallKind::IsValid: return "IsValid";
    case CallKind::SetValid: return "SetValid";
    case CallKind::SetInvalid: return "SetInvalid";
    case CallKind::PushFront: return "PushFront";
    case CallKind::PopFront: return "PopFront";
    case CallKind::TableApply: return "TableApply";
    case CallKind::SubBlockApply: return "SubBlockApply";
    case CallKind::ActionCall: return "ActionCall";
    case CallKind::ExternMethod: return "ExternMethod";
    case CallKind::ExternFunction: return "ExternFunction";
    case CallKind::FunctionCall: return "FunctionCall";
    case CallKind::Constructor: return "Constructor";
    case CallKind::Verify: return "Verify";
  }
  return "?";
}

const char* directionSpelling(Direction d) {
  switch (d) {
    case Direction::None: return "";
    case Direction::In: return "in";
    case Direction::Out: return "out";
    case Direction::InOut: return "inout";
  }
  return "";
}

const Annotation* Decl::findAnnotation(const std::string& n) const {
  for (const auto& a : annotations)
    if (a.name == n) return &a;
  return nullptr;
}

const ParserStateDecl* ParserDecl::findState(const std::string& n) const {
  for (const auto& s : states)
    if (s->name == n) return s.get();
  return nullptr;
}

SourceLocation exprBegin(const Expr& e) {
  const Expr* x = &e;
  for (int guard = 0; guard < 10000; ++guard) {
    const Expr* left = nullptr;
    if (auto* b = dynCast<BinaryExpr>(x)) left = b->lhs.get();
    else if (auto* t = dynCast<TernaryExpr>(x)) left = t->cond.get();
    else if (auto* m = dynCast<MemberExpr>(x)) left = m->base.get();
    else if (auto* i = dynCast<IndexExpr>(x)) left = i->base.get();
    else if (auto* s = dynCast<SliceExpr>(x)) left = s->base.get();
    else if (auto* c = dynCast<CallExpr>(x)) left = c->callee.get();
    if (!left) break;
    x = left;
  }
  return x->loc;
}

}  // namespace p4wb::compiler::ast
