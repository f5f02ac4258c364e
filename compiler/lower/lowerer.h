// Lowerer: the state of one lowering run, shared by the per-concept files (types,
// expression, statement, parser, packet access, table, action, deparser, xdp program).
// Internal to compiler/lower; the public entry point is lower.h.
//
// Conventions every file relies on:
// - Every P4 variable, parameter and header lives in an entry-block alloca (SROA and
//   mem2reg turn them into registers); `m_storage` maps declarations to them.
// - A header is an LLVM struct { i8 valid, i32 packet offset, fields... } whose fields
//   are iN for bit<N>. In a program that rebuilds its head (m_wireFields, chosen by
//   lowerProgram()) "wire fields" (isWireField: whole-byte 16/32/48/64-bit bit<N>/int<N>
//   fields at a whole-byte offset) hold their value byte-swapped, so their slot's memory
//   has the packet's bytes: extract and the head rebuild copy them without swapping;
//   load()/store() of such an LValue (lv.wire) swap, which LLVM folds against the swaps
//   of packet and key accesses. Other fields, and all fields elsewhere, are host order.
// - An assignment to a field of a valid header is written through to the packet right
//   away (bounds-checked), so when the deparser emits exactly the parsed headers `emit`
//   emits no code. When it does not (validity changes, conditional emits, ...), the
//   head is rebuilt after the deparser from copies taken at each emit (deparser.cpp).
// - Unsupported constructs call unsupported() and lowering continues with a dummy value
//   so several problems are reported in one run.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "compiler/ast/ast.h"
#include "compiler/lower/lower.h"
#include "compiler/lower/lower_context.h"
#include "compiler/lower/program_layout.h"
#include "compiler/lower/stage_counters.h"
#include "compiler/sema/frontend.h"

