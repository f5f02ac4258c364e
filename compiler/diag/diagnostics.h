// DiagnosticEngine collects the front end's errors, warnings and notes with their
// original locations and renders them gcc-style ("file:line:col: error: msg", the source
// line and a caret). Kinds live in diag_kinds.def; reporting never throws or aborts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace p4wb::compiler {

struct Diagnostic;  // compiler/driver/driver.h, the public form

enum class DiagKind : unsigned short {
#define DIAG(Name, Severity, Format) Name,
#include "compiler/diag/diag_kinds.def"
};

enum class DiagSeverity : unsigned char { Error, Warning, Note };

struct DiagRecord {
  DiagKind kind = DiagKind::Note;
  DiagSeverity severity = DiagSeverity::Error;
  SourceLocation loc;
  // Optional text the caret line underlines ('~'), e.g. both operands of a bad binary
  // expression; only drawn when it is on loc's line.
  SourceLocation rangeBegin, rangeEnd;
  std::string message;  // formatted, without "error: "
};

class DiagnosticEngine {
 public:
  explicit DiagnosticEngine(const SourceManager& sources) : m_sources(sources) {}

  // Formats `kind`'s message with `args` ({0}, {1}, ...) and records it.
  void report(DiagKind kind, SourceLocation loc, std::vector<std::string> args = {});
  // The same with the source range [begin, end) underlined around the caret.
  void reportRange(DiagKind kind, SourceLocation loc, SourceLocation begin, SourceLocation end,
                   std::vector<std::string> args);
  template <typename... Args>
  void error(DiagKind kind, SourceLocation loc, const Args&... args) {
    report(kind, loc, {std::string(args)...});
  }

  const std::vector<DiagRecord>& records() const { return m_records; }
  // Drops the records after the first `count` (sema's speculative checks, e.g. while
  // choosing an overload, must not leave diagnostics behind).
  void rollback(std::size_t count);
  std::size_t errorCount() const { return m_errors; }
  bool hasErrors() const { return m_errors != 0; }

  // "file:line:col: error: msg\n  source line\n     ^\n"
  std::string render(const DiagRecord& record) const;
  std::string renderAll() const;
  // Just "file:line:col: error: msg".
  std::string renderOneLine(const DiagRecord& record) const;

  const SourceManager& sources() const { return m_sources; }

  // -Werror / -Wno-NAME: warnings whose flag name is in `disabled`, or starts with one of
  // them and a dash (a group), are dropped (with the notes that follow them); with
  // `werror` the rest become errors. Applies to later reports.
  void setWarningPolicy(bool werror, std::vector<std::string> disabled);
  // Flag name of a kind: its name in kebab case ("MacroRedefined" -> "macro-redefined").
  static std::string warningFlagName(DiagKind kind);
  // Every warning kind's flag name, for --help texts and validation.
  static std::vector<std::string> warningFlagNames();

  static DiagSeverity severityOf(DiagKind kind);
  static std::string_view formatOf(DiagKind kind);

 private:
  const SourceManager& m_sources;
  std::vector<DiagRecord> m_records;
  std::size_t m_errors = 0;
  bool m_werror = false;
  bool m_droppingNotes = false;  // the last warning was disabled: drop its notes too
  std::vector<std::string> m_disabled;
};

// The driver's public form of every recorded diagnostic, in order.
std::vector<Diagnostic> toDriverDiagnostics(const DiagnosticEngine& engine);

}  // namespace p4wb::compiler
