#include "runtime/object_spec.h"

#include <gelf.h>
#include <libelf.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace p4wb::runtime {

namespace {

// Closes an Elf handle on every path.
struct ElfCloser {
  Elf* elf;
  ~ElfCloser() {
    if (elf) elf_end(elf);
  }
};

}  // namespace

Result<std::string> extractSchemaSection(std::span<const std::uint8_t> bytes) {
  if (elf_version(EV_CURRENT) == EV_NONE) return makeError(EINVAL, "libelf initialisation failed");
  if (bytes.size() < 4 || std::memcmp(bytes.data(), "\x7f" "ELF", 4) != 0)
    return makeError(EINVAL, "not an ELF object");
  // libelf wants a mutable pointer but only reads in ELF_C_READ_MEMORY mode.
  Elf* elf = elf_memory(const_cast<char*>(reinterpret_cast<const char*>(bytes.data())), bytes.size());
  ElfCloser closer{elf};
  if (!elf || elf_kind(elf) != ELF_K_ELF)
    return makeError(EINVAL, std::string("not an ELF object: ") + elf_errmsg(-1));
  std::size_t shstrndx = 0;
  if (elf_getshdrstrndx(elf, &shstrndx) != 0)
    return makeError(EINVAL, std::string("ELF object has no section name table: ") + elf_errmsg(-1));
  for (Elf_Scn* scn = elf_nextscn(elf, nullptr); scn; scn = elf_nextscn(elf, scn)) {
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr)) continue;
    const char* name = elf_strptr(elf, shstrndx, shdr.sh_name);
    if (!name || std::strcmp(name, ".p4wb.schema") != 0) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data || !data->d_buf) return std::string();
    std::string text(static_cast<const char*>(data->d_buf), data->d_size);
    // A C string array may carry its terminating NUL into the section.
    while (!text.empty() && text.back() == '\0') text.pop_back();
    return text;
  }
  return makeError(ENOENT, "the object has no .p4wb.schema section");
}

Result<std::vector<std::uint8_t>> readFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(errno ? errno : ENOENT, "cannot open " + path);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return makeError(EIO, "cannot read " + path);
  return bytes;
}

Result<ObjectSpec> ObjectSpec::fromBytes(std::vector<std::uint8_t> bytes,
                                         std::optional<std::string> schemaJson) {
  if (!schemaJson) {
    Result<std::string> section = extractSchemaSection(bytes);
    if (!section) return section.error();
    schemaJson = std::move(*section);
  } else if (bytes.size() < 4 || std::memcmp(bytes.data(), "\x7f" "ELF", 4) != 0) {
    return makeError(EINVAL, "not an ELF object");
  }
  Result<ProgramSchema> schema = parseSchema(*schemaJson);
  if (!schema) return schema.error();
  ObjectSpec spec;
  spec.m_bytes = std::move(bytes);
  spec.m_schema = std::move(*schema);
  return spec;
}

Result<ObjectSpec> ObjectSpec::fromFile(const std::string& path, std::optional<std::string> schemaJson) {
  Result<std::vector<std::uint8_t>> bytes = readFileBytes(path);
  if (!bytes) return bytes.error();
  Result<ObjectSpec> spec = fromBytes(std::move(*bytes), std::move(schemaJson));
  if (!spec) return makeError(spec.error().errnum, path + ": " + spec.error().message, spec.error().detail);
  return spec;
}

}  // namespace p4wb::runtime
