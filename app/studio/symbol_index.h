// SymbolIndex: the compiler's symbol index of the last compile (CompileResult::symbols,
// references, typeMembers) answering the editor's CodeIntel questions: go to
// definition, hover text and completion of names in scope and of members after '.'.
// Positions refer to the compiled text; after edits the answers fall back to names.
#pragma once

#include <QString>
#include <functional>
#include <vector>

#include "compiler/driver/driver.h"
#include "editor/code_intel.h"

namespace p4wb::app {

class SymbolIndex : public editor::CodeIntel {
 public:
  // Takes the index of a compile; isMainFile tells which `file` names mean the edited
  // file (the compiler's inMainFile flag covers declarations, not references).
  void update(const compiler::CompileResult& result,
              const std::function<bool(const QString&)>& isMainFile);
  void clear();
  bool isEmpty() const { return m_symbols.empty(); }
  const std::vector<compiler::SymbolInfo>& symbols() const { return m_symbols; }

  std::optional<editor::SourcePlace> definitionOf(const QString& word, int line,
                                                  int column) const override;
  QString describe(const QString& word, int line, int column) const override;
  QStringList completions(const QStringList& path, int line) const override;

  // The symbol `word` at line/column means, or null (exposed for tests).
  const compiler::SymbolInfo* symbolAt(const QString& word, int line, int column) const;
  // The type name an expression path has at `line` ({"hdr", "ipv4"} -> "ipv4_t"), or "".
  QString typeOfPath(const QStringList& path, int line) const;

 private:
  std::vector<QString> enclosingAt(int line) const;
  const compiler::SymbolInfo* visible(const QString& name, int line) const;
  const compiler::TypeMemberList* membersOf(const QString& type) const;
  QString memberType(const QString& type, const QString& member) const;

  std::vector<compiler::SymbolInfo> m_symbols;
  std::vector<compiler::SymbolReference> m_references;  // main file only
  compiler::TypeMembers m_members;
};

// "inout headers_t" -> "headers_t"; "bit<32>" stays; "T[4]" -> "T".
QString bareTypeName(const std::string& typeText);

}  // namespace p4wb::app
