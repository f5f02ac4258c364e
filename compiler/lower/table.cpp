// Tables (docs/schema.md): an exact-match table is a BPF HASH map whose key is the
// packed key fields in network byte order and whose value is a u32 action id followed by
// that action's parameters (network byte order). A miss reads entry 0 of the one-entry
// ARRAY `<map>_def`; an all-zero slot there means "run the default action compiled in".
// A table with one lpm key is an LPM_TRIE (BPF_F_NO_PREALLOC) whose key starts with a u32
// prefix length (host order), then the exact fields, the lpm field last.
#include <algorithm>
#include <cstdio>
#include <set>

#include <llvm/ADT/StringExtras.h>

#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

std::string exprText(const ast::Expr* e) {
  if (const auto* p = ast::dynCast<ast::PathExpr>(e)) return p->name;
  if (const auto* m = ast::dynCast<ast::MemberExpr>(e))
    return exprText(m->base.get()) + "." + m->member;
  if (const auto* c = ast::dynCast<ast::CallExpr>(e)) return exprText(c->callee.get()) + "()";
  return "expr";
}

namespace {

std::string toIdentifier(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "f" + out;
  return out;
}

// Display hint from the width and the names involved (typedef or field name).
std::string formatFor(unsigned bits, const std::string& names) {
  std::string lower;
  for (char c : names) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (bits == 48 &&
      (lower.find("mac") != std::string::npos || lower.find("eth") != std::string::npos))
    return "mac";
  if (bits == 32 &&
      (lower.find("ip") != std::string::npos || lower.find("addr") != std::string::npos))
    return "ipv4";
  if (bits == 128 && lower.find("ip") != std::string::npos) return "ipv6";
  return bits <= 64 ? "dec" : "hex";
}

// The names a format hint can come from: the declared type name and the field name.
std::string typeNames(const ast::Expr* e) {
  std::string names = exprText(e);
  if (const auto* m = ast::dynCast<ast::MemberExpr>(e))
    if (const auto* f = ast::dynCast<ast::FieldDecl>(m->resolved))
      if (f->typeRef) names += " " + f->typeRef->name;
  return names;
}

// A constant in the display format of its field (what `p4wb table` accepts).
std::string constText(const sema::ConstValue& v, const std::string& format) {
  if (v.kind != sema::ConstValue::Kind::Int) return v.toString();
  std::uint64_t x = v.asU64();
  char buf[64];
  if (format == "ipv4") {
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", unsigned(x >> 24 & 255), unsigned(x >> 16 & 255),
                  unsigned(x >> 8 & 255), unsigned(x & 255));
    return buf;
  }
  if (format == "mac") {
    std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", unsigned(x >> 40 & 255),
                  unsigned(x >> 32 & 255), unsigned(x >> 24 & 255), unsigned(x >> 16 & 255),
                  unsigned(x >> 8 & 255), unsigned(x & 255));
    return buf;
  }
  return v.toString();
}

std::string keysetText(const ast::Expr* e, const std::string& format) {
  if (ast::isa<ast::DefaultExpr>(e)) return "_";
  if (e->constValue) return constText(*e->constValue, format);
  if (const auto* m = ast::dynCast<ast::MaskExpr>(e)) {
    const ast::Expr* mask = m->mask.get();
    std::string maskText = keysetText(mask, "hex");
    if (mask->constValue && mask->constValue->kind == sema::ConstValue::Kind::Int)
      maskText = "0x" + llvm::StringRef(llvm::toString(mask->constValue->value, 16, false)).lower();
    return keysetText(m->value.get(), format) + "&&&" + maskText;
  }
  if (const auto* r = ast::dynCast<ast::RangeExpr>(e))
    return keysetText(r->lo.get(), format) + ".." + keysetText(r->hi.get(), format);
  return "?";
}

std::string lastComponent(const std::string& dotted) {
  std::size_t dot = dotted.rfind('.');
  return dot == std::string::npos ? dotted : dotted.substr(dot + 1);
}

llvm::DIType* fieldDiType(LowerContext& ctx, unsigned bytes) {
  return bytes == 1 ? ctx.diU8() : ctx.diByteArray(bytes);
}

}  // namespace

