// Preprocessor: a stack of lexed files, a conditional stack and a macro table.
#include "compiler/preprocess/preprocessor.h"

#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "compiler/diag/diagnostics.h"
#include "compiler/lex/lexer.h"
#include "compiler/preprocess/builtin_includes.h"
#include "compiler/preprocess/if_expression.h"
#include "compiler/preprocess/macro_table.h"

namespace p4wb::compiler {

namespace {

namespace fs = std::filesystem;
constexpr std::size_t kMaxIncludeDepth = 200;

using TokenList = std::vector<Token>;

struct Frame {
  TokenList toks;
  std::size_t pos = 0;
  FileId file = 0;
  std::string dir;  // folder of the file, for "..." includes
  bool builtin = false;
  std::size_t condBase = 0;
  std::int64_t lineDelta = 0;  // from #line
  FileId lineFile = 0;  // from #line N "name": the alias tokens of `file` are placed in
};

struct Cond {
  bool active = false;        // tokens in the current branch are kept
  bool taken = false;         // some branch of this #if was already active
  bool parentActive = false;
  bool seenElse = false;
  SourceLocation loc;
};

bool isNameToken(const Token& t) {
  return t.kind == TokenKind::Identifier || isKeyword(t.kind);
}

std::string directiveName(const Token& t) {
  std::string_view s = t.text.substr(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return std::string(s);
}

class Preprocessor {
 public:
  Preprocessor(SourceManager& sm, DiagnosticEngine& diags, const PreprocessOptions& opts)
      : m_sm(sm), m_diags(diags), m_opts(opts), m_macros(diags, sm) {}

  PreprocessResult run() {
    std::string mainName(m_sm.name(m_opts.mainFile));
    pushFile(m_opts.mainFile, fs::path(mainName).parent_path().string(), false);
    pushCommandLineDefines();
    loop();
    Token eof;
    eof.kind = TokenKind::EndOfFile;
    eof.loc = m_lastLoc;
    m_result.tokens.push_back(eof);
    return std::move(m_result);
  }

 private:
  bool active() const { return m_conds.empty() || m_conds.back().active; }

  void pushFile(FileId file, std::string dir, bool builtin) {
    Frame f;
    LexOptions lo;
    lo.file = file;
    lo.diags = &m_diags;
    f.toks = lexBuffer(m_sm, lo);
    f.file = file;
    f.dir = std::move(dir);
    f.builtin = builtin;
    f.condBase = m_conds.size();
    m_frames.push_back(std::move(f));
    m_result.includedFiles.push_back(file);
  }

  void pushCommandLineDefines() {
    if (m_opts.defines.empty()) return;
    std::string text;
    for (const auto& [name, value] : m_opts.defines)
      text += "#define " + name + " " + (value.empty() ? std::string("1") : value) + "\n";
    FileId f = m_sm.addBuffer("<command line>", std::move(text));
    pushFile(f, "", false);
    m_result.includedFiles.pop_back();
  }

  void loop() {
    while (!m_frames.empty()) {
      if (m_opts.cancel && m_opts.cancel->load()) {
        m_result.cancelled = true;
        return;
      }
      Frame& f = m_frames.back();
      const Token tok = f.toks[f.pos];
      if (tok.kind == TokenKind::EndOfFile) {
        endOfFile();
        continue;
      }
      if (tok.kind == TokenKind::Directive && tok.atLineStart) {
        ++f.pos;
        TokenList line;
        while (!f.toks[f.pos].atLineStart) line.push_back(f.toks[f.pos++]);
        directive(tok, line);
        continue;
      }
      ++f.pos;
      if (!active()) continue;
      if (isNameToken(tok) && m_macros.expands(tok.text)) {
        expandFromStream(tok);
        continue;
      }
      emit(tok);
    }
  }

  void emit(Token t) {
    if (!m_frames.empty() && t.loc.file == m_frames.back().file) {
      const Frame& f = m_frames.back();
      if (f.lineDelta != 0) t.loc.line = static_cast<std::uint32_t>(t.loc.line + f.lineDelta);
      if (f.lineFile != 0) t.loc.file = f.lineFile;
    }
    m_lastLoc = t.loc;
    m_result.tokens.push_back(t);
  }

  void endOfFile() {
    Frame& f = m_frames.back();
    m_lastLoc = f.toks[f.pos].loc;
    if (m_conds.size() > f.condBase) {
      m_diags.error(DiagKind::UnterminatedConditional, m_conds[f.condBase].loc);
      m_conds.resize(f.condBase);
    }
    m_frames.pop_back();
  }

  // ---- directives

  void directive(const Token& d, TokenList& line) {
    std::string name = directiveName(d);
    if (name == "if" || name == "ifdef" || name == "ifndef") return openIf(name, d, line);
    if (name == "elif") return elif(d, line);
    if (name == "else") return elseDirective(d);
    if (name == "endif") return endif(d);
    if (!active()) return;
    // `# 18 "file.p4" 2` (a cpp line marker) acts like #line; a lone '#' does nothing.
    if (name.empty()) {
      if (!line.empty() && line[0].kind == TokenKind::IntLiteral) lineDirective(d, line);
      return;
    }
    if (name == "include") return include(d, line);
    if (name == "define") return m_macros.define(line, d);
    if (name == "undef") {
      if (line.empty() || !isNameToken(line[0]))
        return m_diags.error(DiagKind::ExpectedMacroName, d.loc);
      m_macros.undef(std::string(line[0].text));
      return;
    }
    if (name == "error") return m_diags.error(DiagKind::UserError, d.loc, restText(line));
    if (name == "warning") return m_diags.error(DiagKind::UserWarning, d.loc, restText(line));
    if (name == "pragma") {
      if (!line.empty() && line[0].text == "once") {
        m_pragmaOnce.insert(std::string(m_sm.name(m_frames.back().file)));
        return;
      }
      m_result.pragmas.push_back(line);
      return;
    }
    if (name == "line") return lineDirective(d, line);
    m_diags.error(DiagKind::UnknownDirective, d.loc, name);
  }

  std::string restText(const TokenList& line) {
    std::string s;
    for (const auto& t : line) {
      if (!s.empty() && t.spaceBefore) s += ' ';
      s += t.text;
    }
    return s;
  }

  void openIf(const std::string& name, const Token& d, TokenList& line) {
    Cond c;
    c.loc = d.loc;
    c.parentActive = active();
    bool value = false;
    if (c.parentActive) {
      if (name == "if") {
        value = evaluate(line, d, name);
      } else {
        if (line.empty() || !isNameToken(line[0])) {
          m_diags.error(DiagKind::ExpectedMacroName, d.loc);
        } else {
          bool defined = m_macros.isDefined(line[0].text);
          value = name == "ifdef" ? defined : !defined;
        }
      }
    }
    c.active = c.parentActive && value;
    c.taken = c.active;
    m_conds.push_back(c);
  }

  bool inFileConds() const {
    return m_conds.size() > m_frames.back().condBase;
  }

  void elif(const Token& d, TokenList& line) {
    if (!inFileConds()) return m_diags.error(DiagKind::UnbalancedElse, d.loc, "elif");
    Cond& c = m_conds.back();
    if (!c.parentActive || c.taken) {
      c.active = false;
      return;
    }
    c.active = evaluate(line, d, "elif");
    c.taken = c.active;
  }

  void elseDirective(const Token& d) {
    if (!inFileConds()) return m_diags.error(DiagKind::UnbalancedElse, d.loc, "else");
    Cond& c = m_conds.back();
    c.active = c.parentActive && !c.taken;
    c.taken = true;
    c.seenElse = true;
  }

  void endif(const Token& d) {
    if (!inFileConds()) return m_diags.error(DiagKind::UnbalancedElse, d.loc, "endif");
    m_conds.pop_back();
  }

  bool evaluate(TokenList& line, const Token& d, const std::string& name) {
    // Replace defined(X) / defined X first, so the names are not macro-expanded.
    TokenList pre;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i].kind == TokenKind::Identifier && line[i].text == "defined") {
        std::size_t j = i + 1;
        bool paren = j < line.size() && line[j].kind == TokenKind::LParen;
        if (paren) ++j;
        if (j >= line.size() || !isNameToken(line[j])) break;
        bool isDef = m_macros.isDefined(line[j].text);
        if (paren) {
          ++j;
          if (j >= line.size() || line[j].kind != TokenKind::RParen) break;
        }
        Token t = line[i];
        t.kind = TokenKind::IntLiteral;
        t.text = isDef ? "1" : "0";
        pre.push_back(t);
        i = j;
        continue;
      }
      pre.push_back(line[i]);
    }
    const Frame& f = m_frames.back();
    m_macros.setLineMapping(f.file, f.lineDelta, f.lineFile);
    TokenList expanded = m_macros.expand(pre);
    auto v = evaluateIfExpression(expanded);
    if (!v) {
      m_diags.error(DiagKind::InvalidIfExpression, d.loc, name);
      return false;
    }
    return *v != 0;
  }

