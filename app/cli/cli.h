// Shared plumbing of the `p4wb` command-line tool: how a subcommand registers itself,
// how it fails (exit 1 with one line on stderr), and how it prints --json.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace p4wb::app::cli {

// Thrown by a subcommand to end with exit status 1 and `p4wb: <message>` on stderr.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Exit statuses: 0 success, 1 the command failed, 2 usage error.
enum ExitCode : int { kOk = 0, kFailed = 1, kUsage = 2 };

// Each file adds its subcommands to the app; the callback sets `exitCode`.
struct Context {
  int exitCode = kOk;
};

void addCompileCommands(CLI::App& app, Context& ctx);
void addTargetCommands(CLI::App& app, Context& ctx);
void addTableCommands(CLI::App& app, Context& ctx);
void addCountersCommands(CLI::App& app, Context& ctx);
void addRunCommands(CLI::App& app, Context& ctx);
void addExecCommands(CLI::App& app, Context& ctx);
void addLabCommands(CLI::App& app, Context& ctx);
void addPacketCommands(CLI::App& app, Context& ctx);
void addReloadCommands(CLI::App& app, Context& ctx);
void addExternCommands(CLI::App& app, Context& ctx);  // externs, counter, register, flows

// --stage-counters=edges|all (into `mode`): where the compiled program counts stages.
void addStageCountersOption(CLI::App* cmd, std::string& mode);

// File helpers that turn I/O errors into Failure.
std::vector<std::uint8_t> readBinaryFile(const std::string& path);
std::string readTextFile(const std::string& path);
void writeFile(const std::string& path, const void* data, std::size_t size);
inline void writeFile(const std::string& path, const std::string& text) {
  writeFile(path, text.data(), text.size());
}

// Prints JSON (pretty, newline-terminated) on stdout.
void printJson(const nlohmann::json& j);

}  // namespace p4wb::app::cli
