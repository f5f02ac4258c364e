// DiagnosticEngine: formatting and gcc-style rendering.
#include "compiler/diag/diagnostics.h"

#include <algorithm>

#include "compiler/driver/driver.h"

namespace p4wb::compiler {

namespace {

struct KindInfo {
  DiagSeverity severity;
  std::string_view format;
};

const KindInfo& infoOf(DiagKind kind) {
  static const KindInfo kInfos[] = {
#define DIAG(Name, Severity, Format) {DiagSeverity::Severity, Format},
#include "compiler/diag/diag_kinds.def"
  };
  return kInfos[static_cast<unsigned>(kind)];
}

std::string format(std::string_view fmt, const std::vector<std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] == '{' && i + 2 < fmt.size() && fmt[i + 2] == '}' && fmt[i + 1] >= '0' &&
        fmt[i + 1] <= '9') {
      std::size_t n = static_cast<std::size_t>(fmt[i + 1] - '0');
      if (n < args.size()) out += args[n];
      i += 2;
    } else {
      out += fmt[i];
    }
  }
  return out;
}

std::string_view severityWord(DiagSeverity s) {
  switch (s) {
    case DiagSeverity::Error: return "error";
    case DiagSeverity::Warning: return "warning";
    case DiagSeverity::Note: return "note";
  }
  return "error";
}

}  // namespace

DiagSeverity DiagnosticEngine::severityOf(DiagKind kind) { return infoOf(kind).severity; }
std::string_view DiagnosticEngine::formatOf(DiagKind kind) { return infoOf(kind).format; }

void DiagnosticEngine::rollback(std::size_t count) {
  if (count >= m_records.size()) return;
  m_records.resize(count);
  m_errors = 0;
  for (const DiagRecord& r : m_records)
    if (r.severity == DiagSeverity::Error) ++m_errors;
}

std::string DiagnosticEngine::warningFlagName(DiagKind kind) {
  static const char* const kNames[] = {
#define DIAG(Name, Severity, Format) #Name,
#include "compiler/diag/diag_kinds.def"
  };
  std::string out;
  for (const char* c = kNames[static_cast<unsigned>(kind)]; *c; ++c) {
    if (*c >= 'A' && *c <= 'Z') {
      if (!out.empty()) out += '-';
      out += static_cast<char>(*c - 'A' + 'a');
    } else {
      out += *c;
    }
  }
  return out;
}

std::vector<std::string> DiagnosticEngine::warningFlagNames() {
  std::vector<std::string> out;
#define DIAG(Name, Severity, Format) \
  if (DiagSeverity::Severity == DiagSeverity::Warning) out.push_back(warningFlagName(DiagKind::Name));
#include "compiler/diag/diag_kinds.def"
  return out;
}

void DiagnosticEngine::setWarningPolicy(bool werror, std::vector<std::string> disabled) {
  m_werror = werror;
  m_disabled = std::move(disabled);
}

void DiagnosticEngine::report(DiagKind kind, SourceLocation loc, std::vector<std::string> args) {
  reportRange(kind, loc, {}, {}, std::move(args));
}

void DiagnosticEngine::reportRange(DiagKind kind, SourceLocation loc, SourceLocation begin,
                                   SourceLocation end, std::vector<std::string> args) {
  DiagRecord r;
  r.kind = kind;
  r.rangeBegin = begin;
  r.rangeEnd = end;
  r.severity = severityOf(kind);
  r.loc = loc;
  r.message = format(formatOf(kind), args);
  if (r.severity == DiagSeverity::Note && m_droppingNotes) return;
  m_droppingNotes = false;
  if (r.severity == DiagSeverity::Warning) {
    std::string flag = warningFlagName(kind);
    for (const auto& d : m_disabled) {
      // A prefix names a group: -Wno-uninitialized drops -Wuninitialized-use and
      // -Wuninitialized-out-param.
      if (d == flag || flag.rfind(d + "-", 0) == 0) {
        m_droppingNotes = true;
        return;
      }
    }
    if (m_werror) {
      r.severity = DiagSeverity::Error;
      r.message += " [-Werror,-W" + flag + "]";
    } else {
      r.message += " [-W" + flag + "]";
    }
  }
  if (r.severity == DiagSeverity::Error) ++m_errors;
  m_records.push_back(std::move(r));
}

std::string DiagnosticEngine::renderOneLine(const DiagRecord& r) const {
  std::string out;
  if (r.loc.file != 0) {
    out += m_sources.name(r.loc.file);
    out += ':' + std::to_string(r.loc.line) + ':' + std::to_string(r.loc.column) + ": ";
  }
  out += severityWord(r.severity);
  out += ": ";
  out += r.message;
  return out;
}

std::string DiagnosticEngine::render(const DiagRecord& r) const {
  std::string out = renderOneLine(r) + "\n";
  if (!r.loc.valid()) return out;
  std::string_view line = m_sources.lineText(r.loc.file, r.loc.line);
  if (line.empty()) return out;
  out += line;
  out += '\n';
  // The underlined columns [from, to) (0-based): the record's range when it is on this
  // line and contains the caret, else the rest of the word (name or literal) at the caret.
  std::size_t caret = r.loc.column - 1;
  std::size_t from = caret, to = caret + 1;
  auto onLine = [&](SourceLocation l) { return l.valid() && l.file == r.loc.file && l.line == r.loc.line; };
  if (onLine(r.rangeBegin) && onLine(r.rangeEnd) && r.rangeBegin.column <= r.loc.column &&
      r.rangeEnd.column > r.loc.column) {
    from = r.rangeBegin.column - 1;
    to = r.rangeEnd.column - 1;
  } else {
    auto isWord = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_';
    };
    if (caret < line.size() && isWord(line[caret]))
      while (to < line.size() && isWord(line[to])) ++to;
  }
  to = std::max(std::min(to, line.size()), caret + 1);
  // Keep tabs so the caret lines up under the same column in a terminal.
  for (std::size_t i = 0; i < from && i < line.size(); ++i) out += line[i] == '\t' ? '\t' : ' ';
  for (std::size_t i = from; i < to; ++i) out += i == caret ? '^' : '~';
  out += '\n';
  return out;
}

std::string DiagnosticEngine::renderAll() const {
  std::string out;
  for (const auto& r : m_records) out += render(r);
  return out;
}

std::vector<Diagnostic> toDriverDiagnostics(const DiagnosticEngine& engine) {
  std::vector<Diagnostic> out;
  out.reserve(engine.records().size());
  for (const auto& r : engine.records()) {
    Diagnostic d;
    switch (r.severity) {
      case DiagSeverity::Error: d.severity = Diagnostic::Severity::Error; break;
      case DiagSeverity::Warning: d.severity = Diagnostic::Severity::Warning; break;
      case DiagSeverity::Note: d.severity = Diagnostic::Severity::Note; break;
    }
    d.file = std::string(engine.sources().name(r.loc.file));
    d.line = r.loc.line;
    d.column = r.loc.column;
    if (r.rangeEnd.file == r.loc.file && r.rangeEnd.line == r.loc.line && r.rangeEnd.column > r.loc.column)
      d.endColumn = r.rangeEnd.column;
    d.message = r.message;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace p4wb::compiler