  void lineDirective(const Token& d, const TokenList& line) {
    if (line.empty() || line[0].kind != TokenKind::IntLiteral)
      return m_diags.error(DiagKind::InvalidLineDirective, d.loc);
    std::int64_t n = 0;
    for (char c : line[0].text) {
      if (c < '0' || c > '9') return m_diags.error(DiagKind::InvalidLineDirective, d.loc);
      n = n * 10 + (c - '0');
      // Line numbers are 32-bit (and C caps #line at 2147483647).
      if (n > 2147483647) return m_diags.error(DiagKind::InvalidLineDirective, d.loc);
    }
    // The line after the directive becomes line n.
    Frame& f = m_frames.back();
    f.lineDelta = n - static_cast<std::int64_t>(d.loc.line) - 1;
    std::string name;
    if (line.size() >= 2 && line[1].kind == TokenKind::StringLiteral && line[1].text.size() >= 2)
      name = std::string(line[1].text.substr(1, line[1].text.size() - 2));
    else if (f.lineFile != 0)
      name = std::string(m_sm.name(f.lineFile));
    else if (line.size() >= 2 && line[1].kind != TokenKind::IntLiteral)
      return m_diags.error(DiagKind::InvalidLineDirective, line[1].loc);
    else
      name = std::string(m_sm.name(f.file));
    // Always an alias, so diagnostics show the right source line for the new numbers.
    f.lineFile = m_sm.addLineAlias(f.file, name, f.lineDelta);
  }

