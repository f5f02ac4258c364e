#include "app/studio/symbol_index.h"

#include <QSet>

namespace p4wb::app {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// Declarations that open a scope: their members name them as `container`.
bool isScope(const std::string& kind) {
  return kind == "parser" || kind == "control" || kind == "action" || kind == "function" ||
         kind == "state" || kind == "table" || kind == "extern";
}

// Names that never complete bare: they are reached through their container.
bool needsContainer(const compiler::SymbolInfo& s) {
  return s.kind == "field" || s.kind == "extern_method" || s.kind == "match_kind" ||
         s.kind == "error";
}

bool contains(const compiler::SymbolInfo& s, int line) {
  const int end = s.endLine > 0 ? static_cast<int>(s.endLine) : static_cast<int>(s.line);
  return static_cast<int>(s.line) <= line && line <= end;
}

}  // namespace

QString bareTypeName(const std::string& typeText) {
  QString t = q(typeText).trimmed();
  for (const char* direction : {"inout ", "in ", "out "})
    if (t.startsWith(QLatin1String(direction))) t = t.mid(static_cast<int>(strlen(direction)));
  if (const int bracket = t.indexOf(QLatin1Char('[')); bracket > 0) t = t.left(bracket);
  return t.trimmed();
}

void SymbolIndex::update(const compiler::CompileResult& result,
                         const std::function<bool(const QString&)>& isMainFile) {
  // A failed parse can leave an empty index; keep the last good one for the editor.
  if (result.symbols.empty()) return;
  m_symbols = result.symbols;
  m_members = result.typeMembers;
  m_references.clear();
  QHash<QString, bool> cache;
  for (const compiler::SymbolReference& r : result.references) {
    const QString file = q(r.file);
    auto it = cache.find(file);
    if (it == cache.end()) it = cache.insert(file, isMainFile(file));
    if (*it) m_references.push_back(r);
  }
}

void SymbolIndex::clear() {
  m_symbols.clear();
  m_references.clear();
  m_members.clear();
}

std::vector<QString> SymbolIndex::enclosingAt(int line) const {
  std::vector<QString> out;  // outermost first
  for (const compiler::SymbolInfo& s : m_symbols)
    if (s.inMainFile && isScope(s.kind) && contains(s, line)) out.push_back(q(s.name));
  return out;
}

const compiler::SymbolInfo* SymbolIndex::visible(const QString& name, int line) const {
  // Innermost enclosing scope first, then top level, then anything with the name.
  const std::vector<QString> scopes = enclosingAt(line);
  const std::string n = name.toStdString();
  for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope)
    for (const compiler::SymbolInfo& s : m_symbols)
      if (s.name == n && q(s.container) == *scope) return &s;
  for (const compiler::SymbolInfo& s : m_symbols)
    if (s.name == n && s.container.empty()) return &s;
  for (const compiler::SymbolInfo& s : m_symbols)
    if (s.name == n) return &s;
  return nullptr;
}

const compiler::SymbolInfo* SymbolIndex::symbolAt(const QString& word, int line, int column) const {
  const std::string w = word.toStdString();
  for (const compiler::SymbolReference& r : m_references)
    if (static_cast<int>(r.line) == line && static_cast<int>(r.column) <= column &&
        column <= static_cast<int>(r.column + r.length) && r.symbol >= 0 &&
        r.symbol < static_cast<int>(m_symbols.size()) &&
        m_symbols[static_cast<size_t>(r.symbol)].name == w)
      return &m_symbols[static_cast<size_t>(r.symbol)];
  for (const compiler::SymbolInfo& s : m_symbols)
    if (s.inMainFile && s.name == w && static_cast<int>(s.line) == line) return &s;
  return visible(word, line);
}

std::optional<editor::SourcePlace> SymbolIndex::definitionOf(const QString& word, int line,
                                                             int column) const {
  const compiler::SymbolInfo* s = symbolAt(word, line, column);
  if (!s || s->line == 0) return std::nullopt;
  return editor::SourcePlace{q(s->file), static_cast<int>(s->line), static_cast<int>(s->column)};
}

QString SymbolIndex::describe(const QString& word, int line, int column) const {
  const compiler::SymbolInfo* s = symbolAt(word, line, column);
  if (!s) return {};
  QString name = q(s->name);
  if (!s->container.empty()) name = q(s->container) + QLatin1Char('.') + name;
  QString text = QStringLiteral("%1 %2").arg(q(s->kind).replace(QLatin1Char('_'), QLatin1Char(' ')), name);
  if (!s->typeText.empty()) text += QStringLiteral(": ") + q(s->typeText);
  if (!s->inMainFile) text += QStringLiteral("\n(%1:%2)").arg(q(s->file)).arg(s->line);
  return text;
}

const compiler::TypeMemberList* SymbolIndex::membersOf(const QString& type) const {
  QString t = type;
  // Follow typedefs to the type that has members (a few steps at most).
  for (int hop = 0; hop < 4 && !t.isEmpty(); ++hop) {
    const std::string name = t.toStdString();
    for (const auto& [owner, members] : m_members)
      if (owner == name) return &members;
    QString next;
    for (const compiler::SymbolInfo& s : m_symbols)
      if (s.kind == "typedef" && s.name == name) next = bareTypeName(s.typeText);
    if (next == t) break;
    t = next;
  }
  return nullptr;
}

QString SymbolIndex::memberType(const QString& type, const QString& member) const {
  if (const compiler::TypeMemberList* members = membersOf(type))
    for (const auto& [name, memberTypeText] : *members)
      if (q(name) == member) return bareTypeName(memberTypeText);
  return {};
}

QString SymbolIndex::typeOfPath(const QStringList& path, int line) const {
  if (path.isEmpty()) return {};
  const compiler::SymbolInfo* first = visible(path.front(), line);
  if (!first) return {};
  // Tables, externs and enums are named by themselves; variables by their type.
  QString type = (first->kind == "table" || first->kind == "enum" || first->kind == "extern" ||
                  first->kind == "header" || first->kind == "struct")
                     ? q(first->name)
                     : bareTypeName(first->typeText);
  for (qsizetype i = 1; i < path.size() && !type.isEmpty(); ++i) type = memberType(type, path[i]);
  return type;
}

QStringList SymbolIndex::completions(const QStringList& path, int line) const {
  QSet<QString> seen;
  QStringList out;
  const auto add = [&](const QString& name) {
    if (!name.isEmpty() && !seen.contains(name)) {
      seen.insert(name);
      out << name;
    }
  };
  if (!path.isEmpty()) {
    if (const compiler::SymbolInfo* s = visible(path.front(), line);
        s && s->kind == "table" && path.size() == 1)
      add(QStringLiteral("apply"));
    if (const compiler::TypeMemberList* members = membersOf(typeOfPath(path, line)))
      for (const auto& member : *members) add(q(member.first));
    out.sort();
    return out;
  }
  const std::vector<QString> scopes = enclosingAt(line);
  for (const compiler::SymbolInfo& s : m_symbols) {
    if (needsContainer(s)) continue;
    const QString container = q(s.container);
    const bool inScope = container.isEmpty() ||
                         std::find(scopes.begin(), scopes.end(), container) != scopes.end();
    if (inScope) add(q(s.name));
  }
  out.sort();
  return out;
}

}  // namespace p4wb::app