// The arguments of an action reference as the runtime's table syntax writes them:
// in the parameter's display format; enum members as the number stored for them.
std::vector<std::string> Lowerer::argTexts(const ast::ActionRef& ref) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ref.args.size(); ++i) {
    const ast::Expr* arg = ref.args[i];
    const ast::ParamDecl* p =
        ref.action && i < ref.action->params.size() ? ref.action->params[i].get() : nullptr;
    if (!arg || !arg->constValue) {
      out.push_back("?");
      continue;
    }
    if (arg->constValue->kind == sema::ConstValue::Kind::Member) {
      llvm::Value* v = enumMemberValue(arg->constValue->member, arg->type);
      auto* c = llvm::dyn_cast<llvm::ConstantInt>(v);
      out.push_back(c ? std::to_string(c->getZExtValue()) : "?");
      continue;
    }
    unsigned bits = p ? storageBits(p->type) : 0;
    std::string names = p ? p->name + " " + (p->typeRef ? p->typeRef->name : "") : "";
    out.push_back(constText(*arg->constValue, formatFor(bits, names)));
  }
  return out;
}

unsigned Lowerer::storageBits(const sema::Type* type) {
  if (!type) return 0;
  // Plain enums (xdp_action, error) are stored as their 32-bit numbering.
  if ((type->kind == sema::TypeKind::Enum || type->kind == sema::TypeKind::Error) &&
      type->bitWidth() == 0)
    return 32;
  return type->bitWidth();
}

std::string Lowerer::controlLocalName(const ast::Decl* decl) const {
  const ast::Decl* enclosing = nullptr;
  if (const auto* a = ast::dynCast<ast::ActionDecl>(decl)) enclosing = a->enclosing;
  if (const auto* t = ast::dynCast<ast::TableDecl>(decl)) enclosing = t->enclosing;
  // Inside an instance applied in a control, its locals are named by the instance.
  for (auto it = m_controlFrames.rbegin(); it != m_controlFrames.rend(); ++it)
    if (it->control == enclosing) return it->path + "." + decl->name;
  return enclosing ? enclosing->name + "." + decl->name : decl->name;
}

std::string Lowerer::instancePath() const {
  return m_controlFrames.empty() ? std::string() : m_controlFrames.back().path;
}

std::string Lowerer::instanceLocalName(const std::string& local) const {
  std::string path = instancePath();
  return path.empty() ? local : path + "." + local;
}

// Appends one key field at the end of the key laid out so far.
bool Lowerer::layoutKey(TableLayout& l, const ast::TableKey& k) {
  FieldLayout f;
  f.name = exprText(k.expr.get());
  for (const ast::Annotation& a : k.annotations)
    if (a.name == "name" && !a.args.empty())
      if (const auto* s = ast::dynCast<ast::StringLiteralExpr>(a.args[0].get())) f.name = s->value;
  f.match = k.matchKind;
  f.bits = storageBits(k.expr->type);
  if (f.bits == 0) {
    unsupported(k.loc, "a table key of type " + (k.expr->type ? k.expr->type->toString() : "?"));
    return false;
  }
  f.bytes = (f.bits + 7) / 8;
  f.offset = l.keySize;
  f.format = formatFor(f.bits, typeNames(k.expr.get()));
  l.keySize += f.bytes;
  l.keys.push_back(f);
  return true;
}

// Exact keys in declaration order, then the one lpm key: an LPM trie key starts with the
// u32 prefix length and ends with the lpm field. The schema keeps declaration order (the
// order users give values in); the offsets say where each field is in the key.
bool Lowerer::layoutExactLpm(TableLayout& l, const ast::TableDecl& decl,
                             const ast::TableKey* lpmKey) {
  bool ok = true;
  if (lpmKey) l.keySize = 4;
  std::vector<const ast::TableKey*> order;  // the key the i-th laid-out field comes from
  for (const ast::TableKey& k : decl.keys) {
    if (&k == lpmKey || k.matchKind != "exact") continue;
    if (!layoutKey(l, k)) ok = false;
    order.push_back(&k);
  }
  if (lpmKey) {
    if (!layoutKey(l, *lpmKey)) ok = false;
    order.push_back(lpmKey);
  }
  if (lpmKey && ok) {
    std::vector<FieldLayout> ordered;
    for (const ast::TableKey& k : decl.keys)
      for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] == &k) ordered.push_back(l.keys[i]);
    l.keys = std::move(ordered);
    l.mapType = "lpm_trie";
  }
  return ok;
}

