// aisim: scenario simulator of national AI investment strategies.
// Looks the first argument up in the command table (command_table.hpp) and
// runs that command, one file per command (run_command.cpp, ...).
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/command_table.hpp"
#include "sim/cli/commands.hpp"

namespace {

constexpr const char* kUsageTop = R"(aisim: project national AI investment strategies over the years

Usage: aisim COMMAND [OPTIONS]

)";

constexpr const char* kUsageBottom = R"(
Options:
  -h, --help           this help; `aisim COMMAND --help` for a command's options
  --version            print the version

Example:
  aisim run korea-2026-ai-budget --set regions.KR.physical_focus=0.8 --draws 1000
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace sim::cli;
  // A file-size limit (ulimit -f) or similar then fails a write with EFBIG,
  // which the writers report as an error, instead of killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsageTop << CommandHelp() << kUsageBottom;
    return args.empty() ? kExitBadInput : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "aisim " << AISIM_VERSION << "\n";
    return kExitOk;
  }
  const Command* command = FindCommand(args[0]);
  if (!command) {
    std::cerr << UnknownCommandMessage(args[0]);
    return kExitBadInput;
  }
  return command->run(std::vector<std::string>(args.begin() + 1, args.end()));
}
