// The P4 file the workbench edits: its path on disk (empty while untitled) and the
// file I/O for it. Errors come back as sentences; nothing here shows dialogs.
#pragma once

#include <QString>

namespace p4wb::app {

class Document {
 public:
  // Reads `path` into `text`; on failure returns false and sets `error`.
  bool load(const QString& path, QString* text, QString* error);
  // Writes `text` to `path` (atomically) and adopts it as the document's path.
  bool saveAs(const QString& path, const QString& text, QString* error);

  bool isUntitled() const { return m_path.isEmpty(); }
  QString path() const { return m_path; }  // absolute, or empty
  QString displayName() const;             // file name, or "untitled.p4"
  // The name given to the compiler: the real path, so #include "..." resolves next to it.
  QString compilerPath() const;

 private:
  QString m_path;
};

}  // namespace p4wb::app
