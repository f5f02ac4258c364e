#include "app/studio/document.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

namespace p4wb::app {

bool Document::load(const QString& path, QString* text, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = QObject::tr("Cannot open %1: %2").arg(path, file.errorString());
    return false;
  }
  *text = QString::fromUtf8(file.readAll());
  m_path = QFileInfo(path).absoluteFilePath();
  return true;
}

bool Document::saveAs(const QString& path, const QString& text, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  file.write(text.toUtf8());
  if (!file.commit()) {
    *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  m_path = QFileInfo(path).absoluteFilePath();
  return true;
}

QString Document::displayName() const {
  return isUntitled() ? QStringLiteral("untitled.p4") : QFileInfo(m_path).fileName();
}

QString Document::compilerPath() const { return isUntitled() ? displayName() : m_path; }

}  // namespace p4wb::app