namespace p4wb::compiler {

// Source-like text of a name or member chain ("hdr.ipv4.dstAddr").
std::string exprText(const ast::Expr* e);

// Header stacks: member 0 is the next index, element k is member k + 1.
inline constexpr unsigned kStackNextIndex = 0;
inline constexpr unsigned kStackFirstElement = 1;

// Indices of the bookkeeping members of a header's LLVM struct.
inline constexpr unsigned kHeaderValid = 0;
inline constexpr unsigned kHeaderOffset = 1;
inline constexpr unsigned kHeaderFirstField = 2;
// Members of a varbit<N> value (varbit.cpp): { i32 length in bits, [ceil(N/8) x i8] }.
inline constexpr unsigned kVarbitBits = 0;
inline constexpr unsigned kVarbitData = 1;
// Packet offset of a header that did not come from the packet: above every real
// offset (the bounds checks fail for it) yet small enough that the verifier accepts
// `data + offset` should LLVM compute it before the check.
inline constexpr std::uint32_t kNotInPacket = 0x8000;

// A place that can be assigned: a typed pointer; for header fields the header (so the
// write goes through to the packet); for slices the bit range of the underlying integer.
// `path` names the storage (root slot + field indices) for identity checks.
struct LValue {
  llvm::Value* ptr = nullptr;
  const sema::Type* type = nullptr;
  llvm::Value* headerPtr = nullptr;  // the enclosing header, or null
  const sema::StructType* headerType = nullptr;
  int headerField = -1;  // field of headerPtr this place is (part of)
  std::string path;
  bool wire = false;  // ptr is a wire field of a header (its slot is byte-swapped)
  bool isSlice = false;
  unsigned hiBit = 0, loBit = 0;
  const sema::Type* baseType = nullptr;  // the sliced integer's type
};

// An argument of an inlined call: its value (in, inout) and, for out/inout
// parameters, where the result goes back to.
// An action parameter that lives in a table entry: read from the entry where it is used
// (not when the action starts), so the action needs no registers or stack to hold it.
struct LazyParam {
  llvm::Value* base = nullptr;
  unsigned bitOffset = 0;
  unsigned bits = 0;
};

struct BoundArg {
  llvm::Value* value = nullptr;
  std::optional<LValue> target;
  std::optional<LazyParam> lazy;
};

// One header an `emit` in the deparser appended (deparser.cpp), written by rewriteHead()
// when the emitted headers differ from the parsed ones: the shared header itself (the
// deparser cannot change it after the emit), or, for an emit inside `if`/`switch` or of
// a deparser-local header, a copy taken at the emit (invalid if that emit never ran).
struct EmitRecord {
  llvm::Value* header = nullptr;
  const sema::StructType* type = nullptr;
  std::string path;  // the emitted header's LValue path
};

// A lowered table (layout, maps, the actions it can run).
struct LoweredTable {
  const ast::TableDecl* decl = nullptr;
  TableLayout layout;
  llvm::GlobalVariable* map = nullptr;  // null for keyless tables
  llvm::GlobalVariable* defaultMap = nullptr;
  std::vector<const ast::ActionDecl*> actions;  // index = action id - 1
  unsigned hitStage = 0, missStage = 0;
  // Scanned tables (table_scan.cpp): the bpf_loop callback and the context it reads.
  llvm::Function* scanFn = nullptr;
  llvm::StructType* scanCtx = nullptr;
};

// One leaf of a type packed into a map key/value (extern_state.cpp): bit<N>, int<N>, bool
// or enum, at `offset` in `bytes` bytes (network order); `path` indexes the LLVM struct.
struct PackedField {
  std::string name;  // dotted field path, "value" for a non-struct type
  const sema::Type* type = nullptr;
  unsigned bits = 0, offset = 0, bytes = 0;
  bool wire = false;  // a wire field of a header (Lowerer::isWireField): stored swapped
  std::vector<unsigned> path;
};

// A Register or FlowTable instance: its map and the packing of its key and value.
struct StatefulExtern {
  bool isRegister = true;  // else FlowTable
  llvm::GlobalVariable* map = nullptr;
  const sema::Type* keyType = nullptr;  // Register: I; FlowTable: K
  const sema::Type* valueType = nullptr;  // T / V
  std::vector<PackedField> key, value;  // Register: key empty (u32 index)
  unsigned keySize = 0, valueSize = 0;
};

// The slots one `t.apply()` fills on every path, and where all paths meet.
struct TableApply {
  LoweredTable& t;
  llvm::AllocaInst* hit;    // i1
  llvm::AllocaInst* ran;    // i32 action id
  llvm::AllocaInst* entry;  // ptr to the map value in use
  llvm::BasicBlock* join;
};

// The result of applying a table, for `.hit`, `.miss` and `action_run`.
struct TableApplyResult {
  llvm::Value* hit = nullptr;        // i1
  llvm::Value* actionRun = nullptr;  // i32 action id (0: none ran)
};

class Lowerer {
 public:
  Lowerer(LowerContext& ctx, const FrontEndResult& frontEnd, const LowerOptions& options,
          ProgramLayout& layout);

  bool run();
  std::vector<LowerError>& errors() { return m_errors; }

  // ---- diagnostics and locations (xdp_program.cpp)
  void unsupported(SourceLocation loc, const std::string& what);
  void setLoc(SourceLocation loc);
  std::string fileName(SourceLocation loc) const;
  std::string controlLocalName(const ast::Decl* decl) const;  // "ingress.forward"
  // The P4 name of the control instance being lowered ("C", "C.first" for an instance
  // applied inside C; empty outside controls) and `local` qualified by it.
  std::string instancePath() const;
  std::string instanceLocalName(const std::string& local) const;

