#include "visualizer/table_commands.h"

#include <QObject>
#include <QStringList>

namespace p4wb::visualizer {
namespace {

QString keysText(const runtime::Entry& e) {
  QStringList keys;
  for (const std::string& k : e.keys) keys << QString::fromStdString(k);
  return keys.join(QLatin1Char(' '));
}

void send(const TableWriter& writer, TableWrite::Kind kind, const QString& table,
          const runtime::Entry& entry) {
  TableWrite w;
  w.kind = kind;
  w.table = table;
  w.entry = entry;
  writer(w);
}

}  // namespace

QString runtimeCliLine(const QString& table, const runtime::Entry& entry) {
  QStringList params;
  for (const std::string& p : entry.params) params << QString::fromStdString(p);
  return QStringLiteral("table_add %1 %2 %3 => %4")
      .arg(table, QString::fromStdString(entry.action), keysText(entry), params.join(' '))
      .trimmed();
}

AddEntryCommand::AddEntryCommand(TableWriter writer, QString table, runtime::Entry entry)
    : m_writer(std::move(writer)), m_table(std::move(table)), m_entry(std::move(entry)) {
  setText(QObject::tr("add %1 to %2").arg(keysText(m_entry), m_table));
}
void AddEntryCommand::redo() { send(m_writer, TableWrite::Kind::Add, m_table, m_entry); }
void AddEntryCommand::undo() { send(m_writer, TableWrite::Kind::Delete, m_table, m_entry); }

DeleteEntryCommand::DeleteEntryCommand(TableWriter writer, QString table, runtime::Entry entry)
    : m_writer(std::move(writer)), m_table(std::move(table)), m_entry(std::move(entry)) {
  setText(QObject::tr("delete %1 from %2").arg(keysText(m_entry), m_table));
}
void DeleteEntryCommand::redo() { send(m_writer, TableWrite::Kind::Delete, m_table, m_entry); }
void DeleteEntryCommand::undo() { send(m_writer, TableWrite::Kind::Add, m_table, m_entry); }

ModifyEntryCommand::ModifyEntryCommand(TableWriter writer, QString table, runtime::Entry before,
                                       runtime::Entry after)
    : m_writer(std::move(writer)),
      m_table(std::move(table)),
      m_before(std::move(before)),
      m_after(std::move(after)) {
  setText(QObject::tr("modify %1 in %2").arg(keysText(m_before), m_table));
}
void ModifyEntryCommand::apply(const runtime::Entry& from, const runtime::Entry& to) {
  if (from.keys == to.keys) {
    send(m_writer, TableWrite::Kind::Modify, m_table, to);
  } else {
    send(m_writer, TableWrite::Kind::Delete, m_table, from);
    send(m_writer, TableWrite::Kind::Add, m_table, to);
  }
}
void ModifyEntryCommand::redo() { apply(m_before, m_after); }
void ModifyEntryCommand::undo() { apply(m_after, m_before); }

SetDefaultCommand::SetDefaultCommand(TableWriter writer, QString table, runtime::Entry before,
                                     runtime::Entry after)
    : m_writer(std::move(writer)),
      m_table(std::move(table)),
      m_before(std::move(before)),
      m_after(std::move(after)) {
  setText(QObject::tr("set default action of %1").arg(m_table));
}
void SetDefaultCommand::redo() { send(m_writer, TableWrite::Kind::SetDefault, m_table, m_after); }
void SetDefaultCommand::undo() {
  send(m_writer, TableWrite::Kind::SetDefault, m_table, m_before);
}

}  // namespace p4wb::visualizer
