#include "app/studio/listing_dock.h"

#include <QPlainTextEdit>

#include "app/studio/listing_highlighter.h"
#include "editor/monospace_font.h"

namespace p4wb::app {

ListingDock::ListingDock(const QString& title, const QString& objectName, Flavor flavor,
                         QWidget* parent)
    : QDockWidget(title, parent), m_edit(new QPlainTextEdit) {
  setObjectName(objectName);
  m_edit->setObjectName(objectName + QStringLiteral("Text"));
  m_edit->setReadOnly(true);
  m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
  m_edit->setFont(editor::monospaceFont());
  m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  m_edit->setUndoRedoEnabled(false);
  new ListingHighlighter(flavor == Flavor::LlvmIr ? ListingHighlighter::Flavor::LlvmIr
                                                  : ListingHighlighter::Flavor::BpfAsm,
                         m_edit->document());
  clearListing(tr("Compile the program (Ctrl+B) to see its %1.").arg(title));
  setWidget(m_edit);
}

void ListingDock::setListing(const QString& text) {
  m_edit->setPlainText(text);
}

void ListingDock::clearListing(const QString& why) {
  m_edit->clear();
  m_edit->setPlaceholderText(why);
}

QString ListingDock::text() const { return m_edit->toPlainText(); }

}  // namespace p4wb::app
