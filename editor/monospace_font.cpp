#include "editor/monospace_font.h"

#include <QFontDatabase>
#include <QStringList>

namespace p4wb::editor {

QFont monospaceFont() {
  // Prefer DejaVu Sans Mono (shipped with every Debian desktop); fall back to
  // whatever the platform calls its fixed font.
  QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  if (QFontDatabase::families().contains(QStringLiteral("DejaVu Sans Mono")))
    font.setFamily(QStringLiteral("DejaVu Sans Mono"));
  font.setStyleHint(QFont::Monospace);
  font.setFixedPitch(true);
  font.setPointSize(10);
  return font;
}

}  // namespace p4wb::editor
