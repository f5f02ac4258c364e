// Program stats for the eBPF pane: instructions per ELF section and the stack depth,
// read off the annotated listing, and the maps with their types and sizes, read off the
// program schema. Pure functions of a CompileResult (no libbpf, no kernel), cheap enough
// for the UI thread (one pass over the listing).
#pragma once

#include <QList>
#include <QString>

#include "compiler/driver/driver.h"

namespace p4wb::app {

struct ProgramStats {
  struct Section {
    QString name;
    int instructions = 0;  // 8-byte slots (a 64-bit immediate load takes two)
  };
  struct Map {
    QString name, type;
    quint32 maxEntries = 0;
    quint32 keySize = 0, valueSize = 0;
  };
  QList<Section> sections;
  int stackBytes = 0;  // deepest r10 offset the listing uses (BPF allows 512)
  QList<Map> maps;
};

ProgramStats programStats(const compiler::CompileResult& result);
// "123 instructions (xdp) · stack 40 of 512 bytes · 3 maps, 41 KiB"
QString summaryText(const ProgramStats& stats);
// One line per map: name, type, entries, key/value bytes.
QString mapsText(const ProgramStats& stats);

}  // namespace p4wb::app
