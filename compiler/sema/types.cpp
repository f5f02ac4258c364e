// Type printing, lookups and the TypeContext.
#include "compiler/sema/types.h"

namespace p4wb::compiler::sema {

std::string Type::toString() const {
  switch (kind) {
    case TypeKind::Unknown: return "<unknown>";
    case TypeKind::Void: return "void";
    case TypeKind::Bool: return newTypeName.empty() ? "bool" : newTypeName;
    case TypeKind::InfInt: return "int";
    case TypeKind::String: return "string";
    case TypeKind::DontCare: return "_";
    case TypeKind::State: return "state";
    default: return "<type>";
  }
}

std::string BitsType::toString() const {
  if (!newTypeName.empty()) return newTypeName;
  return std::string(isSigned ? "int<" : "bit<") + std::to_string(width) + ">";
}

std::string VarbitType::toString() const { return "varbit<" + std::to_string(maxWidth) + ">"; }

std::string StructType::toString() const {
  const char* k = kind == TypeKind::Header        ? "header"
                  : kind == TypeKind::HeaderUnion ? "header_union"
                                                  : "struct";
  return std::string(k) + " '" + name + "'";
}

const Field* StructType::field(const std::string& n) const {
  for (const auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

int StructType::fieldIndex(const std::string& n) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == n) return static_cast<int>(i);
  return -1;
}

std::string EnumType::toString() const {
  if (kind == TypeKind::Error) return "error";
  if (kind == TypeKind::MatchKind) return "match_kind";
  return "enum '" + name + "'";
}

const EnumMember* EnumType::member(const std::string& n) const {
  for (const auto& m : members)
    if (m.name == n) return &m;
  return nullptr;
}

int EnumType::memberIndex(const std::string& n) const {
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i].name == n) return static_cast<int>(i);
  return -1;
}

std::string HeaderStackType::toString() const {
  return (element ? element->toString() : "?") + "[" + std::to_string(size) + "]";
}

std::string TupleType::toString() const {
  std::string s = "tuple<";
  for (std::size_t i = 0; i < elements.size(); ++i)
    s += (i ? ", " : "") + (elements[i] ? elements[i]->toString() : "?");
  return s + ">";
}

std::string ListType::toString() const {
  return "list<" + (element ? element->toString() : std::string("?")) + ">";
}

std::string ExternType::toString() const {
  std::string s = "extern '" + (decl ? decl->name : std::string("?"));
  if (!typeArgs.empty()) {
    s += "<";
    for (std::size_t i = 0; i < typeArgs.size(); ++i)
      s += (i ? ", " : "") + (typeArgs[i] ? typeArgs[i]->toString() : "?");
    s += ">";
  }
  return s + "'";
}

std::string CallableType::toString() const {
  const char* k = "function";
  switch (kind) {
    case TypeKind::Parser: k = "parser"; break;
    case TypeKind::Control: k = "control"; break;
    case TypeKind::Package: k = "package"; break;
    case TypeKind::Action: k = "action"; break;
    default: break;
  }
  return std::string(k) + " '" + name + "'";
}

std::string TableType::toString() const {
  return "table '" + (decl ? decl->name : std::string("?")) + "'";
}

std::string TableResultType::toString() const {
  return "apply result of " + (table ? table->toString() : std::string("table"));
}

TypeContext::TypeContext() {
  m_unknown = make<Type>(TypeKind::Unknown);
  m_void = make<Type>(TypeKind::Void);
  m_bool = make<Type>(TypeKind::Bool);
  m_infInt = make<Type>(TypeKind::InfInt);
  m_string = make<Type>(TypeKind::String);
  m_dontCare = make<Type>(TypeKind::DontCare);
  m_state = make<Type>(TypeKind::State);
  m_error = make<EnumType>(TypeKind::Error, "error");
  m_matchKind = make<EnumType>(TypeKind::MatchKind, "match_kind");
}

TypeContext::~TypeContext() = default;

const BitsType* TypeContext::bits(unsigned width, bool isSigned) {
  auto key = std::make_pair(width, isSigned);
  auto it = m_bits.find(key);
  if (it != m_bits.end()) return it->second;
  const BitsType* t = make<BitsType>(width, isSigned);
  m_bits[key] = t;
  return t;
}

const VarbitType* TypeContext::varbit(unsigned maxWidth) {
  auto it = m_varbits.find(maxWidth);
  if (it != m_varbits.end()) return it->second;
  const VarbitType* t = make<VarbitType>(maxWidth);
  m_varbits[maxWidth] = t;
  return t;
}

const HeaderStackType* TypeContext::stack(const Type* element, unsigned size) {
  auto key = std::make_pair(element, size);
  auto it = m_stacks.find(key);
  if (it != m_stacks.end()) return it->second;
  const HeaderStackType* t = make<HeaderStackType>(element, size);
  m_stacks[key] = t;
  return t;
}

}  // namespace p4wb::compiler::sema
