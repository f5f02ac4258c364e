// Scanned tables: a table with a ternary or range key (or more than one lpm key) is a
// priority-ordered array that the program scans with bpf_loop; the first slot that
// matches wins, because the runtime keeps the live slots sorted best priority first.
//
// Map `<map>`: BPF_MAP_TYPE_ARRAY, 1 + 2 * size elements of `slot_size` bytes.
//   element 0, bytes 0-3: control word = live count | active half << 31 (host u32)
//   element 1 + half * size + i: slot i of a half:
//     [0, value_size)          the table value (u32 action id + params), as in hash tables
//     priority_offset          u32 P4 priority (host order; 0 = none given)
//     key_offset               the packed key, network order, key_bytes (key_size rounded to 8)
//     mask_offset              its mask (exact: all ones, lpm: the prefix, ternary: as given)
//     then per range key       u64 lo, u64 hi (host order)
// The runtime writes a whole new half and then flips the control word (one u32 store),
// so a packet sees either the old or the new table, never half an update.
//
// Verification cost does not grow with the size: the loop body is the bpf_loop callback,
// verified once for an unknown index; the caller is straight-line code.
#include <algorithm>

#include "compiler/lower/bpf_maps.h"
#include "compiler/lower/lowerer.h"

namespace p4wb::compiler {

namespace {

constexpr std::uint64_t kBpfLoop = 181;  // BPF_FUNC_loop (include/uapi/linux/bpf.h)
constexpr unsigned kCtxKey = 0, kCtxRanges = 1, kCtxBase = 2, kCtxResult = 3;

unsigned align8(unsigned n) { return (n + 7) / 8 * 8; }

// &ctx->field[element]: the leading 0 stays on the context itself (a two-index GEP would
// step over whole contexts and address the wrong bytes).
llvm::Value* ctxElement(llvm::IRBuilder<>& b, llvm::Type* ctxType, llvm::Value* ctx, unsigned field,
                        unsigned element) {
  return b.CreateInBoundsGEP(ctxType, ctx, {b.getInt32(0), b.getInt32(field), b.getInt32(element)});
}

std::string lastName(const std::string& dotted) {
  std::size_t dot = dotted.rfind('.');
  std::string s = dot == std::string::npos ? dotted : dotted.substr(dot + 1);
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

}  // namespace

bool Lowerer::layoutScan(LoweredTable& t) {
  TableLayout& l = t.layout;
  ScanLayout s;
  s.slots = l.maxEntries;
  bool ok = true;
  for (const auto& [name, e] : t.decl->otherProperties) {
    if (!e || !e->constValue) continue;
    if (name == "largest_priority_wins" && e->constValue->kind == sema::ConstValue::Kind::Bool)
      s.largestPriorityWins = e->constValue->boolValue;
    if (name == "priority_delta" && e->constValue->kind == sema::ConstValue::Kind::Int)
      s.priorityDelta = std::max<std::uint64_t>(1, e->constValue->asU64());
  }
  if (s.slots > (1u << 20)) {
    unsupported(t.decl->loc, "a ternary/range table larger than 1048576 entries");
    ok = false;
  }
  s.keyBytes = std::max(8u, align8(l.keySize));
  s.priorityOffset = align8(l.valueSize);
  s.keyOffset = s.priorityOffset + 8;
  s.maskOffset = s.keyOffset + s.keyBytes;
  unsigned offset = s.maskOffset + s.keyBytes;
  for (std::size_t i = 0; i < l.keys.size(); ++i) {
    if (l.keys[i].match != "range") continue;
    if (l.keys[i].bits > 64) {
      unsupported(t.decl->keys[i].loc, "a range key wider than 64 bits");
      ok = false;
    }
    s.ranges.push_back({static_cast<unsigned>(i), offset, offset + 8});
    offset += 16;
  }
  s.slotSize = offset;
  l.mapType = "array";
  l.scan = s;
  return ok;
}

// Priorities of the `entries` (P4 spec, "Entries"): none given -> the first entry wins
// (priorities 1, 1 + delta, ... counted from the winning end); some given -> the first
// must have one, the others continue from the previous one by `priority_delta`.
void Lowerer::layoutScanEntries(LoweredTable& t) {
  const ScanLayout& s = *t.layout.scan;
  std::vector<ConstEntryLayout>& out = t.layout.constEntries;
  const std::vector<ast::TableEntry>& in = t.decl->entries;
  std::size_t n = std::min(out.size(), in.size());
  bool given = false;
  for (std::size_t i = 0; i < n; ++i) given = given || in[i].priority;
  if (!given) {
    std::uint64_t p = 1;
    for (std::size_t i = 0; i < n; ++i, p += s.priorityDelta)
      out[s.largestPriorityWins ? n - 1 - i : i].priority = p;
    return;
  }
  std::uint64_t current = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const ast::Expr* p = in[i].priority.get();
    if (p && p->constValue && p->constValue->kind == sema::ConstValue::Kind::Int) {
      current = p->constValue->asU64();
    } else if (i == 0) {
      m_errors.push_back({in[i].loc, "the first entry needs a priority when later entries have one"});
      return;
    }
    if (current == 0 || current > 0xffffffffu) {
      m_errors.push_back({in[i].loc, "entry priority " + std::to_string(current) +
                                         " is outside 1..4294967295"});
      return;
    }
    out[i].priority = current;
    current = s.largestPriorityWins ? current - s.priorityDelta : current + s.priorityDelta;
  }
}

void Lowerer::defineScanMap(LoweredTable& t, llvm::DIType* value) {
  TableLayout& l = t.layout;
  const ScanLayout& s = *l.scan;
  unsigned line = t.decl->loc.line;
  std::vector<BtfMember> members = {{"entry", value, 0},
                                    {"priority", m_ctx.diU32(), s.priorityOffset},
                                    {"key", m_ctx.diByteArray(s.keyBytes), s.keyOffset},
                                    {"mask", m_ctx.diByteArray(s.keyBytes), s.maskOffset}};
  for (const ScanRangeLayout& r : s.ranges) {
    std::string name = lastName(l.keys[r.key].name);
    members.push_back({"lo_" + name, m_ctx.diU64(), r.lo});
    members.push_back({"hi_" + name, m_ctx.diU64(), r.hi});
  }
  llvm::DIType* slot = createBtfStruct(m_ctx, l.map + "_slot", s.slotSize, members, line);
  t.map = defineMap(m_ctx, {l.map, BpfMapType::Array, m_ctx.diU32(), slot, 1 + 2 * s.slots, 0, line});
}

// long <map>_scan(u32 index, struct scan_ctx *ctx): 1 stops the loop (a match, written
// to ctx->result, or a missing slot), 0 goes on with the next slot.
llvm::Function* Lowerer::scanCallback(LoweredTable& t) {
  if (t.scanFn) return t.scanFn;
  const ScanLayout& s = *t.layout.scan;
  llvm::LLVMContext& c = m_ctx.context();
  llvm::IRBuilder<>& b = m_ctx.builder();
  llvm::Type* i64 = b.getInt64Ty();
  llvm::Type* i32 = b.getInt32Ty();
  t.scanCtx = m_ctx.namedStruct(
      {llvm::ArrayType::get(i64, s.keyBytes / 8), llvm::ArrayType::get(i64, s.ranges.size()), i32, i32},
      "scan_ctx." + t.layout.map);
  unsigned line = t.decl->loc.file == m_mainFile ? t.decl->loc.line : 0;
  llvm::IRBuilderBase::InsertPointGuard guard(b);
  llvm::DebugLoc savedLoc = b.getCurrentDebugLocation();
  llvm::Function* f = m_ctx.createLoopCallback(t.layout.map + "_scan", line);
  llvm::Value* ctx = f->getArg(1);
  llvm::AllocaInst* slotKey = b.CreateAlloca(i32, nullptr, "slot_key");
  llvm::Value* base = b.CreateAlignedLoad(i32, b.CreateStructGEP(t.scanCtx, ctx, kCtxBase), llvm::Align(4));
  llvm::Value* index = b.CreateTrunc(f->getArg(0), i32);
  b.CreateStore(b.CreateAdd(base, index), slotKey);
  llvm::Value* slot = emitMapLookup(m_ctx, t.map, slotKey);
  llvm::BasicBlock* compare = llvm::BasicBlock::Create(c, "compare", f);
  llvm::BasicBlock* stop = llvm::BasicBlock::Create(c, "stop", f);
  llvm::BasicBlock* next = llvm::BasicBlock::Create(c, "next", f);
  b.CreateCondBr(b.CreateIsNull(slot), stop, compare);

  b.SetInsertPoint(compare);
  auto slotWord = [&](unsigned offset) {
    return b.CreateAlignedLoad(i64, b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), slot, offset), llvm::Align(8));
  };
  // One branch per slot: every masked 8-byte chunk and every range folded into one flag.
  llvm::Value* diff = b.getInt64(0);
  for (unsigned w = 0; w < s.keyBytes / 8; ++w) {
    llvm::Value* key = b.CreateAlignedLoad(i64, ctxElement(b, t.scanCtx, ctx, kCtxKey, w),
                                           llvm::Align(8));
    llvm::Value* masked = b.CreateAnd(key, slotWord(s.maskOffset + 8 * w));
    diff = b.CreateOr(diff, b.CreateXor(masked, slotWord(s.keyOffset + 8 * w)));
  }
  llvm::Value* match = b.CreateICmpEQ(diff, b.getInt64(0));
  for (std::size_t r = 0; r < s.ranges.size(); ++r) {
    llvm::Value* v = b.CreateAlignedLoad(
        i64, ctxElement(b, t.scanCtx, ctx, kCtxRanges, static_cast<unsigned>(r)), llvm::Align(8));
    llvm::Value* inside = b.CreateAnd(b.CreateICmpUGE(v, slotWord(s.ranges[r].lo)),
                                      b.CreateICmpULE(v, slotWord(s.ranges[r].hi)));
    match = b.CreateAnd(match, inside);
  }
  llvm::BasicBlock* found = llvm::BasicBlock::Create(c, "found", f);
  b.CreateCondBr(match, found, next);

  b.SetInsertPoint(found);
  b.CreateAlignedStore(index, b.CreateStructGEP(t.scanCtx, ctx, kCtxResult), llvm::Align(4));
  b.CreateBr(stop);
  b.SetInsertPoint(stop);
  b.CreateRet(b.getInt64(1));
  b.SetInsertPoint(next);
  b.CreateRet(b.getInt64(0));
  b.SetCurrentDebugLocation(savedLoc);
  t.scanFn = f;
  return f;
}

