// Semantic types of P4_16, created and owned by a TypeContext (one per front-end run).
// Types are interned where identity matters (bit<N>, int<N>, bool, ...) so pointer
// comparison works for them; struct/header/enum types are one object per declaration.
// Struct and header types carry their fields in declaration order with bit widths and
// bit offsets (packed, as in the packet), ready for lowering.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/APInt.h>

#include "compiler/ast/ast.h"

namespace p4wb::compiler::sema {

enum class TypeKind : std::uint8_t {
  Unknown,    // after an error; compatible with everything to avoid cascades
  Void,
  Bool,
  Bits,       // bit<N> and int<N> (BitsType::isSigned)
  Varbit,     // varbit<N>
  InfInt,     // arbitrary-precision int (unsized literals, `int` constants)
  String,
  Error,      // the error type (all error {} declarations merged)
  MatchKind,  // match_kind (all declarations merged)
  Enum,       // enum and enum bit<N>
  Struct,
  Header,
  HeaderUnion,
  HeaderStack,
  Tuple,
  List,       // list<T>: compile-time lists (spec 7.2.8)
  TypeVar,    // type parameter of a generic declaration
  Extern,     // extern object type (possibly specialized)
  Parser,     // parser type or parser declaration
  Control,    // control type or control declaration
  Package,
  Action,
  Function,   // extern function, method, P4 function
  Table,      // a table instance
  TableResult,  // the result of t.apply(): .hit, .miss, .action_run
  ActionEnum,   // type of t.apply().action_run
  State,      // parser state (for select targets)
  DontCare,   // `_`
};

class Type {
 public:
  explicit Type(TypeKind k) : kind(k) {}
  virtual ~Type() = default;
  Type(const Type&) = delete;
  Type& operator=(const Type&) = delete;

  TypeKind kind;
  // Set on the distinct copy a `type T Name;` declaration makes of bit<N>, int<N> or
  // bool (spec 7.6): values of T need an explicit cast to become Name and back.
  std::string newTypeName;
  const Type* newTypeBase = nullptr;

  // Human-readable, as in diagnostics: "bit<8>", "header 'ipv4_t'", "xdp_action".
  virtual std::string toString() const;
  // Width in bits of a fixed-size type (bit/int/bool/serializable enum/struct/header);
  // 0 for types without a fixed bit width.
  virtual unsigned bitWidth() const { return kind == TypeKind::Bool ? 1 : 0; }

  bool isUnknown() const { return kind == TypeKind::Unknown; }
  bool isBits() const { return kind == TypeKind::Bits; }
  // A `type bool B` is not bool: conditions and logical operators need a cast.
  bool isBool() const { return kind == TypeKind::Bool && newTypeName.empty(); }
  bool isHeaderLike() const {
    return kind == TypeKind::Header || kind == TypeKind::HeaderUnion;
  }
  bool isStructLike() const {
    return kind == TypeKind::Struct || kind == TypeKind::Header ||
           kind == TypeKind::HeaderUnion;
  }
};

class BitsType : public Type {
 public:
  BitsType(unsigned w, bool s) : Type(TypeKind::Bits), width(w), isSigned(s) {}
  unsigned width;
  bool isSigned;
  std::string toString() const override;
  unsigned bitWidth() const override { return width; }
};

class VarbitType : public Type {
 public:
  explicit VarbitType(unsigned w) : Type(TypeKind::Varbit), maxWidth(w) {}
  unsigned maxWidth;
  std::string toString() const override;
};

struct Field {
  std::string name;
  const Type* type = nullptr;
  unsigned bitOffset = 0;  // from the start of the header/struct, packed
  unsigned bitWidth = 0;   // type->bitWidth(); 0 for varbit and non-fixed types
  const ast::FieldDecl* decl = nullptr;
};

// struct, header and header_union (kind tells which).
class StructType : public Type {
 public:
  StructType(TypeKind k, std::string n) : Type(k), name(std::move(n)) {}
  std::string name;
  std::vector<Field> fields;
  unsigned totalBits = 0;  // sum of fixed field widths (for a header: its size)
  const ast::StructTypeDecl* decl = nullptr;

