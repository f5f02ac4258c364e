// A diagnostic as the editor shows it: a place in the open buffer and a sentence.
// Qt-only value type so the editor does not depend on the compiler driver.
#pragma once

#include <QString>

namespace p4wb::editor {

struct EditorDiagnostic {
  enum class Severity { Error, Warning, Note };
  Severity severity = Severity::Error;
  int line = 0;    // 1-based, as the compiler reports it
  int column = 0;  // 1-based; 0 when only the line is known
  QString message;
};

}  // namespace p4wb::editor
