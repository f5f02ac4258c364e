// SourceManager: buffers with precomputed line starts.
#include "compiler/source/source_manager.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace p4wb::compiler {

struct SourceManager::File {
  std::string name;
  std::string text;
  std::vector<std::size_t> lineStarts;  // byte offset of each line's first byte
  FileId aliasOf = 0;  // addLineAlias: the buffer this name stands for
  std::int64_t aliasDelta = 0;
};

SourceManager::SourceManager() = default;
SourceManager::~SourceManager() = default;

FileId SourceManager::addBuffer(std::string name, std::string text) {
  auto file = std::make_unique<File>();
  file->name = std::move(name);
  file->text = std::move(text);
  file->lineStarts.push_back(0);
  for (std::size_t i = 0; i < file->text.size(); ++i)
    if (file->text[i] == '\n') file->lineStarts.push_back(i + 1);
  m_files.push_back(std::move(file));
  return static_cast<FileId>(m_files.size());
}

FileId SourceManager::addLineAlias(FileId target, std::string name, std::int64_t lineDelta) {
  const File* t = find(target);
  if (!t) return 0;
  if (t->aliasOf) {  // an alias of an alias: point at the real buffer
    lineDelta += t->aliasDelta;
    target = t->aliasOf;
  }
  auto file = std::make_unique<File>();
  file->name = std::move(name);
  file->aliasOf = target;
  file->aliasDelta = lineDelta;
  m_files.push_back(std::move(file));
  return static_cast<FileId>(m_files.size());
}

FileId SourceManager::addFile(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot open file '" + path + "'";
    return 0;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return addBuffer(path, ss.str());
}

const SourceManager::File* SourceManager::find(FileId file) const {
  if (file == 0 || file > m_files.size()) return nullptr;
  return m_files[file - 1].get();
}

std::string_view SourceManager::name(FileId file) const {
  const File* f = find(file);
  return f ? std::string_view(f->name) : std::string_view();
}

std::string_view SourceManager::text(FileId file) const {
  const File* f = find(file);
  if (f && f->aliasOf) return text(f->aliasOf);
  return f ? std::string_view(f->text) : std::string_view();
}

std::uint32_t SourceManager::lineCount(FileId file) const {
  const File* f = find(file);
  if (f && f->aliasOf)
    return static_cast<std::uint32_t>(std::max<std::int64_t>(0, lineCount(f->aliasOf) + f->aliasDelta));
  return f ? static_cast<std::uint32_t>(f->lineStarts.size()) : 0;
}

std::string_view SourceManager::lineText(FileId file, std::uint32_t line) const {
  const File* f = find(file);
  if (f && f->aliasOf) {
    std::int64_t real = static_cast<std::int64_t>(line) - f->aliasDelta;
    if (real <= 0 || real > UINT32_MAX) return {};
    return lineText(f->aliasOf, static_cast<std::uint32_t>(real));
  }
  if (!f || line == 0 || line > f->lineStarts.size()) return {};
  std::size_t begin = f->lineStarts[line - 1];
  std::size_t end = line < f->lineStarts.size() ? f->lineStarts[line] : f->text.size();
  std::string_view s(f->text.data() + begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

SourceLocation SourceManager::locationOf(FileId file, std::size_t offset) const {
  const File* f = find(file);
  if (!f || f->aliasOf) return {};
  auto it = std::upper_bound(f->lineStarts.begin(), f->lineStarts.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - f->lineStarts.begin());
  std::size_t col = offset - f->lineStarts[line - 1] + 1;
  return {file, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
}

}  // namespace p4wb::compiler
