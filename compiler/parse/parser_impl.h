// Internal: the recursive-descent Parser class shared by the parse_*.cpp files, one per
// grammar area (declarations, types, expressions, statements, parser/control blocks).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/lex/token.h"
#include "compiler/parse/parser.h"

namespace p4wb::compiler::parse_detail {

using namespace ast;

class Parser {
 public:
  Parser(const ParseOptions& opts);
  std::unique_ptr<Program> parseProgram();
  bool cancelled() const { return m_cancelled; }

  // ---- tokens (parser.cpp)
  const Token& peek(std::size_t ahead = 0) const;
  const Token& prev() const { return m_prev; }
  // Records where `d` ends: just past the previous token (Decl::endLoc).
  void finishDecl(Decl* d) const;
  // The same for an expression (Expr::endLoc); returns it.
  Expr* finishExpr(Expr* e) const;
  bool at(TokenKind k, std::size_t ahead = 0) const { return peek(ahead).kind == k; }
  bool accept(TokenKind k);
  Token consume();
  // Reports "expected X, found Y" and returns false when the next token is not k.
  bool expect(TokenKind k);
  // ';' with clang-style "expected ';' after <what>" placed after the previous token.
  void expectSemi(const char* what);
  bool isNameToken(const Token& t) const;  // identifier or a contextual keyword
  std::string parseName(SourceLocation* loc = nullptr);
  bool isTypeName(std::string_view name) const;
  void declareTypeName(const std::string& name);
  void pushTypeScope() { m_typeScopes.emplace_back(); }
  void popTypeScope() { m_typeScopes.pop_back(); }
  bool failing() const { return m_stop; }
  void errorAt(DiagKind kind, SourceLocation loc, std::vector<std::string> args = {});
  std::string describe(const Token& t) const;
  // Skips to just after the next ';' or to before the '}' closing the current block.
  void recoverInBlock();
  // Skips to the next token that can start a top-level declaration.
  void recoverTopLevel();

  // Bounds recursion so absurd nesting is an error, not a stack overflow.
  struct DepthGuard {
    explicit DepthGuard(Parser& p) : m_p(p) { ++m_p.m_depth; }
    ~DepthGuard() { --m_p.m_depth; }
    bool tooDeep() const { return m_p.m_depth > kMaxDepth; }
    Parser& m_p;
  };
  static constexpr int kMaxDepth = 400;

  // ---- declarations (parse_decls.cpp)
  DeclPtr parseTopDecl();
  std::vector<Annotation> parseAnnotations();
  DeclPtr parseConst(std::vector<Annotation> annos);
  DeclPtr parseTypedef(std::vector<Annotation> annos);
  DeclPtr parseStructLike(std::vector<Annotation> annos);
  DeclPtr parseEnum(std::vector<Annotation> annos);
  DeclPtr parseErrorOrMatchKind(std::vector<Annotation> annos);
  DeclPtr parseExtern(std::vector<Annotation> annos);
  DeclPtr parseAction(std::vector<Annotation> annos);
  // Declarations that start with a type: variable, instantiation, function.
  DeclPtr parseTypedDecl(std::vector<Annotation> annos, bool allowFunction);
  std::unique_ptr<FunctionPrototype> parseMethod(const std::string& externName);

  // ---- types (parse_types.cpp)
  bool startsType() const;
  TypeRefPtr parseType();
  TypeRefPtr parseBaseType();
  std::vector<TypeRefPtr> parseTypeArgs();  // after '<' was seen at peek()
  bool looksLikeTypeArgsThenCall() const;
  TypeParams parseOptTypeParams();
  Params parseParams();  // '(' ... ')'
  std::unique_ptr<ParamDecl> parseParam(unsigned index);

  // ---- expressions (parse_exprs.cpp)
  ExprPtr parseExpr(int minPrec = 0);
  ExprPtr parseUnary();
  ExprPtr parsePrimary();
  ExprPtr parseParenOrCast();
  ExprPtr parseBraceExpr();
  ExprPtr parsePostfix(ExprPtr e);
  std::vector<Argument> parseArgs();  // '(' ... ')'
  ExprPtr parseKeyset();              // expr, expr &&& expr, expr .. expr, default, _
  std::vector<ExprPtr> parseTupleKeyset();  // (k, k) or a single keyset
  bool isCastAhead() const;

  // ---- statements (parse_stmts.cpp)
  StmtPtr parseStmt();
  std::unique_ptr<BlockStmt> parseBlock();
  bool startsDeclStmt() const;
  StmtPtr parseSwitch();
  StmtPtr parseFor();
  // One init/update element of a for loop: declaration, assignment or call.
  StmtPtr parseSimpleStmt();

  // ---- parsers, controls, tables (parse_blocks.cpp)
  DeclPtr parseParserOrControl(std::vector<Annotation> annos, bool isParser);
  DeclPtr parsePackage(std::vector<Annotation> annos);
  void parseParserBody(ParserDecl& p);
  std::unique_ptr<ParserStateDecl> parseState(std::vector<Annotation> annos);
  void parseTransition(Transition& t);
  void parseControlBody(ControlDecl& c);
  DeclPtr parseTable(std::vector<Annotation> annos);
  void parseTableProperty(TableDecl& t);
  ActionRef parseActionRef();

 private:
  const std::vector<Token>& m_toks;
  DiagnosticEngine& m_diags;
  const ParseOptions& m_opts;
  std::size_t m_pos = 0;
  Token m_prev;
  unsigned m_errors = 0;
  bool m_stop = false;
  bool m_cancelled = false;
  SourceLocation m_lastErrorLoc;
  int m_depth = 0;
  std::vector<std::set<std::string, std::less<>>> m_typeScopes;
};

}  // namespace p4wb::compiler::parse_detail
