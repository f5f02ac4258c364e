#include "app/studio/program_stats.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

#include "runtime/schema.h"

namespace p4wb::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ProgramStats", text); }

void listingStats(const QString& asmText, ProgramStats& stats) {
  static const QRegularExpression section(QStringLiteral("^Disassembly of section (\\S+):"));
  static const QRegularExpression insn(QStringLiteral("^\\s*(\\d+):\\s*(.*)$"));
  static const QRegularExpression frame(QStringLiteral("\\(r10 - (\\d+)\\)"));
  static const QRegularExpression fromFp(QStringLiteral("^(r\\d+) = r10$"));
  static const QRegularExpression addImm(QStringLiteral("^(r\\d+) \\+= -(\\d+)"));
  QString fpCopy;  // a register just set to r10: "rX = r10; rX += -N" addresses the stack
  for (const QString& line : asmText.split(QLatin1Char('\n'))) {
    if (const auto m = section.match(line); m.hasMatch()) {
      stats.sections.append({m.captured(1), 0});
      continue;
    }
    const auto m = insn.match(line);
    if (!m.hasMatch() || stats.sections.isEmpty()) continue;
    const QString code = m.captured(2).section(QLatin1Char(';'), 0, 0).trimmed();
    const bool wide = code.endsWith(QStringLiteral(" ll"));
    stats.sections.last().instructions = m.captured(1).toInt() + (wide ? 2 : 1);
    for (auto f = frame.globalMatch(code); f.hasNext();)
      stats.stackBytes = std::max(stats.stackBytes, f.next().captured(1).toInt());
    if (const auto a = addImm.match(code); a.hasMatch() && a.captured(1) == fpCopy)
      stats.stackBytes = std::max(stats.stackBytes, a.captured(2).toInt());
    const auto c = fromFp.match(code);
    fpCopy = c.hasMatch() ? c.captured(1) : QString();
  }
}

void schemaMaps(const std::string& json, ProgramStats& stats) {
  auto schema = runtime::parseSchema(json);
  if (!schema) return;
  auto add = [&](const std::string& name, const QString& type, quint32 entries, quint32 key, quint32 value) {
    if (name.empty()) return;
    for (const ProgramStats::Map& m : stats.maps)
      if (m.name == QString::fromStdString(name)) return;
    stats.maps.append({QString::fromStdString(name), type, entries, key, value});
  };
  for (const runtime::TableSchema& t : schema->tables) {
    add(t.map, QString::fromStdString(t.mapType), t.maxEntries, t.keySize, t.valueSize);
    add(t.defaultMap, QStringLiteral("array"), 1, 4, t.valueSize);
  }
  for (const runtime::ExternSchema& e : schema->externs)
    add(e.map, QString::fromStdString(e.mapType), e.maxEntries, e.keySize, e.valueSize);
  if (schema->stageCounters)
    add(schema->stageCounters->map, QStringLiteral("percpu_array"), 1, 4,
        8 * std::max<quint32>(1, schema->stageCounters->count));
}

}  // namespace

ProgramStats programStats(const compiler::CompileResult& result) {
  ProgramStats stats;
  listingStats(QString::fromStdString(result.asmText), stats);
  schemaMaps(result.schemaJson, stats);
  return stats;
}

QString summaryText(const ProgramStats& stats) {
  QStringList sections;
  for (const ProgramStats::Section& s : stats.sections)
    sections << tr("%1 instructions (%2)").arg(s.instructions).arg(s.name);
  quint64 bytes = 0;
  for (const ProgramStats::Map& m : stats.maps)
    bytes += quint64(m.maxEntries) * (m.keySize + m.valueSize);
  return tr("%1 · stack %2 of 512 bytes · %3 maps, about %4 KiB of keys and values")
      .arg(sections.join(QStringLiteral(", ")))
      .arg(stats.stackBytes)
      .arg(stats.maps.size())
      .arg((bytes + 1023) / 1024);
}

QString mapsText(const ProgramStats& stats) {
  QStringList lines;
  for (const ProgramStats::Map& m : stats.maps)
    lines << tr("%1: %2, %3 entries, key %4 B, value %5 B")
                 .arg(m.name, m.type)
                 .arg(m.maxEntries)
                 .arg(m.keySize)
                 .arg(m.valueSize);
  return lines.join(QLatin1Char('\n'));
}

}  // namespace p4wb::app
