// Internal: the Sema class shared by the sema_*.cpp files (one per concern:
// declarations, types, expressions, calls, statements/blocks, architecture).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/sema/sema.h"
#include "compiler/sema/types.h"

namespace p4wb::compiler::sema {

using namespace ast;

// Type-variable bindings while checking one call or specialization.
using TypeBindings = std::unordered_map<const TypeVar*, const Type*>;

class Sema {
 public:
  explicit Sema(const SemaOptions& o) : m_prog(*o.program), m_ctx(*o.types), m_diags(*o.diags), m_opts(o) {}
  SemaResult run();

  // ---- scopes (sema.cpp)
  void pushScope() { m_scopes.emplace_back(); }
  void popScope() { m_scopes.pop_back(); }
  void declare(const Decl& d);
  void declareName(const std::string& name, const Decl& d);
  const Decl* lookup(const std::string& name) const;
  std::vector<const Decl*> lookupAll(const std::string& name) const;
  const Decl* lookupGlobal(const std::string& name) const;
  // Adds a "did you mean" note when a visible name (or one of `extra`) is close to `name`.
  void suggest(const std::string& name, SourceLocation loc, const std::vector<std::string>& extra,
               bool scopeNames);
  void error(DiagKind k, SourceLocation loc, std::vector<std::string> args = {}) {
    m_diags.report(k, loc, std::move(args));
  }
  // At `e`, underlining all of its text (both operands, the whole call, ...).
  void error(DiagKind k, const Expr& e, std::vector<std::string> args = {}) {
    m_diags.reportRange(k, e.loc, exprBegin(e), e.endLoc, std::move(args));
  }
  // At a call (underlined) or a declaration (e.g. an instantiation's arguments).
  void error(DiagKind k, const Node& site, std::vector<std::string> args = {}) {
    if (auto* e = dynCast<Expr>(&site)) return error(k, *e, std::move(args));
    m_diags.report(k, site.loc, std::move(args));
  }

  // ---- declarations (sema_decls.cpp)
  void checkTopDecl(Decl& d);
  void checkTypedef(TypedefDecl& d);
  void checkStructLike(StructTypeDecl& d);
  void checkEnum(EnumDecl& d);
  bool checkEnumValueFits(const EnumMemberDecl& m, const BitsType* underlying);
  void checkVariable(VariableDecl& d);
  void checkFunctionPrototype(FunctionPrototype& f, const std::vector<const TypeVar*>& outer);
  void checkExtern(ExternDecl& d);
  void checkBlockType(BlockTypeDecl& d);
  void checkInstantiation(InstantiationDecl& d);
  void checkFunction(FunctionDecl& d);
  std::vector<const TypeVar*> declareTypeParams(TypeParams& tps);
  std::vector<ParamInfo> checkParams(Params& ps);

  // ---- types (sema_types.cpp)
  const Type* resolveType(TypeRef* t);
  const Type* specializeStruct(const StructTypeDecl& d, const std::vector<const Type*>& args);
  std::optional<unsigned> constUnsigned(Expr* e, const char* what);
  bool sameType(const Type* a, const Type* b) const;
  // Checks `e` (already typed) can be used as a `to`; converts int literals in place.
  bool convertTo(Expr& e, const Type* to, bool report = true);
  void coerceConst(Expr& e, const Type* to);
  // Whether integer `v` (two's complement when valueSigned) is representable in
  // bit<width> / int<width>.
  static bool fitsIn(const llvm::APInt& v, bool valueSigned, unsigned width, bool isSigned);
  const Type* substitute(const Type* t, const TypeBindings& b);
  void bind(const Type* param, const Type* arg, TypeBindings& b) const;
  bool containsTypeVar(const Type* t) const;
  const std::vector<const Type*>* specializationArgs(const Type* t) const;

  // ---- expressions (sema_exprs.cpp)
  const Type* checkExpr(Expr* e, const Type* expected = nullptr);
  const Type* checkPath(PathExpr& e);
  const Type* checkMember(MemberExpr& e);
  const Type* checkUnary(UnaryExpr& e);
  const Type* checkBinary(BinaryExpr& e);
  const Type* checkConcat(BinaryExpr& e, const Type* lt, const Type* rt);
  const Type* unifyOperands(BinaryExpr& e, const Type*& lt, const Type*& rt);
  const Type* checkTernary(TernaryExpr& e);
  const Type* checkCast(CastExpr& e);
  const Type* checkSlice(SliceExpr& e);
  const Type* checkIndex(IndexExpr& e);
  const Type* checkKeyset(Expr* e, const Type* keyType);
  const Type* typeOfDecl(const Decl* d, Expr& use);

