// Printing of expressions, types and whole trees.
#include "compiler/ast/ast_printer.h"

#include "compiler/sema/types.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler::ast {

std::string typeRefToString(const TypeRef& t) {
  using F = TypeRef::Form;
  auto args = [&](const std::vector<TypeRefPtr>& v) {
    std::string s = "<";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) s += ", ";
      s += v[i] ? typeRefToString(*v[i]) : "?";
    }
    return s + ">";
  };
  auto width = [&](const char* kw) {
    return std::string(kw) + "<" + (t.width ? exprToString(*t.width) : "?") + ">";
  };
  switch (t.form) {
    case F::Named: return (t.leadingDot ? "." : "") + t.name + (t.typeArgs.empty() ? "" : args(t.typeArgs));
    case F::Bits: return width("bit");
    case F::SignedBits: return width("int");
    case F::Varbit: return width("varbit");
    case F::InfInt: return "int";
    case F::Bool: return "bool";
    case F::Error: return "error";
    case F::String: return "string";
    case F::Void: return "void";
    case F::MatchKind: return "match_kind";
    case F::DontCare: return "_";
    case F::Tuple: return "tuple" + args(t.typeArgs);
    case F::List: return "list" + args(t.typeArgs);
    case F::Stack:
      return (t.element ? typeRefToString(*t.element) : "?") + "[" +
             (t.size ? exprToString(*t.size) : "?") + "]";
  }
  return "?";
}

namespace {

std::string argsToString(const std::vector<Argument>& args) {
  std::string s = "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) s += ", ";
    if (!args[i].name.empty()) s += args[i].name + " = ";
    s += args[i].value ? exprToString(*args[i].value) : "?";
  }
  return s + ")";
}

std::string sub(const ExprPtr& e) { return e ? exprToString(*e) : "?"; }

}  // namespace

std::string exprToString(const Expr& e) {
  switch (e.kind) {
    case NodeKind::IntLiteral: return static_cast<const IntLiteralExpr&>(e).text;
    case NodeKind::BoolLiteral: return static_cast<const BoolLiteralExpr&>(e).value ? "true" : "false";
    case NodeKind::StringLiteral: return "\"" + static_cast<const StringLiteralExpr&>(e).value + "\"";
    case NodeKind::Path: {
      auto& p = static_cast<const PathExpr&>(e);
      return (p.leadingDot ? "." : "") + p.name;
    }
    case NodeKind::Member: {
      auto& m = static_cast<const MemberExpr&>(e);
      return sub(m.base) + "." + m.member;
    }
    case NodeKind::Index: {
      auto& i = static_cast<const IndexExpr&>(e);
      return sub(i.base) + "[" + sub(i.index) + "]";
    }
    case NodeKind::Slice: {
      auto& s = static_cast<const SliceExpr&>(e);
      return sub(s.base) + "[" + sub(s.hi) + ":" + sub(s.lo) + "]";
    }
    case NodeKind::Unary: {
      auto& u = static_cast<const UnaryExpr&>(e);
      return unaryOpSpelling(u.op) + sub(u.operand);
    }
    case NodeKind::Binary: {
      auto& b = static_cast<const BinaryExpr&>(e);
      return "(" + sub(b.lhs) + " " + binaryOpSpelling(b.op) + " " + sub(b.rhs) + ")";
    }
    case NodeKind::Ternary: {
      auto& t = static_cast<const TernaryExpr&>(e);
      return "(" + sub(t.cond) + " ? " + sub(t.thenExpr) + " : " + sub(t.elseExpr) + ")";
    }
    case NodeKind::Cast: {
      auto& c = static_cast<const CastExpr&>(e);
      return "(" + (c.targetType ? typeRefToString(*c.targetType) : "?") + ")" + sub(c.operand);
    }
    case NodeKind::Call: {
      auto& c = static_cast<const CallExpr&>(e);
      std::string s = sub(c.callee);
      if (!c.typeArgs.empty()) {
        s += "<";
        for (std::size_t i = 0; i < c.typeArgs.size(); ++i)
          s += (i ? ", " : "") + (c.typeArgs[i] ? typeRefToString(*c.typeArgs[i]) : "?");
        s += ">";
      }
      return s + argsToString(c.args);
    }
    case NodeKind::List: {
      auto& l = static_cast<const ListExpr&>(e);
      std::string s = "{";
      for (std::size_t i = 0; i < l.elements.size(); ++i)
        s += (i ? ", " : "") + sub(l.elements[i]);
      return s + "}";
    }
    case NodeKind::StructInit: {
      auto& si = static_cast<const StructInitExpr&>(e);
      std::string s = "{";
      for (std::size_t i = 0; i < si.fields.size(); ++i)
        s += (i ? ", " : "") + si.fields[i].name + " = " + sub(si.fields[i].value);
      return s + "}";
    }
    case NodeKind::Mask: {
      auto& m = static_cast<const MaskExpr&>(e);
      return sub(m.value) + " &&& " + sub(m.mask);
    }
    case NodeKind::Range: {
      auto& r = static_cast<const RangeExpr&>(e);
      return sub(r.lo) + " .. " + sub(r.hi);
    }
    case NodeKind::Default:
      return static_cast<const DefaultExpr&>(e).isDontCare ? "_" : "default";
    case NodeKind::TypeAsExpr: {
      auto& t = static_cast<const TypeAsExprExpr&>(e);
      return t.typeRef ? typeRefToString(*t.typeRef) : "?";
    }
    default: return "?";
  }
}

}  // namespace p4wb::compiler::ast
