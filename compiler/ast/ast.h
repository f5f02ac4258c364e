// The P4_16 abstract syntax tree. The parser builds it; sema fills the annotation
// fields (marked "sema:") in place; lowering reads it. Nodes own their children through
// unique_ptr; cross references (resolved declarations, types) are plain const pointers
// that live as long as the owning FrontEndResult. Kinds are listed in node_kinds.def.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sema/const_value.h"
#include "compiler/source/source_manager.h"

namespace p4wb::compiler::sema {
class Type;
}

namespace p4wb::compiler::ast {

enum class NodeKind : std::uint8_t {
#define AST_NODE(Kind, Class, Category) Kind,
#include "compiler/ast/node_kinds.def"
};
const char* nodeKindName(NodeKind kind);

struct Node {
  explicit Node(NodeKind k, SourceLocation l = {}) : kind(k), loc(l) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  NodeKind kind;
  SourceLocation loc;  // first token of the construct, in the ORIGINAL file
};

// isa/cast helpers: every class has `static bool classof(NodeKind)`.
template <typename T>
bool isa(const Node* n) { return n && T::classof(n->kind); }
template <typename T>
T* dynCast(Node* n) { return isa<T>(n) ? static_cast<T*>(n) : nullptr; }
template <typename T>
const T* dynCast(const Node* n) { return isa<T>(n) ? static_cast<const T*>(n) : nullptr; }

struct Expr;
struct Stmt;
struct Decl;
struct TypeRef;
struct BlockStmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using DeclPtr = std::unique_ptr<Decl>;
using TypeRefPtr = std::unique_ptr<TypeRef>;

#define P4WB_CLASSOF1(K) \
  static bool classof(NodeKind k) { return k == NodeKind::K; }

// ---------------------------------------------------------------- annotations

// @name, @name("x"), @name[k=v] ... Arguments are parsed as expressions when they are.
struct Annotation {
  SourceLocation loc;
  std::string name;  // without '@'
  std::vector<ExprPtr> args;
  std::string body;  // raw text between the brackets, for unparsed forms
};

// ---------------------------------------------------------------- types as written

struct TypeRef : Node {
  enum class Form : std::uint8_t {
    Named,     // name, possibly with typeArgs (xdp_parse<H>)
    Bits,      // bit<width>  (bit alone = bit<1>)
    SignedBits,  // int<width>
    Varbit,    // varbit<width>
    InfInt,    // int
    Bool, Error, String, Void, MatchKind,
    DontCare,  // _
    Tuple,     // tuple<typeArgs...>
    List,      // list<typeArgs[0]>
    Stack,     // element[size]
  };
  explicit TypeRef(Form f, SourceLocation l) : Node(NodeKind::TypeRef, l), form(f) {}
  P4WB_CLASSOF1(TypeRef)

  Form form;
  std::string name;                  // Named
  std::vector<TypeRefPtr> typeArgs;  // Named (specialized), Tuple, List
  ExprPtr width;                     // Bits, SignedBits, Varbit
  TypeRefPtr element;                // Stack
  ExprPtr size;                      // Stack
  bool leadingDot = false;           // .name

  // sema:
  const sema::Type* resolved = nullptr;
  const Decl* decl = nullptr;  // Named: the declaration named
};

// ---------------------------------------------------------------- expressions

struct Expr : Node {
  using Node::Node;
  static bool classof(NodeKind k);

