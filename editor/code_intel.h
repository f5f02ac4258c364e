// What the editor asks about the program's names: where a name is declared, what it is
// (for hover), and which names fit at the caret (for completion). The app answers from
// the compiler's symbol index; the editor only knows this interface, so editor/ stays
// free of anything past the lexer. Answers may be stale (from the last compile); the
// editor treats them as hints and never fails on a missing one.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace p4wb::editor {

struct SourcePlace {
  QString file;  // as the compiler names it (path, or a built-in include's name)
  int line = 0;  // 1-based
  int column = 0;  // 1-based
};

class CodeIntel {
 public:
  virtual ~CodeIntel() = default;
  // The declaration of `word`, written at 1-based line/column of the editor's file.
  virtual std::optional<SourcePlace> definitionOf(const QString& word, int line,
                                                  int column) const = 0;
  // One or two lines about `word` there ("parameter hdr: inout headers_t"), or "".
  virtual QString describe(const QString& word, int line, int column) const = 0;
  // Names to offer at `line`: with an empty path the names in scope there, after
  // "hdr.ipv4." (path {"hdr", "ipv4"}) the members of that expression's type.
  virtual QStringList completions(const QStringList& path, int line) const = 0;
};

}  // namespace p4wb::editor