  // ---- macro uses in the token stream

  void expandFromStream(const Token& nameTok) {
    Frame& f = m_frames.back();
    TokenList call{nameTok};
    if (m_macros.isFunctionLike(nameTok.text)) {
      if (f.toks[f.pos].kind != TokenKind::LParen) return emit(nameTok);
      int depth = 0;
      while (f.toks[f.pos].kind != TokenKind::EndOfFile) {
        const Token& t = f.toks[f.pos++];
        call.push_back(t);
        if (t.kind == TokenKind::LParen) ++depth;
        if (t.kind == TokenKind::RParen && --depth == 0) break;
      }
      if (depth != 0)
        return m_diags.error(DiagKind::UnterminatedMacroCall, nameTok.loc,
                             std::string(nameTok.text));
    }
    m_macros.setLineMapping(f.file, f.lineDelta, f.lineFile);
    for (auto& t : m_macros.expand(call)) emit(t);
  }

  // ---- #include

  void include(const Token& d, const TokenList& line) {
    if (line.empty() ||
        (line[0].kind != TokenKind::HeaderName && line[0].kind != TokenKind::StringLiteral))
      return m_diags.error(DiagKind::ExpectedHeaderName, d.loc);
    if (m_frames.size() > kMaxIncludeDepth) return m_diags.error(DiagKind::IncludeDepth, d.loc);
    bool quoted = line[0].kind == TokenKind::StringLiteral;
    std::string name(line[0].text.substr(1, line[0].text.size() - 2));
    const Frame& cur = m_frames.back();
    if (quoted && cur.builtin && includeBuiltin(name)) return;
    if (quoted && !cur.builtin && includeFromDir(cur.dir, name)) return;
    for (const auto& dir : m_opts.includeDirs)
      if (includeFromDir(dir, name)) return;
    if (m_opts.useBuiltinIncludes && includeBuiltin(name)) return;
    m_diags.error(DiagKind::IncludeNotFound, line[0].loc, name);
  }

  bool includeFromDir(const std::string& dir, const std::string& name) {
    fs::path p = dir.empty() ? fs::path(name) : fs::path(dir) / name;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return false;
    std::string key = p.lexically_normal().string();
    if (m_pragmaOnce.count(key)) return true;
    FileId id;
    auto it = m_loaded.find(key);
    if (it != m_loaded.end()) {
      id = m_sm.addBuffer(key, std::string(m_sm.text(it->second)));
    } else {
      id = m_sm.addFile(key);
      if (id == 0) return false;
      m_loaded[key] = id;
    }
    pushFile(id, p.parent_path().string(), false);
    return true;
  }

  bool includeBuiltin(const std::string& name) {
    auto text = findBuiltinInclude(name);
    if (!text) return false;
    std::string key = "p4include/" + name;
    if (m_pragmaOnce.count(key)) return true;
    FileId id = m_sm.addBuffer(key, std::string(*text));
    pushFile(id, "", true);
    return true;
  }

  SourceManager& m_sm;
  DiagnosticEngine& m_diags;
  const PreprocessOptions& m_opts;
  std::vector<Frame> m_frames;
  std::vector<Cond> m_conds;
  MacroTable m_macros;
  std::unordered_map<std::string, FileId> m_loaded;
  std::unordered_set<std::string> m_pragmaOnce;
  SourceLocation m_lastLoc;
  PreprocessResult m_result;
};

}  // namespace

PreprocessResult preprocess(SourceManager& sources, DiagnosticEngine& diags,
                            const PreprocessOptions& options) {
  return Preprocessor(sources, diags, options).run();
}

}  // namespace p4wb::compiler