  // ---- calls (sema_calls.cpp)
  const Type* checkCall(CallExpr& c);
  const Type* checkMethodCall(CallExpr& c, MemberExpr& m);
  const Type* checkExternMethod(CallExpr& c, MemberExpr& m, const ExternType* et);
  const Type* checkFunctionCall(CallExpr& c, const std::vector<const Decl*>& candidates,
                                const std::string& name);
  const Type* checkActionCall(CallExpr& c, const ActionDecl& a);
  const Type* checkConstructorCall(CallExpr& c, const Decl* d);
  // The candidate whose parameters fit the arguments: by count (and names), then by
  // argument types when several have the same arity (exact types beat literal
  // conversions). Null when none fits by count; reports an ambiguity (with a note per
  // candidate) when several fit equally well.
  const FunctionPrototype* pickOverload(const std::vector<const FunctionPrototype*>& cands,
                                        std::vector<Argument>& args, const Node& site,
                                        const std::string& name);
  // Checks args against params (binding type variables); returns false on errors.
  bool checkArgs(std::vector<Argument>& args, const Node& site, const Params& params,
                 const std::string& calleeName, TypeBindings& b, std::size_t firstParam = 0);
  // Binds the type variables of `pt` (parameter p's type) from the typed argument, then
  // converts the argument to the bound type; false (reported) when it does not fit.
  bool bindArg(Argument& a, const ParamDecl& p, const Type* pt, const std::string& calleeName,
               TypeBindings& b);

  // ---- statements and blocks (sema_stmts.cpp)
  void checkStmt(Stmt* s);
  void checkBlock(BlockStmt* b);
  void checkAssign(AssignStmt& s);
  void checkSwitch(SwitchStmt& s);
  void checkSwitchLabelsUnique(const SwitchStmt& s);
  void checkFor(ForStmt& s);
  void checkForIn(ForInStmt& s);
  void checkParser(ParserDecl& p);
  void checkTransition(ParserDecl& p, Transition& t);
  bool checkStructValueSetCase(const Transition& t, Expr& keyset);
  void checkControl(ControlDecl& c);
  void checkAction(ActionDecl& a, const Decl* enclosing);
  void checkTable(TableDecl& t, const Decl* enclosing);
  void resolveActionRef(ActionRef& r, bool allowPartialArgs);
  void checkLocalDecl(Decl& d);

  // ---- architecture (sema_arch.cpp)
  ProgramInfo instantiateArchitecture();
  // Compares a block's apply parameters with the package parameter type it fills
  // (e.g. prs against xdp_parse<H>); type variables all stand for the one H.
  // `param` is the package parameter (its type may pass the package's own type
  // variables, `Prs<H> p`); what the block binds them to must agree across all the
  // package's arguments (`tied`: package type variable -> type and the block binding it).
  void checkPackageBlockArg(const Type* paramType, const Type* argType, const ParamDecl& param,
                            std::map<const TypeVar*, std::pair<const Type*, const Decl*>>& tied);
  bool matchBlockSignature(const Decl& block, const Params& blockParams,
                           const BlockTypeDecl& expected, const Type*& headers);

  Program& m_prog;
  TypeContext& m_ctx;
  DiagnosticEngine& m_diags;
  const SemaOptions& m_opts;
  std::vector<std::unordered_map<std::string, std::vector<const Decl*>>> m_scopes;
  const EnumDecl* m_errorDecl = nullptr;
  const Type* m_returnType = nullptr;  // inside functions
  std::string m_functionName;  // inside functions, for 'return' messages
  const ControlDecl* m_control = nullptr;  // inside a control
  int m_loopDepth = 0;  // break/continue are allowed when > 0
  bool m_inParserState = false;  // inside a parser state: no actions, exit, return, switch
  std::map<std::pair<const Decl*, std::vector<const Type*>>, const StructType*> m_specialized;
  // -Wunused-variable: local variables/constants, and every declaration a name use
  // resolved to (checkPath).
  std::vector<const Decl*> m_locals;
  // The other declarations p4c warns about when unused: parameters of actions and
  // functions (with what they belong to, "action 'a'"; not those of parsers and
  // controls, whose signature the architecture imposes), tables, local instances.
  std::vector<std::pair<const Decl*, std::string>> m_params;
  std::vector<const Decl*> m_blockLocals;
  std::unordered_set<const Decl*> m_used;
  void noteParams(const Params& ps, const char* what, const std::string& owner);
  void warnUnusedLocals();
};

}  // namespace p4wb::compiler::sema