  // Just past the last token (parser-filled; invalid when unknown). With exprBegin()
  // the range diagnostics underline.
  SourceLocation endLoc;
  // sema:
  const sema::Type* type = nullptr;  // never null after sema (Unknown type on errors)
  std::optional<sema::ConstValue> constValue;  // set when compile-time constant
  bool isLValue = false;
};

struct IntLiteralExpr : Expr {
  explicit IntLiteralExpr(SourceLocation l) : Expr(NodeKind::IntLiteral, l) {}
  P4WB_CLASSOF1(IntLiteral)
  std::string text;                  // as written
  std::optional<unsigned> width;     // 8w..., 4s...
  bool isSigned = false;             // 's' literal
  // The literal's magnitude (parser-filled); constValue holds the typed value.
  sema::ConstValue value;
};

struct BoolLiteralExpr : Expr {
  explicit BoolLiteralExpr(SourceLocation l) : Expr(NodeKind::BoolLiteral, l) {}
  P4WB_CLASSOF1(BoolLiteral)
  bool value = false;
};

struct StringLiteralExpr : Expr {
  explicit StringLiteralExpr(SourceLocation l) : Expr(NodeKind::StringLiteral, l) {}
  P4WB_CLASSOF1(StringLiteral)
  std::string value;  // unescaped, without quotes
};

struct PathExpr : Expr {
  explicit PathExpr(SourceLocation l) : Expr(NodeKind::Path, l) {}
  P4WB_CLASSOF1(Path)
  std::string name;
  bool leadingDot = false;
  // sema: the declaration named (VariableDecl, ParamDecl, ActionDecl, TableDecl,
  // InstantiationDecl, EnumDecl/ErrorDecl when used as `xdp_action.X`, ...).
  const Decl* resolved = nullptr;
};

struct MemberExpr : Expr {
  explicit MemberExpr(SourceLocation l) : Expr(NodeKind::Member, l) {}
  P4WB_CLASSOF1(Member)
  enum class MemberKind : std::uint8_t {
    Unknown,
    Field,        // struct/header/union field: fieldIndex, resolved = FieldDecl
    EnumMember,   // xdp_action.XDP_TX, error.NoError: resolved = EnumMemberDecl
    Method,       // obj.method as a callee: resolved = FunctionPrototype (or builtin)
    StackNext, StackLast, StackLastIndex, StackSize,
    TableHit, TableMiss, TableActionRun,  // t.apply().hit etc.
  };
  ExprPtr base;
  std::string member;
  SourceLocation memberLoc;
  // sema:
  MemberKind memberKind = MemberKind::Unknown;
  int fieldIndex = -1;
  const Decl* resolved = nullptr;
};

struct IndexExpr : Expr {
  explicit IndexExpr(SourceLocation l) : Expr(NodeKind::Index, l) {}
  P4WB_CLASSOF1(Index)
  ExprPtr base, index;
};

struct SliceExpr : Expr {
  explicit SliceExpr(SourceLocation l) : Expr(NodeKind::Slice, l) {}
  P4WB_CLASSOF1(Slice)
  ExprPtr base, hi, lo;
  // sema: constant bounds
  unsigned hiBit = 0, loBit = 0;
};

enum class UnaryOp : std::uint8_t { Neg, Plus, Not, BitNot };
enum class BinaryOp : std::uint8_t {
  Mul, Div, Mod, Add, Sub, AddSat, SubSat, Shl, Shr,
  Lt, Le, Gt, Ge, Eq, Ne, BitAnd, BitXor, BitOr, Concat, And, Or,
};
const char* unaryOpSpelling(UnaryOp op);
const char* binaryOpSpelling(BinaryOp op);

struct UnaryExpr : Expr {
  explicit UnaryExpr(SourceLocation l) : Expr(NodeKind::Unary, l) {}
  P4WB_CLASSOF1(Unary)
  UnaryOp op = UnaryOp::Neg;
  ExprPtr operand;
};

struct BinaryExpr : Expr {
  explicit BinaryExpr(SourceLocation l) : Expr(NodeKind::Binary, l) {}
  P4WB_CLASSOF1(Binary)
  BinaryOp op = BinaryOp::Add;
  ExprPtr lhs, rhs;
};

struct TernaryExpr : Expr {
  explicit TernaryExpr(SourceLocation l) : Expr(NodeKind::Ternary, l) {}
  P4WB_CLASSOF1(Ternary)
  ExprPtr cond, thenExpr, elseExpr;
};

struct CastExpr : Expr {
  explicit CastExpr(SourceLocation l) : Expr(NodeKind::Cast, l) {}
  P4WB_CLASSOF1(Cast)
  TypeRefPtr targetType;
  ExprPtr operand;
};

struct Argument {
  SourceLocation loc;
  std::string name;  // named argument (f(x = 1)); empty when positional
  ExprPtr value;     // DefaultExpr for '_' (don't care)
};

// What a call does, so lowering can switch on it instead of re-resolving names.
enum class CallKind : std::uint8_t {
  Unknown,
  Extract,          // packet.extract(hdr) / (hdr, bits): receiver = packet
  Lookahead,        // packet.lookahead<T>()
  Advance,          // packet.advance(bits)
  PacketLength,     // packet.length()
  Emit,             // packet.emit(hdr)
  IsValid, SetValid, SetInvalid,  // receiver = the header expression
  PushFront, PopFront,            // header stack
  TableApply,       // t.apply(): callee = TableDecl, receiver = the table path
  SubBlockApply,    // parser/control instance .apply(): callee = Instantiation
  ActionCall,       // direct action call: callee = ActionDecl
  ExternMethod,     // other extern object method: callee = FunctionPrototype
  ExternFunction,   // extern function (verify, csum_replace2, ...): callee = FunctionPrototype
  FunctionCall,     // P4 function with a body: callee = FunctionDecl
  Constructor,      // extern/parser/control/package constructor in an instantiation
  Verify,           // verify(cond, err): also ExternFunction-like, classified for convenience
};

const char* callKindName(CallKind kind);  // "Extract", "TableApply", ...

// Where the text of `e` starts: `loc` is its operator for binary and ternary
// expressions, the start of the leftmost operand is the start of the range.
SourceLocation exprBegin(const Expr& e);

struct CallExpr : Expr {
  explicit CallExpr(SourceLocation l) : Expr(NodeKind::Call, l) {}
  P4WB_CLASSOF1(Call)
  ExprPtr callee;  // PathExpr or MemberExpr
  std::vector<TypeRefPtr> typeArgs;
  std::vector<Argument> args;
  // sema:
  CallKind callKind = CallKind::Unknown;
  const Decl* target = nullptr;    // ActionDecl, TableDecl, FunctionPrototype, ...
  const Expr* receiver = nullptr;  // object for method calls (MemberExpr::base)
};

struct ListExpr : Expr {
  explicit ListExpr(SourceLocation l) : Expr(NodeKind::List, l) {}
  P4WB_CLASSOF1(List)
  std::vector<ExprPtr> elements;
};

struct StructInitExpr : Expr {
  explicit StructInitExpr(SourceLocation l) : Expr(NodeKind::StructInit, l) {}
  P4WB_CLASSOF1(StructInit)
  std::vector<Argument> fields;  // name = value
  bool hasDots = false;  // ends with `...`: fields not named are left unset
};

struct MaskExpr : Expr {
  explicit MaskExpr(SourceLocation l) : Expr(NodeKind::Mask, l) {}
  P4WB_CLASSOF1(Mask)
  ExprPtr value, mask;
};

struct RangeExpr : Expr {
  explicit RangeExpr(SourceLocation l) : Expr(NodeKind::Range, l) {}
  P4WB_CLASSOF1(Range)
  ExprPtr lo, hi;
};

struct DefaultExpr : Expr {
  explicit DefaultExpr(SourceLocation l) : Expr(NodeKind::Default, l) {}
  P4WB_CLASSOF1(Default)
  bool isDontCare = false;  // written '_' rather than 'default'
};

struct TypeAsExprExpr : Expr {
  explicit TypeAsExprExpr(SourceLocation l) : Expr(NodeKind::TypeAsExpr, l) {}
  P4WB_CLASSOF1(TypeAsExpr)
  TypeRefPtr typeRef;
};

// ---------------------------------------------------------------- statements

struct Stmt : Node {
  using Node::Node;
  static bool classof(NodeKind k);
};

struct AssignStmt : Stmt {
  explicit AssignStmt(SourceLocation l) : Stmt(NodeKind::AssignStmt, l) {}
  P4WB_CLASSOF1(AssignStmt)
  ExprPtr lhs, rhs;
};

struct CallStmt : Stmt {
  explicit CallStmt(SourceLocation l) : Stmt(NodeKind::CallStmt, l) {}
  P4WB_CLASSOF1(CallStmt)
  std::unique_ptr<CallExpr> call;
};

struct IfStmt : Stmt {
  explicit IfStmt(SourceLocation l) : Stmt(NodeKind::IfStmt, l) {}
  P4WB_CLASSOF1(IfStmt)
  ExprPtr cond;
  StmtPtr thenStmt;
  StmtPtr elseStmt;  // may be null
};

struct BlockStmt : Stmt {
  explicit BlockStmt(SourceLocation l) : Stmt(NodeKind::BlockStmt, l) {}
  P4WB_CLASSOF1(BlockStmt)
  std::vector<Annotation> annotations;
  std::vector<StmtPtr> stmts;
};

struct SwitchCase {
  SourceLocation loc;
  ExprPtr label;  // PathExpr naming an action (or enum member / value), DefaultExpr
  std::unique_ptr<BlockStmt> body;  // null: falls through to the next case
  // sema: for action_run switches, the action selected
  const Decl* action = nullptr;
};

struct SwitchStmt : Stmt {
  explicit SwitchStmt(SourceLocation l) : Stmt(NodeKind::SwitchStmt, l) {}
  P4WB_CLASSOF1(SwitchStmt)
  ExprPtr subject;  // often t.apply().action_run
  std::vector<SwitchCase> cases;
  // sema: the table applied when subject is t.apply().action_run
  const struct TableDecl* table = nullptr;
};

struct ReturnStmt : Stmt {
  explicit ReturnStmt(SourceLocation l) : Stmt(NodeKind::ReturnStmt, l) {}
  P4WB_CLASSOF1(ReturnStmt)
  ExprPtr value;  // may be null
};

struct ExitStmt : Stmt {
  explicit ExitStmt(SourceLocation l) : Stmt(NodeKind::ExitStmt, l) {}
  P4WB_CLASSOF1(ExitStmt)
};

struct EmptyStmt : Stmt {
  explicit EmptyStmt(SourceLocation l) : Stmt(NodeKind::EmptyStmt, l) {}
  P4WB_CLASSOF1(EmptyStmt)
};

struct DeclStmt : Stmt {
  explicit DeclStmt(SourceLocation l) : Stmt(NodeKind::DeclStmt, l) {}
  P4WB_CLASSOF1(DeclStmt)
  DeclPtr decl;  // VariableDecl (kind VariableDecl or ConstDecl), InstantiationDecl
};

struct ForStmt : Stmt {
  explicit ForStmt(SourceLocation l) : Stmt(NodeKind::ForStmt, l) {}
  P4WB_CLASSOF1(ForStmt)
  std::vector<StmtPtr> init;    // declarations, assignments, calls
  ExprPtr cond;                 // may be null (loops until break)
  std::vector<StmtPtr> update;  // assignments, calls
  StmtPtr body;
};

struct ForInStmt : Stmt {
  explicit ForInStmt(SourceLocation l) : Stmt(NodeKind::ForInStmt, l) {}
  P4WB_CLASSOF1(ForInStmt)
  DeclPtr var;         // VariableDecl (no initializer)
  ExprPtr collection;  // RangeExpr (lo .. hi), header stack, list
  StmtPtr body;
};

struct BreakStmt : Stmt {
  explicit BreakStmt(SourceLocation l) : Stmt(NodeKind::BreakStmt, l) {}
  P4WB_CLASSOF1(BreakStmt)
};

struct ContinueStmt : Stmt {
  explicit ContinueStmt(SourceLocation l) : Stmt(NodeKind::ContinueStmt, l) {}
  P4WB_CLASSOF1(ContinueStmt)
};

// ---------------------------------------------------------------- declarations

struct Decl : Node {
  using Node::Node;
  static bool classof(NodeKind k);
  std::string name;
  std::vector<Annotation> annotations;
  const Annotation* findAnnotation(const std::string& n) const;
  // Just past the last token of the declaration (parser-filled; invalid when unknown).
  SourceLocation endLoc;
  // sema: the type this declaration introduces or has (e.g. StructType for a header
  // decl, BitsType for a bit<8> variable, CallableType for a parser).
  const sema::Type* type = nullptr;
};

enum class Direction : std::uint8_t { None, In, Out, InOut };
const char* directionSpelling(Direction d);

struct TypeParamDecl : Decl {
  explicit TypeParamDecl(SourceLocation l) : Decl(NodeKind::TypeParamDecl, l) {}
  P4WB_CLASSOF1(TypeParamDecl)
};
using TypeParams = std::vector<std::unique_ptr<TypeParamDecl>>;

struct ParamDecl : Decl {
  explicit ParamDecl(SourceLocation l) : Decl(NodeKind::ParamDecl, l) {}
  P4WB_CLASSOF1(ParamDecl)
  Direction direction = Direction::None;
  TypeRefPtr typeRef;
  ExprPtr defaultValue;  // may be null
  unsigned index = 0;    // position in its parameter list
};
using Params = std::vector<std::unique_ptr<ParamDecl>>;

struct TypedefDecl : Decl {
  explicit TypedefDecl(SourceLocation l) : Decl(NodeKind::TypedefDecl, l) {}
  P4WB_CLASSOF1(TypedefDecl)
  bool isNewType = false;  // `type` rather than `typedef`
  TypeRefPtr aliased;
};

struct FieldDecl : Decl {
  explicit FieldDecl(SourceLocation l) : Decl(NodeKind::FieldDecl, l) {}
  P4WB_CLASSOF1(FieldDecl)
  TypeRefPtr typeRef;
};

// header / struct / header_union.
struct StructTypeDecl : Decl {
  explicit StructTypeDecl(NodeKind k, SourceLocation l) : Decl(k, l) {}
  static bool classof(NodeKind k) {
    return k == NodeKind::HeaderDecl || k == NodeKind::StructDecl ||
           k == NodeKind::HeaderUnionDecl;
  }
  TypeParams typeParams;
  std::vector<std::unique_ptr<FieldDecl>> fields;
};

struct EnumMemberDecl : Decl {
  explicit EnumMemberDecl(SourceLocation l) : Decl(NodeKind::EnumMemberDecl, l) {}
  P4WB_CLASSOF1(EnumMemberDecl)
  ExprPtr value;  // serializable enums only
  const Decl* parent = nullptr;  // the EnumDecl / ErrorDecl / MatchKindDecl
  unsigned index = 0;
};

// enum, enum bit<N>, error { }, match_kind { }.
struct EnumDecl : Decl {
  explicit EnumDecl(NodeKind k, SourceLocation l) : Decl(k, l) {}
  static bool classof(NodeKind k) {
    return k == NodeKind::EnumDecl || k == NodeKind::ErrorDecl ||
           k == NodeKind::MatchKindDecl;
  }
  TypeRefPtr underlying;  // enum bit<8> E { ... }; null otherwise
  std::vector<std::unique_ptr<EnumMemberDecl>> members;
};

// `const T x = e;` (kind ConstDecl) and `T x [= e];` (kind VariableDecl).
struct VariableDecl : Decl {
  explicit VariableDecl(NodeKind k, SourceLocation l) : Decl(k, l) {}
  static bool classof(NodeKind k) {
    return k == NodeKind::ConstDecl || k == NodeKind::VariableDecl;
  }
  bool isConst() const { return kind == NodeKind::ConstDecl; }
  TypeRefPtr typeRef;
  ExprPtr init;  // may be null for variables
};

// A signature without body: extern function, extern method, constructor, abstract.
struct FunctionPrototype : Decl {
  explicit FunctionPrototype(SourceLocation l) : Decl(NodeKind::FunctionPrototype, l) {}
  P4WB_CLASSOF1(FunctionPrototype)
  TypeRefPtr returnType;  // null for constructors
  TypeParams typeParams;
  Params params;
  bool isConstructor = false;
  bool isAbstract = false;
  const struct ExternDecl* owner = nullptr;  // methods and constructors
};

struct FunctionDecl : Decl {
  explicit FunctionDecl(SourceLocation l) : Decl(NodeKind::FunctionDecl, l) {}
  P4WB_CLASSOF1(FunctionDecl)
  TypeRefPtr returnType;
  TypeParams typeParams;
  Params params;
  std::unique_ptr<BlockStmt> body;
};

struct ExternDecl : Decl {
  explicit ExternDecl(SourceLocation l) : Decl(NodeKind::ExternDecl, l) {}
  P4WB_CLASSOF1(ExternDecl)
  TypeParams typeParams;
  std::vector<std::unique_ptr<FunctionPrototype>> methods;  // constructors included
};

// parser P<H>(...); control C<H>(...); package Pkg<H>(...);
struct BlockTypeDecl : Decl {
  explicit BlockTypeDecl(NodeKind k, SourceLocation l) : Decl(k, l) {}
  static bool classof(NodeKind k) {
    return k == NodeKind::ParserTypeDecl || k == NodeKind::ControlTypeDecl ||
           k == NodeKind::PackageTypeDecl;
  }
  TypeParams typeParams;
  Params params;
};

struct ActionDecl : Decl {
  explicit ActionDecl(SourceLocation l) : Decl(NodeKind::ActionDecl, l) {}
  P4WB_CLASSOF1(ActionDecl)
  Params params;  // directional params are bound by the caller, the rest by the table
  std::unique_ptr<BlockStmt> body;
  const Decl* enclosing = nullptr;  // ControlDecl, or null at top level (NoAction)
};

// A table action list element or the default action: `a`, `a(1, x)`.
struct ActionRef {
  SourceLocation loc;
  ExprPtr expr;  // as written (PathExpr or CallExpr)
  std::vector<Annotation> annotations;  // @defaultonly, @tableonly
  // sema:
  const ActionDecl* action = nullptr;
  std::vector<const Expr*> args;  // bound arguments, in parameter order
};

struct TableKey {
  SourceLocation loc;
  ExprPtr expr;
  std::string matchKind;  // "exact", "lpm", "ternary", ...
  SourceLocation matchKindLoc;
  std::vector<Annotation> annotations;  // @name("...")
  const EnumMemberDecl* matchKindDecl = nullptr;  // sema
};

struct TableEntry {
  SourceLocation loc;
  std::vector<ExprPtr> keys;  // one keyset expression per key (ListExpr split apart)
  ActionRef action;
  ExprPtr priority;  // `priority = N :` when given
  bool isConst = false;
};

// Table properties pre-digested by the parser (syntax) and sema (resolution).
struct TableDecl : Decl {
  explicit TableDecl(SourceLocation l) : Decl(NodeKind::TableDecl, l) {}
  P4WB_CLASSOF1(TableDecl)
  std::vector<TableKey> keys;
  std::vector<ActionRef> actions;
  std::optional<ActionRef> defaultAction;  // absent: NoAction
  bool defaultActionConst = false;
  ExprPtr size;  // may be null
  std::optional<std::uint64_t> sizeValue;  // sema
  ExprPtr implementation;  // e.g. hash_table(1024)
  std::vector<TableEntry> entries;
  bool entriesConst = false;
  // Other `name = expr;` properties (support, psa_*), in order.
  std::vector<std::pair<std::string, ExprPtr>> otherProperties;
  const Decl* enclosing = nullptr;  // ControlDecl
};

struct InstantiationDecl : Decl {
  explicit InstantiationDecl(SourceLocation l) : Decl(NodeKind::InstantiationDecl, l) {}
  P4WB_CLASSOF1(InstantiationDecl)
  TypeRefPtr typeRef;  // Named type, possibly specialized
  std::vector<Argument> args;  // constructor arguments
  // `= { ... }`: FunctionDecls implementing the extern's abstract methods.
  std::vector<DeclPtr> initializer;
  // sema: ExternDecl, ParserDecl, ControlDecl or BlockTypeDecl(package) instantiated
  const Decl* instantiated = nullptr;
};

struct ValueSetDecl : Decl {
  explicit ValueSetDecl(SourceLocation l) : Decl(NodeKind::ValueSetDecl, l) {}
  P4WB_CLASSOF1(ValueSetDecl)
  TypeRefPtr elementType;
  ExprPtr size;
};

struct SelectCase {
  SourceLocation loc;
  std::vector<ExprPtr> keysets;  // one per select expression; DefaultExpr for default/_
  std::string nextState;
  SourceLocation nextLoc;
  // sema: the state, or null with isAccept/isReject
  const struct ParserStateDecl* target = nullptr;
};

struct Transition {
  enum class Kind : std::uint8_t { None, Direct, Select };
  Kind kind = Kind::None;  // None: missing (sema reports; acts as reject)
  SourceLocation loc;
  // Direct:
  std::string nextState;
  SourceLocation nextLoc;
  const struct ParserStateDecl* target = nullptr;  // sema; null for accept/reject
  // Select:
  std::vector<ExprPtr> selectExprs;
  std::vector<SelectCase> cases;
};

inline bool isAcceptState(const std::string& n) { return n == "accept"; }
inline bool isRejectState(const std::string& n) { return n == "reject"; }

struct ParserStateDecl : Decl {
  explicit ParserStateDecl(SourceLocation l) : Decl(NodeKind::ParserStateDecl, l) {}
  P4WB_CLASSOF1(ParserStateDecl)
  std::vector<StmtPtr> stmts;
  Transition transition;
};

struct ParserDecl : Decl {
  explicit ParserDecl(SourceLocation l) : Decl(NodeKind::ParserDecl, l) {}
  P4WB_CLASSOF1(ParserDecl)
  TypeParams typeParams;
  Params params;      // apply parameters
  Params ctorParams;  // constructor parameters (rare)
  std::vector<DeclPtr> locals;  // VariableDecl, ConstDecl, InstantiationDecl, ValueSetDecl
  std::vector<std::unique_ptr<ParserStateDecl>> states;
  const ParserStateDecl* findState(const std::string& n) const;
};

struct ControlDecl : Decl {
  explicit ControlDecl(SourceLocation l) : Decl(NodeKind::ControlDecl, l) {}
  P4WB_CLASSOF1(ControlDecl)
  TypeParams typeParams;
  Params params;
  Params ctorParams;
  // ActionDecl, TableDecl, VariableDecl, ConstDecl, InstantiationDecl, in source order.
  std::vector<DeclPtr> locals;
  std::unique_ptr<BlockStmt> apply;  // null only after a parse error
};

// The whole translation unit after preprocessing (include files included).
struct Program : Node {
  Program() : Node(NodeKind::Program) {}
  P4WB_CLASSOF1(Program)
  std::vector<DeclPtr> decls;
};

#undef P4WB_CLASSOF1

}  // namespace p4wb::compiler::ast