  // ---- types (types.cpp)
  llvm::Type* llvmType(const sema::Type* type, SourceLocation loc);
  llvm::Value* zeroValue(const sema::Type* type, SourceLocation loc);
  llvm::Constant* initialValue(const sema::Type* type, SourceLocation loc);
  llvm::Value* coerce(llvm::Value* value, llvm::Type* to, bool isSigned);
  static bool isSignedType(const sema::Type* type);
  // Bits a value of `type` takes in a map key or value (0: cannot be stored).
  static unsigned storageBits(const sema::Type* type);
  std::vector<std::string> argTexts(const ast::ActionRef& ref);
  static const sema::StructType* asStruct(const sema::Type* type);
  // Whether field `index` of header `header` has the shape of a wire field (see the top),
  // and whether it is one in this lowering (wire fields are on, lowerProgram()).
  static bool isWireField(const sema::StructType* header, std::size_t index);
  bool wireField(const sema::StructType* header, std::size_t index) const {
    return m_wireFields && isWireField(header, index);
  }
  bool m_wireFields = false;
  bool rebuildsHead() const { return headNeedsRewrite(); }
  // A wire field's slot value <-> its host value (a byte swap, its own inverse).
  llvm::Value* wireSwap(llvm::Value* v);
  llvm::AllocaInst* allocate(const sema::Type* type, const std::string& name, SourceLocation loc);

  // ---- expressions (expression.cpp)
  llvm::Value* expr(const ast::Expr* e, const sema::Type* expected = nullptr);
  llvm::Value* condition(const ast::Expr* e);  // i1
  std::optional<LValue> lvalue(const ast::Expr* e);
  llvm::Value* load(const LValue& lv);
  void store(const LValue& lv, llvm::Value* value);
  void writeThrough(llvm::Value* headerPtr, const sema::StructType* header, std::size_t field);
  llvm::Value* constant(const sema::ConstValue& value, const sema::Type* type, SourceLocation loc);
  llvm::Value* enumMemberValue(const ast::Decl* member, const sema::Type* type);

  // ---- statements (statement.cpp)
  void stmt(const ast::Stmt* s);
  void assignStmt(const ast::AssignStmt* a);
  void ifStmt(const ast::IfStmt* i);
  void switchStmt(const ast::SwitchStmt* sw);
  void jumpStmt(const ast::Stmt* s);
  void block(const ast::BlockStmt* b);
  void callStmt(const ast::CallExpr* call);
  void declareLocal(const ast::Decl* decl);
  // Continues emission in a fresh unreachable block after a terminator.
  void startDeadBlock();
  llvm::BasicBlock* newBlock(const std::string& name);

  // ---- packet access (packet_access.cpp)
  // `baseAlign`: alignment of `base` in bytes (1 for packet data).
  llvm::Value* loadBigEndian(llvm::Value* base, unsigned bitOffset, unsigned width,
                             unsigned baseAlign = 1);
  llvm::Value* extractField(llvm::Value* header, unsigned bitOffset, unsigned width);
  // `bytes` bytes at base + byteOffset as an integer in memory order (byte k in bits
  // 8k..8k+7): a wire field's slot value; chunks aligned as extractField's.
  llvm::Value* loadRaw(llvm::Value* base, unsigned byteOffset, unsigned bytes, unsigned baseAlign = 8);
  // baseAlign > 1: a whole-byte field is stored in naturally aligned chunks (up to
  // baseAlign bytes, relative to base) instead of byte by byte.
  void storeBigEndian(llvm::Value* base, unsigned bitOffset, unsigned width, llvm::Value* value,
                      unsigned baseAlign = 1);
  // One big-endian field of a byte image (storeImage): bits [bitOffset, bitOffset + width)
  // from the image's first bit hold `value` (an iN of `width` bits).
  struct ImageField {
    unsigned bitOffset = 0, width = 0;
    llvm::Value* value = nullptr;
    bool raw = false;  // value holds the bytes in memory order (a wire field's slot)
  };
  // Stores `bytes` bytes made of `fields` (which cover them; uncovered bits are zero) at
  // `base`, one store per chunk naturally aligned relative to base (at most baseAlign).
  // A field without a value gets it from `load(index)` where its first chunk needs it.
  void storeImage(llvm::Value* base, unsigned bytes, std::vector<ImageField>& fields,
                  unsigned baseAlign, const std::function<llvm::Value*(std::size_t)>& load = {});
  // Branches to `fail` unless [data + offset, data + offset + bytes) is inside the packet;
  // returns the pointer data + offset (valid on the fall-through path).
  llvm::Value* checkedPacketPointer(llvm::Value* offset, unsigned bytes, llvm::BasicBlock* fail);

