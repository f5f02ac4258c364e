#include "editor/find_bar.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace p4wb::editor {

FindBar::FindBar(QsciScintilla* editor, QWidget* parent)
    : QWidget(parent),
      m_editor(editor),
      m_text(new QLineEdit),
      m_caseSensitive(new QCheckBox(tr("Match &case"))),
      m_wholeWord(new QCheckBox(tr("&Whole words"))),
      m_status(new QLabel) {
  setObjectName(QStringLiteral("FindBar"));
  m_text->setPlaceholderText(tr("Find"));
  m_text->setClearButtonEnabled(true);
  m_text->setMinimumWidth(260);
  auto* previous = new QToolButton;
  previous->setText(tr("Previous"));
  previous->setToolTip(tr("Find previous (Shift+F3)"));
  auto* next = new QToolButton;
  next->setText(tr("Next"));
  next->setToolTip(tr("Find next (F3)"));
  auto* hide = new QToolButton;
  hide->setText(QStringLiteral("\u00d7"));
  hide->setToolTip(tr("Close (Esc)"));
  hide->setAutoRaise(true);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 3, 6, 3);
  layout->addWidget(new QLabel(tr("Find:")));
  layout->addWidget(m_text);
  layout->addWidget(previous);
  layout->addWidget(next);
  layout->addWidget(m_caseSensitive);
  layout->addWidget(m_wholeWord);
  layout->addWidget(m_status, 1);
  layout->addWidget(hide);

  // Typing searches from where the current match starts, so the match grows in place.
  connect(m_text, &QLineEdit::textEdited, this, [this] { find(true, true); });
  connect(m_text, &QLineEdit::returnPressed, this, &FindBar::findNext);
  connect(next, &QToolButton::clicked, this, &FindBar::findNext);
  connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
  connect(hide, &QToolButton::clicked, this, &FindBar::close);
  hide->setFocusPolicy(Qt::NoFocus);
  QWidget::hide();
}

void FindBar::activate() {
  if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(QLatin1Char('\n')))
    m_text->setText(m_editor->selectedText());
  show();
  m_text->setFocus(Qt::ShortcutFocusReason);
  m_text->selectAll();
}

bool FindBar::findNext() { return find(true, false); }
bool FindBar::findPrevious() { return find(false, false); }

bool FindBar::find(bool forward, bool fromSelectionStart) {
  const QString text = m_text->text();
  m_status->clear();
  m_text->setStyleSheet({});
  if (text.isEmpty()) return false;

  int line = 0;
  int index = 0;
  int lineTo = 0;
  int indexTo = 0;
  if (m_editor->hasSelectedText()) {
    m_editor->getSelection(&line, &index, &lineTo, &indexTo);
    // Forward searches start after the selection (or at its start while typing);
    // backward ones before it, so repeated presses walk through the matches.
    if (forward && !fromSelectionStart) {
      line = lineTo;
      index = indexTo;
    }
  } else {
    m_editor->getCursorPosition(&line, &index);
  }
  const bool found = m_editor->findFirst(text, /*re=*/false, m_caseSensitive->isChecked(),
                                         m_wholeWord->isChecked(), /*wrap=*/true, forward, line,
                                         index, /*show=*/true);
  if (!found) {
    m_status->setText(tr("Not found"));
    m_text->setStyleSheet(QStringLiteral("background: #ffe4e4;"));
  }
  return found;
}

void FindBar::close() {
  hide();
  m_editor->setFocus(Qt::OtherFocusReason);
}

void FindBar::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape) {
    close();
    return;
  }
  QWidget::keyPressEvent(event);
}

}  // namespace p4wb::editor