bool Lowerer::layoutTable(LoweredTable& t) {
  const ast::TableDecl* decl = t.decl;
  TableLayout& l = t.layout;
  l.name = controlLocalName(decl);
  l.map = toIdentifier(l.name);
  l.defaultMap = l.map + "_def";
  l.maxEntries = static_cast<std::uint32_t>(decl->sizeValue.value_or(1024));
  // ebpf_model.p4's `implementation = hash_table(N)` / `array_table(N)` gives the size.
  if (const auto* impl = ast::dynCast<ast::CallExpr>(decl->implementation.get())) {
    if (!impl->args.empty() && impl->args[0].value && impl->args[0].value->constValue)
      l.maxEntries = static_cast<std::uint32_t>(impl->args[0].value->constValue->asU64());
  }
  if (l.maxEntries == 0) l.maxEntries = 1;
  bool ok = true;
  const ast::TableKey* lpmKey = nullptr;
  unsigned lpmKeys = 0;
  bool scan = false;  // ternary/range or several lpm keys: a priority-ordered array scan
  for (const ast::TableKey& k : decl->keys) {
    if (k.matchKind == "lpm") {
      ++lpmKeys;
      lpmKey = &k;
    } else if (k.matchKind == "ternary" || k.matchKind == "range") {
      scan = true;
    } else if (k.matchKind != "exact") {
      unsupported(k.matchKindLoc.valid() ? k.matchKindLoc : k.loc,
                  "match kind '" + k.matchKind + "' (exact, lpm, ternary and range are)");
      ok = false;
    }
  }
  if (scan || lpmKeys > 1) {
    scan = true;
    lpmKey = nullptr;
    for (const ast::TableKey& k : decl->keys)
      if (!layoutKey(l, k)) ok = false;
  } else {
    ok = layoutExactLpm(l, *decl, lpmKey) && ok;
  }
  unsigned paramBytes = 0;
  for (const ast::ActionRef& ref : decl->actions) {
    if (!ref.action) continue;
    ActionLayout a;
    a.name = controlLocalName(ref.action);
    a.id = static_cast<std::uint32_t>(t.actions.size() + 1);
    unsigned offset = 4;
    for (const auto& p : ref.action->params) {
      if (p->direction != ast::Direction::None) continue;
      FieldLayout f;
      f.name = p->name;
      f.bits = storageBits(p->type);
      if (f.bits == 0) {
        unsupported(p->loc, "an action parameter of type " + (p->type ? p->type->toString() : "?"));
        ok = false;
        continue;
      }
      f.bytes = (f.bits + 7) / 8;
      f.offset = offset;
      f.format = formatFor(f.bits, p->name + " " + (p->typeRef ? p->typeRef->name : ""));
      offset += f.bytes;
      a.params.push_back(f);
    }
    paramBytes = std::max(paramBytes, offset - 4);
    t.actions.push_back(ref.action);
    l.actions.push_back(a);
  }
  l.valueSize = 4 + paramBytes;
  if (scan && ok) ok = layoutScan(t);
  if (decl->defaultAction && decl->defaultAction->action) {
    l.defaultAction.action = controlLocalName(decl->defaultAction->action);
    l.defaultAction.args = argTexts(*decl->defaultAction);
  } else {
    l.defaultAction.action = "NoAction";
  }
  l.defaultAction.isConst = decl->defaultActionConst;
  l.entriesConst = decl->entriesConst && !decl->entries.empty();
  for (const ast::TableEntry& e : decl->entries) {
    ConstEntryLayout entry;
    for (std::size_t i = 0; i < e.keys.size(); ++i)
      entry.keys.push_back(
          keysetText(e.keys[i].get(), i < l.keys.size() ? l.keys[i].format : "dec"));
    // `_` alone (or `default`) stands for every key of a multi-key table.
    if (e.keys.size() == 1 && l.keys.size() > 1 && ast::isa<ast::DefaultExpr>(e.keys[0].get()))
      entry.keys.assign(l.keys.size(), "_");
    entry.action = e.action.action ? controlLocalName(e.action.action) : "?";
    entry.args = argTexts(e.action);
    l.constEntries.push_back(entry);
  }
  if (l.scan) layoutScanEntries(t);
  return ok;
}