  const Field* field(const std::string& n) const;
  int fieldIndex(const std::string& n) const;
  std::string toString() const override;
  unsigned bitWidth() const override { return totalBits; }
};

struct EnumMember {
  std::string name;
  std::optional<llvm::APInt> value;  // serializable enums
  const ast::EnumMemberDecl* decl = nullptr;
};

// enum, error, match_kind and action_run enums (kind tells which).
class EnumType : public Type {
 public:
  EnumType(TypeKind k, std::string n) : Type(k), name(std::move(n)) {}
  std::string name;
  std::vector<EnumMember> members;  // error/match_kind: all declarations, merged
  const BitsType* underlying = nullptr;  // enum bit<N>; null otherwise
  const ast::EnumDecl* decl = nullptr;   // first declaration

  const EnumMember* member(const std::string& n) const;
  int memberIndex(const std::string& n) const;
  std::string toString() const override;
  unsigned bitWidth() const override { return underlying ? underlying->width : 0; }
};

class HeaderStackType : public Type {
 public:
  HeaderStackType(const Type* e, unsigned n) : Type(TypeKind::HeaderStack), element(e), size(n) {}
  const Type* element;
  unsigned size;
  std::string toString() const override;
};

class TupleType : public Type {
 public:
  TupleType() : Type(TypeKind::Tuple) {}
  std::vector<const Type*> elements;
  std::string toString() const override;
};

class ListType : public Type {
 public:
  explicit ListType(const Type* e) : Type(TypeKind::List), element(e) {}
  const Type* element;
  std::string toString() const override;
};

class TypeVar : public Type {
 public:
  TypeVar(std::string n, const ast::TypeParamDecl* d)
      : Type(TypeKind::TypeVar), name(std::move(n)), decl(d) {}
  std::string name;
  const ast::TypeParamDecl* decl;
  std::string toString() const override { return name; }
};

class ExternType : public Type {
 public:
  explicit ExternType(const ast::ExternDecl* d) : Type(TypeKind::Extern), decl(d) {}
  const ast::ExternDecl* decl;
  std::vector<const Type*> typeArgs;  // when specialized
  std::string toString() const override;
};

struct ParamInfo {
  std::string name;
  ast::Direction direction = ast::Direction::None;
  const Type* type = nullptr;
  const ast::ParamDecl* decl = nullptr;
};

// Parser, Control, Package, Action and Function types: a named signature.
class CallableType : public Type {
 public:
  CallableType(TypeKind k, std::string n) : Type(k), name(std::move(n)) {}
  std::string name;
  std::vector<const TypeVar*> typeParams;
  std::vector<ParamInfo> params;      // apply / call parameters
  std::vector<ParamInfo> ctorParams;  // parser/control constructor parameters
  const Type* returnType = nullptr;   // Function; Void otherwise
  const ast::Decl* decl = nullptr;
  std::string toString() const override;
};

class TableType : public Type {
 public:
  explicit TableType(const ast::TableDecl* d) : Type(TypeKind::Table), decl(d) {}
  const ast::TableDecl* decl;
  const EnumType* actionRun = nullptr;  // members = the table's actions, in order
  std::string toString() const override;
};

class TableResultType : public Type {
 public:
  explicit TableResultType(const TableType* t) : Type(TypeKind::TableResult), table(t) {}
  const TableType* table;
  std::string toString() const override;
};

// Owns every type of one front-end run and interns the simple ones.
class TypeContext {
 public:
  TypeContext();
  ~TypeContext();
  const Type* unknown() const { return m_unknown; }
  const Type* voidType() const { return m_void; }
  const Type* boolType() const { return m_bool; }
  const Type* infInt() const { return m_infInt; }
  const Type* stringType() const { return m_string; }
  const Type* dontCare() const { return m_dontCare; }
  const Type* state() const { return m_state; }
  const BitsType* bits(unsigned width, bool isSigned = false);
  const VarbitType* varbit(unsigned maxWidth);
  const HeaderStackType* stack(const Type* element, unsigned size);
  // The error and match_kind types (members appended as declarations are seen).
  EnumType* errorType() { return m_error; }
  EnumType* matchKindType() { return m_matchKind; }

  template <typename T, typename... Args>
  T* make(Args&&... args) {
    auto p = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = p.get();
    m_owned.push_back(std::move(p));
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Type>> m_owned;
  std::map<std::pair<unsigned, bool>, const BitsType*> m_bits;
  std::map<unsigned, const VarbitType*> m_varbits;
  std::map<std::pair<const Type*, unsigned>, const HeaderStackType*> m_stacks;
  const Type* m_unknown;
  const Type* m_void;
  const Type* m_bool;
  const Type* m_infInt;
  const Type* m_string;
  const Type* m_dontCare;
  const Type* m_state;
  EnumType* m_error;
  EnumType* m_matchKind;
};

}  // namespace p4wb::compiler::sema
