// Verifier log summaries (see verifier_log.h).
#include "runtime/verifier_log.h"

#include <cctype>
#include <vector>

namespace p4wb::runtime {

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "12: (71) r1 = *(u8 *)(r1 +12)   ; R1=..." -> 12 and the instruction text; false for
// state lines ("12: R1=ctx() R10=fp0") and everything else.
bool parseInstruction(std::string_view line, int* insn, std::string* text) {
  std::size_t i = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0 || line.substr(i, 3) != ": (") return false;
  std::size_t close = line.find(") ", i + 3);
  if (close == std::string_view::npos) return false;
  *insn = std::stoi(std::string(line.substr(0, i)));
  std::string_view rest = line.substr(close + 2);
  *text = std::string(trim(rest.substr(0, rest.find("  ;"))));
  return true;
}

// "; TEXT @ FILE:LINE" (BTF line info as the verifier prints it).
bool parseLineInfo(std::string_view line, VerifierFailure* out) {
  if (line.size() < 2 || line[0] != ';') return false;
  std::size_t at = line.rfind(" @ ");
  if (at == std::string_view::npos) return false;
  std::string_view where = line.substr(at + 3);
  std::size_t colon = where.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= where.size()) return false;
  int number = 0;
  for (char c : where.substr(colon + 1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    number = number * 10 + (c - '0');
  }
  out->file = std::string(where.substr(0, colon));
  out->line = number;
  out->sourceText = std::string(trim(line.substr(1, at - 1)));
  return true;
}

// Lines the verifier prints after the complaint, which are not the complaint.
bool isTrailer(std::string_view line) {
  return line.empty() || line.rfind("processed ", 0) == 0 || line.rfind("verification time", 0) == 0 ||
         line.rfind("stack depth", 0) == 0 || line.rfind("-- ", 0) == 0 || line.rfind("libbpf:", 0) == 0 ||
         line[0] == ';' || std::isdigit(static_cast<unsigned char>(line[0]));
}

}  // namespace

VerifierFailure summarizeVerifierLog(std::string_view log) {
  VerifierFailure out;
  VerifierFailure position;  // line info seen most recently
  std::vector<std::string_view> lines = splitLines(log);
  std::size_t lastInsnLine = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (parseLineInfo(line, &position)) continue;
    int insn = -1;
    std::string text;
    if (parseInstruction(line, &insn, &text)) {
      out.insn = insn;
      out.instruction = std::move(text);
      out.file = position.file;
      out.line = position.line;
      out.sourceText = position.sourceText;
      lastInsnLine = i;
    }
  }
  // The complaint: the first line after the last instruction that is not bookkeeping;
  // with no instruction at all (e.g. a bad map or BTF), the first such line of the log.
  for (std::size_t i = lastInsnLine == lines.size() ? 0 : lastInsnLine + 1; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (!isTrailer(line)) {
      out.reason = std::string(line);
      break;
    }
  }
  return out;
}

std::string describeVerifierFailure(const VerifierFailure& f) {
  std::string text;
  if (!f.file.empty()) {
    text = "at " + f.file + ":" + std::to_string(f.line);
    if (!f.sourceText.empty()) {
      // Keep the message one readable line.
      std::string src = f.sourceText.size() > 80 ? f.sourceText.substr(0, 77) + "..." : f.sourceText;
      text += " (`" + src + "`)";
    }
  }
  if (f.insn >= 0) text += (text.empty() ? "" : ", ") + std::string("insn ") + std::to_string(f.insn);
  if (!f.reason.empty()) text += (text.empty() ? "" : ": ") + f.reason;
  return text;
}

}  // namespace p4wb::runtime