void Lowerer::defineTableMaps(LoweredTable& t) {
  TableLayout& l = t.layout;
  unsigned line = t.decl->loc.line;
  std::vector<BtfMember> members;
  std::set<std::string> used;
  if (l.mapType == "lpm_trie") {
    members.push_back({"prefixlen", m_ctx.diU32(), 0});
    used.insert("prefixlen");
  }
  for (const FieldLayout& f : l.keys) {
    std::string name = toIdentifier(lastComponent(f.name));
    while (!used.insert(name).second) name += "_";
    members.push_back({name, fieldDiType(m_ctx, f.bytes), f.offset});
  }
  // BTF wants members in offset order (an lpm key moves its lpm field last).
  std::stable_sort(members.begin(), members.end(),
                   [](const BtfMember& a, const BtfMember& b) { return a.offset < b.offset; });
  std::vector<BtfMember> variants;
  for (const ActionLayout& a : l.actions) {
    if (a.params.empty()) continue;
    std::vector<BtfMember> params;
    unsigned size = 0;
    for (const FieldLayout& p : a.params) {
      params.push_back({toIdentifier(p.name), fieldDiType(m_ctx, p.bytes), p.offset - 4});
      size = std::max(size, p.offset - 4 + p.bytes);
    }
    std::string action = toIdentifier(lastComponent(a.name));
    variants.push_back(
        {action, createBtfStruct(m_ctx, l.map + "_" + action, size, params, line), 0});
  }
  std::vector<BtfMember> valueMembers = {{"action", m_ctx.diU32(), 0}};
  if (!variants.empty())
    valueMembers.push_back(
        {"params", createBtfUnion(m_ctx, "", l.valueSize - 4, variants, line), 4});
  llvm::DIType* value = createBtfStruct(m_ctx, l.map + "_value", l.valueSize, valueMembers, line);
  if (l.scan) {
    defineScanMap(t, value);
  } else if (!l.keys.empty()) {
    llvm::DIType* key = createBtfStruct(m_ctx, l.map + "_key", l.keySize, members, line);
    if (l.mapType == "lpm_trie") {
      // BPF_F_NO_PREALLOC: the kernel refuses LPM tries without it.
      t.map = defineMap(m_ctx, {l.map, BpfMapType::LpmTrie, key, value, l.maxEntries, 1u, line});
    } else {
      t.map = defineMap(m_ctx, {l.map, BpfMapType::Hash, key, value, l.maxEntries, 0, line});
      l.mapType = "hash";
    }
  } else {
    // A keyless table always misses: its only state is the default slot.
    l.map = l.defaultMap;
    l.mapType = "array";
    l.keySize = 4;
    l.maxEntries = 1;
  }
  t.defaultMap =
      defineMap(m_ctx, {l.defaultMap, BpfMapType::Array, m_ctx.diU32(), value, 1, 0, line});
}

LoweredTable* Lowerer::tableFor(const ast::TableDecl* table) {
  std::string key = controlLocalName(table);
  if (auto it = m_tables.find(key); it != m_tables.end()) return it->second.get();
  auto t = std::make_unique<LoweredTable>();
  t->decl = table;
  bool ok = layoutTable(*t);
  if (ok) defineTableMaps(*t);
  std::string name = t->layout.name;
  t->hitStage = m_stages.add(StageKind::TableHit, name, fileName(table->loc), table->loc.line,
                             table->loc.column);
  t->missStage = m_stages.add(StageKind::TableMiss, name, fileName(table->loc), table->loc.line,
                              table->loc.column);
  if (ok) m_layout.tables.push_back(t->layout);
  LoweredTable* raw = t.get();
  m_tables[key] = std::move(t);
  return raw;
}

}  // namespace p4wb::compiler
