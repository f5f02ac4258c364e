// Paged reads of a table's entries, so a caller can show the first rows of a
// million-entry table without reading the rest. Hash and array maps are read with
// bpf_map_lookup_batch (one syscall per page); maps without batch ops (lpm_trie, older
// kernels) are walked with a key cursor (bpf_map_get_next_key + lookup). Scanned tables
// are bounded slot arrays and come in one page. Pages are in the kernel's iteration
// order, which is stable while the table is not written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/loaded_program.h"
#include "runtime/result.h"
#include "runtime/table.h"

namespace p4wb::runtime {

// Where the next page of a table starts. Default-constructed: at the beginning.
struct TableCursor {
  bool done = false;  // the last page reached the end of the table
  bool started = false;
  bool keyWalk = false;  // walk by key (set when the map has no batch lookups; may be preset)
  std::vector<std::uint8_t> position;  // batch token, or the last key read (keyWalk)
};

// The raw bytes of one entry as the map holds them.
struct RawEntry {
  std::vector<std::uint8_t> key;
  std::vector<std::uint8_t> value;
};

// Up to maxEntries entries from cursor on (possibly fewer, also before the end: hash
// batches end at bucket boundaries), advancing cursor. Empty with cursor.done at the end.
Result<std::vector<Entry>> readTablePage(const LoadedProgram& prog, std::string_view table,
                                         TableCursor& cursor, std::size_t maxEntries);

struct TablePrefix {
  std::vector<Entry> entries;
  bool complete = false;  // entries is the whole table (then sorted like dumpTable)
};

// At least `limit` entries from the start of the table when it has that many (whole
// pages, so a few more may come). When the table ends within the read, the entries are
// sorted by key bytes as dumpTable() sorts them and complete is set.
Result<TablePrefix> readTablePrefix(const LoadedProgram& prog, std::string_view table,
                                    std::size_t limit, std::size_t pageEntries = 4096);

}  // namespace p4wb::runtime
