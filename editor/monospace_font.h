// The one monospace font the workbench uses for code, IR and listings, so every pane
// lines up the same way.
#pragma once

#include <QFont>

namespace p4wb::editor {

QFont monospaceFont();

}  // namespace p4wb::editor