  llvm::Value* lookahead(const ast::CallExpr* call);
  // Header stacks (header_stack.cpp).
  std::optional<LValue> stackElement(const LValue& stack, unsigned index, SourceLocation loc);
  void extractNext(const LValue& stack, const ast::CallExpr* call);
  llvm::Value* stackLastField(const ast::MemberExpr* field);
  llvm::Value* stackLastIndex(const ast::MemberExpr* e);
  // Run-time stack indexes (header_stack.cpp). Writes: when `target` has an index that
  // is not a constant, runs `body` once per element with that index fixed (a switch;
  // an index out of range writes nothing) and returns true. Reads: a copy of the element
  // (an invalid header when out of range).
  bool withRuntimeIndex(const ast::Expr* target, const std::function<void()>& body);
  // `e`: s[i] with i not constant, s.last or s.next (read as a copy unless fixed).
  std::optional<LValue> runtimeElement(const LValue& stack, const ast::Expr* e);
  llvm::Value* dynamicIndex(const ast::Expr* element, const LValue& stack);
  std::unordered_map<const ast::Expr*, unsigned> m_forcedIndex;

  // ---- varbit fields (varbit.cpp)
  static int varbitFieldIndex(const sema::StructType* header);  // -1: none
  bool checkVarbitLayout(const sema::StructType* header, SourceLocation loc);
  static unsigned varbitBytes(const sema::Type* varbit);
  llvm::Value* extractVarbit(const LValue& header, const ast::CallExpr* call, llvm::Value* offset);
  llvm::Value* varbitEqual(llvm::Value* l, llvm::Value* r, const sema::Type* type);
  llvm::Value* boundedLength(llvm::Value* bytes, unsigned max, llvm::BasicBlock* empty,
                             llvm::BasicBlock* tooLong);
  llvm::Value* storeVarbit(llvm::Value* snapshot, const sema::StructType* header, llvm::Value* at,
                           llvm::BasicBlock* fail);

  // ---- parser (parser.cpp)
  void lowerParser(const ast::ParserDecl* parser, llvm::BasicBlock* accept,
                   llvm::BasicBlock* reject);
  void lowerParserStates(const ast::ParserDecl* parser, const std::string& prefix,
                         llvm::BasicBlock* accept);
  void applyParserInstance(const ast::InstantiationDecl* inst, const ast::ParserDecl* sub,
                           const ast::CallExpr* call);
  std::string m_parserPrefix;  // stage prefix of the (sub-)parser being lowered
  std::string m_parserState;   // stage of the parser state being lowered (a sub-parser's caller)
  unsigned m_parserDepth = 0;

