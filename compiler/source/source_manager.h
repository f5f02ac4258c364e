// SourceManager owns every buffer the compiler reads (files, editor text, includes,
// command-line defines) and maps a SourceLocation back to its file name and line text.
// Buffers never move once added, so string_views into them stay valid for its lifetime.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace p4wb::compiler {

// Identifies one buffer of a SourceManager. 0 means "no file".
using FileId = std::uint32_t;

// A place in the original source: file, 1-based line, 1-based byte column.
// A default-constructed location is invalid (file 0) and renders without a place.
struct SourceLocation {
  FileId file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  bool valid() const { return file != 0 && line != 0; }
  bool operator==(const SourceLocation&) const = default;
};

class SourceManager {
 public:
  SourceManager();
  ~SourceManager();
  SourceManager(const SourceManager&) = delete;
  SourceManager& operator=(const SourceManager&) = delete;

  // Adds a buffer; `name` is what diagnostics print (as the user or #include named it).
  FileId addBuffer(std::string name, std::string text);

  // `#line N "name"`: a file id named `name` whose line L is line L - lineDelta of
  // `target` (text and lineText read the target's buffer).
  FileId addLineAlias(FileId target, std::string name, std::int64_t lineDelta);

  // Reads a file from disk and adds it; returns 0 (and leaves `error` set) on failure.
  FileId addFile(const std::string& path, std::string* error = nullptr);

  // Name, full text and path of a buffer; empty for an unknown id.
  std::string_view name(FileId file) const;
  std::string_view text(FileId file) const;

  // Text of 1-based `line` without its line terminator; empty when out of range.
  std::string_view lineText(FileId file, std::uint32_t line) const;
  std::uint32_t lineCount(FileId file) const;

  // Location of byte `offset` in `file`.
  SourceLocation locationOf(FileId file, std::size_t offset) const;

  std::size_t fileCount() const { return m_files.size(); }

 private:
  struct File;
  const File* find(FileId file) const;
  std::vector<std::unique_ptr<File>> m_files;
};

}  // namespace p4wb::compiler