// Reads the control word, scans min(count, size) slots of the active half with bpf_loop
// and looks the winning slot up again for the action dispatch (apply.entry = the slot,
// whose first bytes are the table value).
void Lowerer::emitScanLookup(const TableApply& apply, const std::vector<llvm::Value*>& keys,
                             llvm::BasicBlock* hitBlock, llvm::BasicBlock* missBlock) {
  llvm::IRBuilder<>& b = m_ctx.builder();
  LoweredTable& t = apply.t;
  const ScanLayout& s = *t.layout.scan;
  llvm::DebugLoc loc = b.getCurrentDebugLocation();
  llvm::Function* callback = scanCallback(t);
  b.SetCurrentDebugLocation(loc);
  const std::string& name = t.decl->name;
  llvm::Value* control = emitMapLookup(m_ctx, t.map, m_ctx.zeroKey());
  llvm::BasicBlock* scan = newBlock("scan." + name);
  b.CreateCondBr(b.CreateIsNull(control), missBlock, scan);

  b.SetInsertPoint(scan);
  llvm::Value* word = b.CreateAlignedLoad(b.getInt32Ty(), control, llvm::Align(4));
  llvm::Value* count = b.CreateAnd(word, b.getInt32(0x7fffffff));
  llvm::Value* slots = b.getInt32(s.slots);
  llvm::Value* n = b.CreateSelect(b.CreateICmpULT(count, slots), count, slots);
  llvm::Value* base = b.CreateAdd(b.CreateMul(b.CreateLShr(word, 31), slots), b.getInt32(1));
  llvm::AllocaInst* ctx = m_ctx.entryAlloca(t.scanCtx, "scan." + name);
  ctx->setAlignment(llvm::Align(8));
  b.CreateStore(llvm::Constant::getNullValue(t.scanCtx), ctx);
  storeKeyFields(t.layout, keys, b.CreateStructGEP(t.scanCtx, ctx, kCtxKey), true);
  for (std::size_t r = 0; r < s.ranges.size(); ++r)
    b.CreateAlignedStore(coerce(keys[s.ranges[r].key], b.getInt64Ty(), false),
                         ctxElement(b, t.scanCtx, ctx, kCtxRanges, static_cast<unsigned>(r)),
                         llvm::Align(8));
  b.CreateStore(base, b.CreateStructGEP(t.scanCtx, ctx, kCtxBase));
  llvm::Value* resultPtr = b.CreateStructGEP(t.scanCtx, ctx, kCtxResult);
  b.CreateStore(b.getInt32(0xffffffff), resultPtr);
  m_ctx.callHelper(static_cast<BpfHelper>(kBpfLoop), b.getInt64Ty(), {n, callback, ctx, b.getInt64(0)});
  llvm::Value* result = b.CreateLoad(b.getInt32Ty(), resultPtr);
  llvm::BasicBlock* found = newBlock("scan.found." + name);
  b.CreateCondBr(b.CreateICmpEQ(result, b.getInt32(0xffffffff)), missBlock, found);

  b.SetInsertPoint(found);
  llvm::AllocaInst* slotKey = m_ctx.entryAlloca(b.getInt32Ty(), "slot." + name);
  b.CreateStore(b.CreateAdd(base, result), slotKey);
  llvm::Value* slot = emitMapLookup(m_ctx, t.map, slotKey);
  b.CreateStore(slot, apply.entry);
  b.CreateCondBr(b.CreateIsNull(slot), missBlock, hitBlock);
}

}  // namespace p4wb::compiler