  // ---- tables and actions (table.cpp, action.cpp)
  TableApplyResult applyTable(const ast::TableDecl* table, SourceLocation loc);
  // `args` is called after the action's stage counter is incremented, so argument
  // values (e.g. loaded from a map value) do not have to survive the helper call.
  using ArgsFn = std::function<std::vector<BoundArg>()>;
  void runAction(const ast::ActionDecl* action, const ArgsFn& args, SourceLocation loc);
  void callAction(const ast::CallExpr* call);
  llvm::Value* callFunction(const ast::CallExpr* call);  // null for void functions
  void noteActionRun(const TableApply& apply, const ast::ActionDecl* action);
  void emitConstEntries(const TableApply& apply, const std::vector<llvm::Value*>& keys);
  void emitEntryLookup(const TableApply& apply, const std::vector<llvm::Value*>& keys,
                       llvm::BasicBlock* hitBlock, llvm::BasicBlock* missBlock);
  void emitDefaultSlot(const TableApply& apply, llvm::BasicBlock* dispatch,
                       llvm::BasicBlock* compiled);
  // Writes the key fields (network order) into `key` as the table layout places them;
  // range fields are skipped when `skipRanges` (scanned tables compare them apart).
  void storeKeyFields(const TableLayout& l, const std::vector<llvm::Value*>& keys,
                      llvm::Value* key, bool skipRanges);
  // Scanned (ternary/range) tables, table_scan.cpp.
  bool layoutScan(LoweredTable& t);
  void layoutScanEntries(LoweredTable& t);
  void defineScanMap(LoweredTable& t, llvm::DIType* value);
  void emitScanLookup(const TableApply& apply, const std::vector<llvm::Value*>& keys,
                      llvm::BasicBlock* hitBlock, llvm::BasicBlock* missBlock);
  llvm::Function* scanCallback(LoweredTable& t);
  std::vector<BoundArg> bindCallArgs(const ast::Params& params, const ast::CallExpr* call);
  // `prelude` runs after the parameters are bound, before the body (control locals).
  void inlineBody(const ast::Params& params, const std::vector<BoundArg>& args,
                  const ast::BlockStmt* body, const std::string& name,
                  llvm::AllocaInst* returnSlot, const std::function<void()>& prelude = {});
  // `inst.apply(...)` of a control instantiated inside a control (action.cpp).
  void applyControlInstance(const ast::CallExpr* call);
  void declareControlLocals(const ast::ControlDecl* control);
  void countAction(const ast::ActionDecl* action);

  // ---- externs (extern.cpp): null when the call is not a supported extern
  void declareExternInstance(const ast::InstantiationDecl* inst);
  llvm::Value* externCall(const ast::CallExpr* call);
  llvm::Value* counterMethod(const ast::CallExpr* call);
  llvm::Value* perfEventOutput();
  // Register, FlowTable and p4wb_hash (extern_state.cpp); null when not one of them.
  bool declareStatefulExtern(const ast::InstantiationDecl* inst, const ast::ExternDecl* ext);
  llvm::Value* statefulMethod(const ast::CallExpr* call);
  llvm::Value* hashCall(const ast::CallExpr* call);

  // ---- deparser (deparser.cpp)
  void lowerDeparser(const ast::ControlDecl* deparser);

