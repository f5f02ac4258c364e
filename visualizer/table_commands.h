// Table edits as QUndoCommands. A command only describes the write; performing it is the
// job of the TableWriter the app provides (which runs it on a worker), so undo/redo of a
// table entry never blocks and never happens inside the visualizer.
#pragma once

#include <QString>
#include <QUndoCommand>
#include <functional>

#include "runtime/table.h"

namespace p4wb::visualizer {

struct TableWrite {
  enum class Kind { Add, Modify, Delete, SetDefault, Script };
  Kind kind = Kind::Add;
  QString table;
  runtime::Entry entry;  // keys for Delete; action+params for SetDefault
  QString script;  // runtime_CLI lines for Script
};

using TableWriter = std::function<void(const TableWrite&)>;

// Adds `entry` (undo deletes it).
class AddEntryCommand : public QUndoCommand {
 public:
  AddEntryCommand(TableWriter writer, QString table, runtime::Entry entry);
  void redo() override;
  void undo() override;

 private:
  TableWriter m_writer;
  QString m_table;
  runtime::Entry m_entry;
};

// Deletes `entry` (undo adds it back with its action and parameters).
class DeleteEntryCommand : public QUndoCommand {
 public:
  DeleteEntryCommand(TableWriter writer, QString table, runtime::Entry entry);
  void redo() override;
  void undo() override;

 private:
  TableWriter m_writer;
  QString m_table;
  runtime::Entry m_entry;
};

// Turns `before` into `after`: a modify when the keys are equal, else delete + add.
class ModifyEntryCommand : public QUndoCommand {
 public:
  ModifyEntryCommand(TableWriter writer, QString table, runtime::Entry before,
                     runtime::Entry after);
  void redo() override;
  void undo() override;

 private:
  void apply(const runtime::Entry& from, const runtime::Entry& to);
  TableWriter m_writer;
  QString m_table;
  runtime::Entry m_before;
  runtime::Entry m_after;
};

// Sets the default action (undo restores the previous one).
class SetDefaultCommand : public QUndoCommand {
 public:
  SetDefaultCommand(TableWriter writer, QString table, runtime::Entry before,
                    runtime::Entry after);
  void redo() override;
  void undo() override;

 private:
  TableWriter m_writer;
  QString m_table;
  runtime::Entry m_before;
  runtime::Entry m_after;
};

// runtime_CLI line for an entry: "table_add <table> <action> <keys> => <params>".
QString runtimeCliLine(const QString& table, const runtime::Entry& entry);

}  // namespace p4wb::visualizer
