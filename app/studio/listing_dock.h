// A read-only, monospace dock for compiler output (LLVM IR, the eBPF listing), with
// light syntax colouring so the user can find functions, maps and source lines.
#pragma once

#include <QDockWidget>

class QPlainTextEdit;

namespace p4wb::app {

class ListingDock : public QDockWidget {
  Q_OBJECT

public:
  enum class Flavor { LlvmIr, BpfAsm };

  ListingDock(const QString& title, const QString& objectName, Flavor flavor,
              QWidget* parent = nullptr);

  void setListing(const QString& text);
  void clearListing(const QString& why);
  QString text() const;
  QPlainTextEdit* textEdit() const { return m_edit; }

private:
  QPlainTextEdit* m_edit;
};

}  // namespace p4wb::app