 private:
  friend class ParserLowering;
  bool bindParameters(unsigned ingressIfindexOffset);
  bool lowerFunction(bool tc);
  void resetFunctionState();
  void finishWith(const std::string& verdict, llvm::Value* result);
  void lowerControl(const ast::ControlDecl* control, llvm::BasicBlock* done);
  void emitVerdict(bool tc, unsigned ifindexOffset);
  void registerVerdictStages();
  LoweredTable* tableFor(const ast::TableDecl* table);
  bool layoutTable(LoweredTable& t);
  bool layoutKey(TableLayout& l, const ast::TableKey& k);
  bool layoutExactLpm(TableLayout& l, const ast::TableDecl& decl, const ast::TableKey* lpmKey);
  void defineTableMaps(LoweredTable& t);
  void dispatchActions(LoweredTable& t, llvm::Value* value, llvm::Value* actionId,
                       llvm::BasicBlock* join, llvm::AllocaInst* ran);
  std::vector<BoundArg> boundArgs(const ast::ActionRef& ref, llvm::Value* value,
                                      const ActionLayout* layout);
  void emitHeaderExtract(const LValue& header, const ast::CallExpr* call);
  void emitEmit(llvm::Value* ptr, const std::string& path, const sema::Type* type,
                SourceLocation loc);
  // deparser.cpp: whether the packet's head must be rebuilt, and the rebuild.
  bool headNeedsRewrite() const;
  void rewriteHead(llvm::BasicBlock* verdict);
  void keepMacBytes(llvm::Value* length, llvm::Value* payload, llvm::BasicBlock* fail);
  llvm::Value* shrinkTcHead(llvm::Value* delta, llvm::Value* length, llvm::Value* payload,
                            llvm::BasicBlock* fail);
  void storeHeaderImage(llvm::Value* packet, const sema::StructType* type, llvm::Value* header);
  llvm::Value* headRebuildFlag();
  // Set on this packet's path by anything that can make the output head differ from the
  // parsed one (a validity change, a header write); clear → rewriteHead() skips it all.
  void markHeadDirty();
  bool rebuildSkippableWhenClean() const;
  // scratch.cpp: large headers/metadata to a per-CPU map when the stack would overflow.
  void spillLargeLocals(const std::string& hook, unsigned abortResult, bool emitCopiesLive);
  void setValidity(const ast::CallExpr* call, bool valid);
  void pushPopFront(const ast::CallExpr* call, bool push);
  void markValidityChange(const LValue& lv);
  bool inSharedHeaders(const LValue& lv) const;  // a place in the H all blocks share
  void invalidateUnionSiblings(const ast::Expr* member, bool markChange);
  void declareValueSet(const ast::ValueSetDecl* vs, const std::string& parser);
  llvm::Value* valueSetContains(const ast::ValueSetDecl* vs, llvm::Value* value,
                                SourceLocation loc);
  llvm::Value* selectCaseMatches(const ast::Expr* keyset, llvm::Value* value,
                                 const sema::Type* type);
  void emitCall(const ast::CallExpr* call, SourceLocation loc);
  llvm::Value* binary(const ast::BinaryExpr* e, const sema::Type* expected);
  llvm::Value* initializer(const ast::Expr* e, const sema::StructType* st);
  llvm::Value* aggregateEqual(llvm::Value* l, llvm::Value* r, const sema::Type* type);
  llvm::Value* multiply(llvm::Value* l, llvm::Value* r);  // any width, wraps
  llvm::Value* divide(llvm::Value* l, llvm::Value* r, bool remainder);  // unsigned, any width
  llvm::StructType* divisionState(unsigned limbs);
  llvm::GlobalVariable* divisionMap(unsigned width, unsigned limbs);
  llvm::Function* divisionStep(unsigned width, unsigned limbs);
  std::map<unsigned, llvm::Function*> m_divisionSteps;  // bpf_loop callbacks, per width
  llvm::Value* wideShift(llvm::Instruction::BinaryOps op, llvm::Value* v, llvm::Value* amount);
  llvm::Value* member(const ast::MemberExpr* e, const sema::Type* expected);
  llvm::Value* callValue(const ast::CallExpr* call);
  llvm::DIScope* scopeFor(FileId file);

 public:
  LowerContext& m_ctx;
  const FrontEndResult& m_fe;
  const LowerOptions& m_options;
  ProgramLayout& m_layout;
  StageCounters m_stages;
  std::vector<LowerError> m_errors;

  llvm::Value* m_data = nullptr;               // packet start (ptr)
  llvm::Value* m_dataEnd = nullptr;            // packet end (ptr)
  llvm::AllocaInst* m_packetOffset = nullptr;  // i32 parser cursor, bytes
  llvm::AllocaInst* m_headers = nullptr;       // the H instance shared by all blocks
  llvm::AllocaInst* m_output = nullptr;        // xdp_output
  llvm::AllocaInst* m_accept = nullptr;        // ebpfFilter: the control's `out bool`
  bool m_isFilter = false;                     // ebpfFilter rather than xdp
  bool m_writeThrough = true;                  // header field writes go to the packet
  // i1, true when the head is rebuilt: known only after the deparser, so field writes
  // test it and the entry block stores the constant at the end (LLVM folds the test).
  llvm::AllocaInst* m_headRebuild = nullptr;
  llvm::AllocaInst* m_headDirty = nullptr;
  std::map<const ast::CallExpr*, std::string> m_extractPaths;  // extract call -> header path
  const sema::StructType* m_outputType = nullptr;
  llvm::BasicBlock* m_controlExit = nullptr;   // target of `exit`
  llvm::BasicBlock* m_actionReturn = nullptr;  // target of `return` in an action/function
  llvm::AllocaInst* m_returnSlot = nullptr;    // where `return e;` stores e (functions)
  unsigned m_inlineDepth = 0;
  std::unordered_map<const ast::ValueSetDecl*, llvm::GlobalVariable*> m_valueSets;
  llvm::BasicBlock* m_parserReject = nullptr;  // the common reject (see rejectWith)
  std::string m_parserName;
  std::map<std::string, llvm::BasicBlock*> m_rejectBlocks;  // per parser error, this function
  llvm::BasicBlock* rejectWith(const std::string& error);
  llvm::BasicBlock* m_verdictBlock = nullptr;
  unsigned m_rejectStage = 0;
  std::map<std::string, unsigned> m_verdictStages;  // "XDP_PASS" -> id

  std::unordered_map<const ast::Decl*, std::pair<llvm::Value*, const sema::Type*>> m_storage;
  // Parameters read straight from the table entry while their action is inlined; taking
  // one's l-value drops it from here (later reads then use its local copy).
  std::unordered_map<const ast::Decl*, LazyParam> m_lazyParams;
  std::unordered_map<const sema::Type*, llvm::Type*> m_types;
  // Keyed by P4 name (controlLocalName): each instance of a control has its own.
  std::map<std::string, std::unique_ptr<LoweredTable>> m_tables;
  std::map<std::string, unsigned> m_actionStages;
  std::unordered_map<FileId, llvm::DIScope*> m_scopes;
  // Headers the parser extracts (path -> P4 text and place) and the deparser emits.
  std::map<std::string, std::pair<std::string, SourceLocation>> m_extracted;
  std::set<std::string> m_emitted;
  // Emits the deparser ran, in order; set when a header's validity may differ from
  // what the parser left (setValid/setInvalid, push/pop, whole-header assignment), or
  // an emit is conditional: then the head is rebuilt after the deparser.
  std::vector<EmitRecord> m_emits;
  bool m_validityMayChange = false;
  // Header types some setValid() makes valid: their fields can be read before anything
  // writes them, so the scratch entry zeroes them per packet (scratch.cpp).
  std::set<const sema::Type*> m_setValidTypes;
  bool m_parserSkips = false;  // advance() or a header extracted twice: bytes to drop
  bool m_conditionalEmit = false;
  bool m_inDeparser = false;
  // Control flow for the schema's "control_flow": where the next table apply comes
  // from (the control, or tables applied before) and the condition on the way.
  struct FlowPred {
    std::string node;
    std::string label;
  };
  std::vector<FlowPred> m_flowPreds;
  // Preds that left the innermost inlined body by `return` (they join its end).
  std::vector<std::vector<FlowPred>> m_flowReturns;
  // Adds `from` to `into`, skipping preds already there (same node and label).
  static void mergeFlowPreds(std::vector<FlowPred>& into, std::vector<FlowPred> from);
  // The end of a branch joins `joined`; preds it did not change get back the label they
  // had before the branch (`before`).
  static void settleFlowPreds(std::vector<FlowPred>& joined, const std::vector<FlowPred>& before,
                              std::vector<FlowPred> branch);
  unsigned m_branchDepth = 0;  // if/switch nesting inside the deparser
  bool m_tcHook = false;
  unsigned m_ctxData = 0, m_ctxDataEnd = 0;  // offsets of data/data_end in the context
  // Extern instances per declaration and control instance (instancePath()).
  using InstanceKey = std::pair<const ast::Decl*, std::string>;
  InstanceKey instanceKey(const ast::Decl* decl) const { return {decl, instancePath()}; }
  // CounterArray instances: map and whether it is sparse (a hash map).
  std::map<InstanceKey, std::pair<llvm::GlobalVariable*, bool>> m_counters;
  // Register and FlowTable instances.
  std::map<InstanceKey, StatefulExtern> m_stateful;
  // The control instances being lowered, outermost first: the top-level control (path
  // = its name), then each instance applied inside it.
  struct ControlFrame {
    const ast::ControlDecl* control = nullptr;
    std::string path;
  };
  std::vector<ControlFrame> m_controlFrames;
  FileId m_mainFile = 0;
};

}  // namespace p4wb::compiler
